import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { client, Client, must } from './helpers/http';
import { openStream } from './helpers/sse';
import { sql, startTestApp, TestApp, testEnv } from './helpers/test-app';
import { pool, serviceAtHall, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/**
 * The queue on two API instances sharing one MariaDB database (issue 15): 200 tickets taken at once
 * over both never share a number; windows calling at once on both never call the same ticket; and a
 * change made on one instance reaches a live stream held by the other.
 */
const NOW = '2026-12-07T10:00:00.000+08:00';

describe('the queue on two instances', () => {
  let t: TestApp;
  let second: NestExpressApplication;
  let a: Client;
  let b: Client;
  let hallId: string;
  let serviceId: string;
  let code: string;
  let staff: string;
  let windows: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    second = await createApp(loadConfig(testEnv(t.database, { SEED_DEMO: '0' })));
    await second.listen(0, '127.0.0.1');
    a = client(t.url);
    b = client(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
    await setClock(a, NOW);
    await setClock(b, NOW);
    const s = await staffToken(a);
    staff = s.token;
    hallId = s.hallId;
    serviceId = (await serviceAtHall(a, hallId)).id;
    code = must(await a.get('/api/staff/hall-code', { token: staff }), 200, 'hall-code').hallCode;
    // both instances compute the same daily code
    expect(must(await b.get('/api/staff/hall-code', { token: staff }), 200, 'hall-code').hallCode).toBe(code);
    windows = must(await a.get('/api/staff/windows', { token: staff }), 200, 'windows');
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('issues 200 concurrent tickets over both instances without a duplicate or a gap in any lane', async () => {
    const citizens: Session[] = await pool(Array.from({ length: 10 }, (_, i) => i), 5, () => verifiedCitizen(a));
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? b : a).post(`/api/halls/${hallId}/tickets`, { serviceId, hallCode: code, ...(i % 5 === 0 ? { green: { reason: '老人' } } : {}) }, { token: citizens[i % 10].token }),
      ),
    );
    expect(answers.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const numbers = answers.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(200);
    const green = numbers.filter((n) => n.startsWith('G')).sort();
    const normal = numbers.filter((n) => n.startsWith('N')).sort();
    expect(green).toEqual(Array.from({ length: 40 }, (_, i) => `G${String(i + 1).padStart(3, '0')}`));
    expect(normal).toEqual(Array.from({ length: 160 }, (_, i) => `N${String(i + 1).padStart(3, '0')}`));
    const rows = await sql<{ n: number }>(t.config.database.url!, 'SELECT COUNT(DISTINCT lane, seq) AS n FROM queue_tickets WHERE hall_id = ?', [hallId]);
    expect(Number(rows[0].n)).toBe(200);
  });

  it('never calls one ticket to two windows when all windows call at once on both instances', async () => {
    const called: string[] = [];
    for (let round = 0; round < 60; round++) {
      const answers = await Promise.all(windows.map((w, i) => (i % 2 ? b : a).post(`/api/staff/windows/${w.id}/call-next`, undefined, { token: staff })));
      const got = answers.filter((r) => r.status === 200).map((r) => r.body as { id: string });
      const empty = answers.filter((r) => r.status === 409 && r.body.details?.reason === 'queue_empty');
      expect(got.length + empty.length).toBe(windows.length);
      called.push(...got.map((x) => x.id));
      await Promise.all(got.map((x, i) => (i % 2 ? a : b).post(`/api/staff/tickets/${x.id}/finish`, undefined, { token: staff })));
      if (got.length === 0) break;
    }
    expect(new Set(called).size).toBe(called.length);
    expect(called.length).toBe(200);
    const rows = await sql<{ status: string; n: number }>(t.config.database.url!, 'SELECT status, COUNT(*) AS n FROM queue_tickets WHERE hall_id = ? GROUP BY status', [hallId]);
    expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([['done', 200]]);
  });

  it('delivers a change made on one instance to a stream held on the other', async () => {
    const u = await verifiedCitizen(a);
    const first = must(await a.post(`/api/halls/${hallId}/tickets`, { serviceId, hallCode: code }, { token: u.token }), 201, 'take');
    const mine = must(await a.post(`/api/halls/${hallId}/tickets`, { serviceId, hallCode: code }, { token: u.token }), 201, 'take');
    const stream = await openStream(`${b.baseUrl}/api/tickets/${mine.id}/events`, u.token);
    expect(stream.status).toBe(200);
    try {
      expect(await stream.next()).toMatchObject({ ahead: 1, status: 'waiting' });
      const t0 = Date.now();
      expect(must(await a.post(`/api/staff/windows/${windows[0].id}/call-next`, undefined, { token: staff }), 200, 'call').id).toBe(first.id);
      expect(await stream.next()).toMatchObject({ ahead: 0, status: 'waiting' });
      // one poll a second: the other instance learns within about a second
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      stream.close();
    }
  });

  it('calls one ticket to a window when its staff tap 叫号 on both instances at once', async () => {
    const w = windows[windows.length - 1];
    await a.post(`/api/staff/windows/${windows[0].id}/call-next`, undefined, { token: staff }); // what the last test left waiting
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 3; i++) must(await a.post('/api/staff/tickets', { serviceId }, { token: staff }), 201, 'desk ticket');
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? b : a).post(`/api/staff/windows/${w.id}/call-next`, undefined, { token: staff })));
      const ok = answers.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      expect(answers.filter((r) => r.status === 409).map((r) => r.body.details?.reason)).toEqual(Array(5).fill('window_busy'));
      must(await a.post(`/api/staff/tickets/${(ok[0].body as { id: string }).id}/finish`, undefined, { token: staff }), 200, 'finish');
      const onWindow = await sql<{ n: number }>(t.config.database.url!, "SELECT COUNT(*) AS n FROM queue_tickets WHERE window_id = ? AND status IN ('called', 'serving')", [w.id]);
      expect(Number(onWindow[0].n)).toBe(0);
    }
  });
});
