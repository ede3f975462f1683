import { expectErrorShape, staffSignIn } from './helpers/http';
import { signIn } from '../../test/support/http';
import { verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

const TOKEN = 'scrape-token-0123456789';

/** One sample of the Prometheus text: the value of `name{labels}` (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Headers as a reader compares two answers: all but the per-request ones. */
const comparable = (h: Headers): Record<string, string> => {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    if (!['x-request-id', 'date', 'keep-alive', 'connection'].includes(k)) out[k] = v;
  });
  return out;
};

/**
 * The fast lane (issue 18): a repeated public catalogue read is answered before Express and Nest, and
 * a client cannot tell: same bytes, headers, ETag/304, request id, metrics; never a stale answer.
 */
describe('fast lane for the public catalogue', () => {
  const f = useTestApp({ world: false, env: { METRICS_TOKEN: TOKEN, THROTTLE_IP_LIMIT: '0' } });
  const api = f.api;
  const laneCount = async (route: string) =>
    sample((await api.get('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text, `zwt_fast_lane_answers_total{route="${route}"}`);

  it('answers a repeated search and guide exactly as the full pipeline did, 304 included, and counts them', async () => {
    const url = `/api/services?q=${encodeURIComponent('营业执照')}&pageSize=5`;
    const lanesBefore = await laneCount('/api/services');
    const first = await api.get(url);
    const second = await api.get(url, { headers: { 'x-request-id': 'lane-req-1' } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(comparable(second.headers)).toEqual(comparable(first.headers));
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'"); // the security headers too
    expect(second.headers.get('x-request-id')).toBe('lane-req-1');
    expect(await laneCount('/api/services')).toBe(lanesBefore + 1);

    const id = first.body.items[0].id as string;
    const guide = await api.get(`/api/services/${id}`);
    const again = await api.get(`/api/services/${id}`);
    expect(again.text).toBe(guide.text);
    const notModified = await api.get(`/api/services/${id}`, { headers: { 'if-none-match': guide.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(guide.headers.get('etag'));
    expect(await laneCount('/api/services/:id')).toBe(2);
    // the lane's answers are in the request metrics as the full pipeline's are
    const text = (await api.get('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text;
    expect(sample(text, 'zwt_http_requests_total{method="GET",route="/api/services/:id",status="304"}')).toBe(1);
  });

  it('never answers from an older catalogue: an admin write is seen by the next read', async () => {
    const admin = (await staffSignIn(api, 'admin', 'Admin@2026!')).accessToken;
    const depts = (await api.get('/api/admin/departments', { token: admin })).body as Array<{ id: string; name: string; sortOrder: number }>;
    const d = depts[0];
    const url = `/api/services?departmentId=${d.id}&pageSize=1`;
    const before = await api.get(url);
    await api.get(url); // now kept for the lane
    const renamed = await api.put(`/api/admin/departments/${d.id}`, { name: `${d.name}（改）`, sortOrder: d.sortOrder }, { token: admin });
    expect(renamed.status).toBe(200);
    try {
      const after = await api.get(url);
      expect(after.text).not.toBe(before.text);
      expect(after.text).toContain(`${d.name}（改）`);
    } finally {
      await api.put(`/api/admin/departments/${d.id}`, { name: d.name, sortOrder: d.sortOrder }, { token: admin });
    }
  });

  it('leaves a cross-origin read to the full pipeline and its CORS headers', async () => {
    const url = `/api/services?q=${encodeURIComponent('户籍')}`;
    await api.get(url);
    const lanes = await laneCount('/api/services');
    const r = await api.get(url, { headers: { origin: 'http://localhost:3000' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(await laneCount('/api/services')).toBe(lanes);
  });
});

describe('fast lane under a per-address limit', () => {
  const f = useTestApp({ world: false, env: { THROTTLE_IP_LIMIT: '5' } });
  it('counts lane answers in the limiter’s own allowance, and refuses an address past it (429 in the error shape)', async () => {
    const answers = [];
    // the first is the full pipeline's (it keeps the answer for the lane), the rest the lane's
    for (let i = 0; i < 8; i++) answers.push(await f.api.get('/api/services?q=x'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expectErrorShape(answers[5], 429, 'RATE_LIMITED');
    expect(Number(answers[5].headers.get('retry-after'))).toBeGreaterThan(0);
    // one count for both ways, as the limiter keeps it: never a second allowance for the lane
    expect(answers.slice(0, 5).map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    expect(answers[1].headers.get('x-ratelimit-limit')).toBe('5');
    expect(Number(answers[1].headers.get('x-ratelimit-reset'))).toBeLessThanOrEqual(60);
  });
});

describe('fast lane under a per-address limit: odd forwarded addresses', () => {
  const f = useTestApp({ world: false, env: { THROTTLE_IP_LIMIT: '5' } });
  it('reads the client address as Express does, however odd the X-Forwarded-For: one allowance for both ways', async () => {
    const odd = ['203.0.113.9,', '203.0.113.10, 127.0.0.1:80', '203.0.113.11, 127.999.0.1', '9.9.9.9,\t203.0.113.12', '203.0.113.13,,127.0.0.1'];
    for (const [i, xff] of odd.entries()) {
      const statuses = [];
      // every other request the full way (an Origin header), the rest through the lane
      for (let k = 0; k < 6; k++) statuses.push((await f.api.get(`/api/services?q=x${i}`, { headers: { 'x-forwarded-for': xff, ...(k % 2 ? { origin: 'https://elsewhere.example' } : {}) } })).status);
      expect({ xff, statuses }).toEqual({ xff, statuses: [200, 200, 200, 200, 200, 429] });
    }
  });
});

describe('fast lane under a per-address limit: bookings', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z', env: { THROTTLE_IP_LIMIT: '5' } });
  it('counts lane and pipeline bookings in one allowance, and books nothing past it', async () => {
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 5 });
    const serviceId = f.world.service.id;
    const a = await verifiedCitizen(f.api);
    const tries = [];
    // four through the lane (a slot that does not exist: 404), then one the full way
    for (let i = 0; i < 4; i++) tries.push(await f.api.post('/api/bookings', { slotId: 'nope', serviceId }, { token: a.token }));
    tries.push(await f.api.post('/api/bookings', { slotId: 'nope', serviceId, pad: 'x'.repeat(5000) }, { token: a.token }));
    expect(tries.map((t) => t.status)).toEqual([404, 404, 404, 404, 404]);
    expect(tries.map((t) => t.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    // the sixth, a real booking the lane would take: 429, and nothing booked (the limit comes before the work)
    expectErrorShape(await f.api.post('/api/bookings', { slotId, serviceId }, { token: a.token }), 429, 'RATE_LIMITED');
    const mine = await f.api.get('/api/bookings', { token: a.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([]);
  });
});

/**
 * The booking refusal lane: at 8:00 a slot this instance saw full is refused from memory, and the
 * caller cannot tell — same status, body and headers, counted as a refused booking — while a freed
 * place is bookable at once and anything unusual takes the full way.
 */
describe('fast lane for refusals of a full slot', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z', env: { METRICS_TOKEN: TOKEN, THROTTLE_IP_LIMIT: '0' } });
  const api = f.api;
  const scrape = async () => (await api.get('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).text;
  const lanes = async () => sample(await scrape(), 'zwt_fast_lane_answers_total{route="/api/bookings"}');

  it('refuses a full slot as the full pipeline does, counts it, and lets a freed place be booked at once', async () => {
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 1 });
    const serviceId = f.world.service.id;
    const [a, b] = [await verifiedCitizen(api), await verifiedCitizen(api)];
    const booked = await api.post('/api/bookings', { slotId, serviceId }, { token: a.token });
    expect(booked.status).toBe(201);

    // the last place was taken here: the next request is refused from memory (for a caller this
    // instance knows: b has just looked at the bookings page)…
    expect((await api.get('/api/bookings', { token: b.token })).status).toBe(200);
    const before = await scrape();
    const fromLane = await api.post('/api/bookings', { slotId, serviceId }, { token: b.token });
    expectErrorShape(fromLane, 409, 'SLOT_FULL');
    const after = await scrape();
    expect(sample(after, 'zwt_fast_lane_answers_total{route="/api/bookings"}')).toBe(sample(before, 'zwt_fast_lane_answers_total{route="/api/bookings"}') + 1);
    expect(sample(after, 'zwt_bookings_total{result="refused"}')).toBe(sample(before, 'zwt_bookings_total{result="refused"}') + 1);

    // …and through Express and Nest (a body past the lane's 4 KiB goes the full way): the same answer
    const n = await lanes();
    const fromPipeline = await api.post('/api/bookings', { slotId, serviceId, pad: 'x'.repeat(5000) }, { token: b.token });
    expect(await lanes()).toBe(n);
    expect(fromPipeline.status).toBe(409);
    expect(fromPipeline.text).toBe(fromLane.text);
    expect(comparable(fromLane.headers)).toEqual(comparable(fromPipeline.headers));

    // anything but a plain request of one's own goes the full way: a bad token, an agent's request
    expectErrorShape(await api.post('/api/bookings', { slotId, serviceId }, { token: `${b.token}x` }), 401, 'UNAUTHENTICATED');
    const onBehalf = await api.post('/api/bookings', { slotId, serviceId, onBehalfOf: { type: 'enterprise', id: 'nope' } }, { token: b.token });
    expect(onBehalf.status).not.toBe(201);
    expect(await lanes()).toBe(n);

    // a place freed here is bookable at once
    expect((await api.post(`/api/bookings/${booked.body.id}/cancel`, {}, { token: a.token })).status).toBe(200);
    expect((await api.post('/api/bookings', { slotId, serviceId }, { token: b.token })).status).toBe(201);
  });

  it('books through the lane exactly as through the full pipeline: the view, each refusal, its log line and metrics', async () => {
    const slotId = await f.slot('2026-12-08T05:00:00.000Z', { capacity: 3 });
    const serviceId = f.world.service.id;
    const viaPipeline = (token: string, extra: object = {}) => api.post('/api/bookings', { slotId, serviceId, ...extra, pad: 'x'.repeat(5000) }, { token });
    const [a, b] = [await verifiedCitizen(api), await verifiedCitizen(api)];
    const before = await scrape();
    const laneBooked = await api.post('/api/bookings', { slotId, serviceId }, { token: a.token });
    const pipelineBooked = await viaPipeline(b.token);
    const after = await scrape();
    expect(laneBooked.status).toBe(201);
    expect(pipelineBooked.status).toBe(201);
    expect(sample(after, 'zwt_fast_lane_answers_total{route="/api/bookings"}')).toBe(sample(before, 'zwt_fast_lane_answers_total{route="/api/bookings"}') + 1);
    expect(sample(after, 'zwt_bookings_total{result="booked"}')).toBe(sample(before, 'zwt_bookings_total{result="booked"}') + 2);
    // the same view, field for field (the ids, code and counts left aside), and the same headers
    const shape = (v: Record<string, unknown>) => ({ ...v, id: '-', code: '-', userId: '-', actorId: '-', slot: { ...(v.slot as object), booked: '-', remaining: '-' } });
    expect(Object.keys(laneBooked.body).sort()).toEqual(Object.keys(pipelineBooked.body).sort());
    expect(shape(laneBooked.body)).toEqual(shape(pipelineBooked.body));
    expect(comparable(laneBooked.headers)).toEqual(comparable(pipelineBooked.headers));
    expect(laneBooked.headers.get('x-request-id')).toBeTruthy();
    // the booking is there, for its owner
    expect((await api.get(`/api/bookings/${laneBooked.body.id}`, { token: a.token })).status).toBe(200);

    // a second tap: the same refusal either way
    const again = await api.post('/api/bookings', { slotId, serviceId }, { token: a.token });
    expectErrorShape(again, 409, 'DUPLICATE_BOOKING');
    expect(again.text).toBe((await viaPipeline(a.token)).text);
    // a slot that does not exist
    const missing = await api.post('/api/bookings', { slotId: 'no-such-slot', serviceId }, { token: a.token });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe((await api.post('/api/bookings', { slotId: 'no-such-slot', serviceId, pad: 'x'.repeat(5000) }, { token: a.token })).text);
    // a caller without a verified real name
    const unverified = await signIn(api);
    const refused = await api.post('/api/bookings', { slotId, serviceId }, { token: unverified.accessToken });
    expectErrorShape(refused, 403, 'REAL_NAME_REQUIRED');
    expect(refused.text).toBe((await viaPipeline(unverified.accessToken)).text);
  });

  it('reads a body with a byte-order mark as the body parser does (a booking, not a 400)', async () => {
    const slotId = await f.slot('2026-12-08T03:00:00.000Z', { capacity: 3 });
    const a = await verifiedCitizen(api);
    const r = await fetch(`${f.t.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
      body: `\uFEFF${JSON.stringify({ slotId, serviceId: f.world.service.id })}`,
    });
    expect(r.status).toBe(201);
  });

  it('answers a body that is not JSON as the body parser does', async () => {
    const a = await verifiedCitizen(api);
    const send = (path: string) => fetch(`${f.t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` }, body: '{"slotId": ' });
    const lane = await send('/api/bookings');
    const pipeline = await send('/api/me/verify');
    expect(lane.status).toBe(400);
    expect(await lane.text()).toBe(await pipeline.text());
    // whitespace alone is not an empty body to the parser: the same 400 either way
    const blank = (path: string) => fetch(`${f.t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` }, body: '  \n' });
    const [laneBlank, pipelineBlank] = [await blank('/api/bookings'), await blank('/api/me/verify')];
    expect(laneBlank.status).toBe(400);
    expect(await laneBlank.text()).toBe(await pipelineBlank.text());
  });
});
