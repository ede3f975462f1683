import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { requestIdOf } from '../logging/logging';
import { clientAddress, FixedWindowCounter, parseStrictJson, rateLimitHeaders } from './fast-lane.rules';

/** A ready answer a lane found for a request: sent as it is, without the framework. */
export interface LaneAnswer {
  status: number;
  /** every header but the request id (added here) and Content-Length (computed here) */
  headers: Readonly<Record<string, string>>;
  /** null for a 304 */
  body: string | null;
  /** the route pattern the full pipeline would have matched (metrics, logs) */
  route: string;
}

/** Looks at a request's line and headers (never its body) and answers it, or null: the full pipeline does. Synchronous. */
export type Lane = (req: IncomingMessage) => LaneAnswer | null;

/**
 * A lane for a small JSON POST: `wants` looks at the request line and headers only; `answer` sees the
 * parsed body too and answers, or null: the full pipeline does, with the body already parsed (`req.body`).
 */
export interface BodyLane {
  wants(req: IncomingMessage): boolean;
  answer(req: IncomingMessage, body: unknown): LaneAnswer | null | Promise<LaneAnswer | null>;
}

/** The largest body a body lane reads (a larger one goes to the full pipeline unread). */
export const LANE_BODY_MAX_BYTES = 4096;

/** The structured logger's two calls a lane needs (pino's). */
export interface LaneLog {
  isLevelEnabled(level: string): boolean;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FastLaneOptions {
  lanes: Lane[];
  bodyLanes: BodyLane[];
  /** the answer to a body that is not JSON, as the full pipeline's body parser would give it */
  badJson: () => LaneAnswer;
  /** the log level of an answer with this status, as the full pipeline's access log has it */
  levelOf: (status: number) => 'info' | 'warn' | 'error';
  /** the app's request logger, read at each request (it exists once the app started) */
  log: () => LaneLog | undefined;
  /** told of each answer, as the metrics middleware is for the full pipeline */
  answered: (method: string, route: string, status: number, seconds: number) => void;
  /** requests a minute an address may have answered by the lanes of this instance (0: no limit); past it the full pipeline, with the shared limiter, answers */
  perAddressPerMinute: number;
  /** whether the loopback proxy's X-Forwarded-For names the client (Express's `trust proxy: loopback`) */
  trustLoopbackProxy: boolean;
}

/**
 * The fast lane (issue 18): requests a lane can answer from memory (the public catalogue's cached
 * answers) are answered before Express, Nest and their per-request costs — with the same headers,
 * body, request id, access-log line and metrics as the full pipeline would give. Everything else,
 * and every request a lane declines, goes on to the app's own request listener unchanged.
 */
export function installFastLane(server: Server, o: FastLaneOptions): void {
  const app = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  const window = new FixedWindowCounter(60_000);
  const full = (req: IncomingMessage, res: ServerResponse): void => {
    for (const l of app) l.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // CORS answers depend on the Origin: those stay with the full pipeline's CORS middleware
    if (req.headers.origin !== undefined) return full(req, res);
    const started = process.hrtime.bigint();
    if (req.method === 'GET') {
      let a: LaneAnswer | null = null;
      for (const lane of o.lanes) if ((a = lane(req))) break;
      if (!a || !send(req, res, a, started, o, window)) full(req, res);
      return;
    }
    const lane = req.method === 'POST' ? o.bodyLanes.find((l) => l.wants(req)) : undefined;
    if (!lane || !smallJson(req)) return full(req, res);
    readBody(req, (text) => {
      const parsed = parseStrictJson(text);
      // (answered whatever the lane limit: the full pipeline could no longer read the body)
      if (parsed === undefined) return void send(req, res, o.badJson(), started, o, null);
      const decided = (a: LaneAnswer | null): void => {
        if (a && send(req, res, a, started, o, window)) return;
        // the body is read: Express's parsers see a finished request and leave `req.body` as it is
        (req as IncomingMessage & { body?: unknown }).body = parsed;
        full(req, res);
      };
      const a = lane.answer(req, parsed);
      if (a instanceof Promise) a.then(decided, () => decided(null));
      else decided(a);
    });
  });
}

/** A JSON body of a known, small length in UTF-8, not compressed: what a body lane reads. */
function smallJson(req: IncomingMessage): boolean {
  const h = req.headers;
  const length = Number(h['content-length']);
  if (!(length >= 0 && length <= LANE_BODY_MAX_BYTES) || h['content-encoding'] !== undefined) return false;
  return /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(h['content-type'] ?? '');
}

function readBody(req: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.once('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

/** Each answer's headers as the flat list writeHead takes, Content-Length included, made once per headers object and body length. */
const lists = new WeakMap<object, { length: number; list: string[] }>();

function headerList(a: LaneAnswer): string[] {
  const length = a.body === null ? -1 : Buffer.byteLength(a.body);
  const known = lists.get(a.headers);
  if (known && known.length === length) return known.list;
  const list = Object.entries(a.headers).flat();
  if (length >= 0) list.push('content-length', String(length));
  lists.set(a.headers, { length, list });
  return list;
}

/** Send a lane's answer with the request id, log it and count it; false (nothing sent) when the address is past this instance's lane limit. */
function send(req: IncomingMessage, res: ServerResponse, a: LaneAnswer, started: bigint, o: FastLaneOptions, window: FixedWindowCounter | null): boolean {
  let limits: string[] = [];
  if (window && o.perAddressPerMinute > 0) {
    const now = Date.now();
    const hits = window.hit(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], o.trustLoopbackProxy), now);
    if (hits > o.perAddressPerMinute) return false;
    limits = rateLimitHeaders(o.perAddressPerMinute, hits, window.resetsInMs(now));
  }
  const id = requestIdOf(req);
  res.writeHead(a.status, [...headerList(a), ...limits, 'x-request-id', id]);
  res.end(a.body ?? undefined);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const method = req.method ?? 'GET';
  o.answered(method, a.route, a.status, seconds);
  const log = o.log();
  const level = o.levelOf(a.status);
  if (log?.isLevelEnabled(level)) {
    log[level]({ req: { id, method, url: req.url }, res: { statusCode: a.status }, responseTime: Math.round(seconds * 1000) }, 'request completed');
  }
  return true;
}

/**
 * The headers a synchronous header-setting middleware (helmet) sets, captured once on a stand-in
 * response, for the lanes to send with their answers.
 */
export function headersSetBy(middleware: (req: never, res: never, next: (err?: unknown) => void) => void): Record<string, string> {
  const set = new Map<string, string>();
  const res = {
    setHeader: (k: string, v: string | number | readonly string[]) => void set.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)),
    removeHeader: (k: string) => void set.delete(k.toLowerCase()),
    getHeader: (k: string) => set.get(k.toLowerCase()),
  };
  let called = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as never, res as never, () => (called = true));
  if (!called) throw new Error('headersSetBy: the middleware did not finish synchronously');
  return Object.fromEntries(set);
}
