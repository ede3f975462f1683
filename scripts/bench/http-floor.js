'use strict';
/**
 * The flash crowd's HTTP floor (issue 18; started by flash.js as its own process, as the API is):
 * a bare `node:http` server that does for POST /api/bookings only what no API can skip — read the
 * JSON body, verify the HS256 access token as the API does (jsonwebtoken, the secret as a KeyObject),
 * answer — with no framework and no database: 201 for the first FLOOR_CAPACITY callers of each slot id, 409 SLOT_FULL
 * for the rest. What this machine gives any Node API for the crowd; the API's figures sit beside it.
 * Env: PORT, JWT_SECRET, FLOOR_CAPACITY. Prints "listening" when ready.
 */
const http = require('node:http');
const { createSecretKey } = require('node:crypto');
const jwt = require('jsonwebtoken');

const key = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));
const capacity = Number(process.env.FLOOR_CAPACITY);
/** places left per slot id (each slot the crowd names starts full of places: a warm-up's takes none of the crowd's) */
const places = new Map();
const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let slotId;
    try {
      slotId = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).slotId);
      jwt.verify(String(req.headers.authorization).replace(/^Bearer\s+/i, ''), key, { algorithms: ['HS256'] });
    } catch {
      return send(res, 401, { code: 'UNAUTHENTICATED' });
    }
    const left = places.get(slotId) ?? capacity;
    if (left > 0) {
      places.set(slotId, left - 1);
      return send(res, 201, { status: 'booked' });
    }
    send(res, 409, { code: 'SLOT_FULL' });
  });
});
server.listen({ port: Number(process.env.PORT), host: '127.0.0.1', backlog: 4096 }, () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
