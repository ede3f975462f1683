import { randomUUID } from 'node:crypto';
import { expectErrorShape } from './helpers/http';
import { adminToken, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/** Monthly call-back sampling (DESIGN.md: 20% of key projects, 2% of the rest by default). */
describe('call-back sampling', () => {
  const f = useTestApp({ world: false });
  const api = f.api;

  it('draws about 20% of key-project filings and 2% of the rest, once, for the hall to call back', async () => {
    await setClock(api, '2026-12-20T02:00:00.000Z');
    const { hallId, token: staff } = await staffToken(api);
    const user = await verifiedCitizen(api);
    const all: Array<{ id: string; keyProject: boolean }> = [];
    for (let page = 1; page <= 3; page++) {
      const r = await api.get(`/api/services?pageSize=50&page=${page}`);
      for (const it of r.body.items) all.push({ id: it.id, keyProject: (await api.get(`/api/services/${it.id}`)).body.keyProject });
    }
    const key = all.find((s) => s.keyProject)!;
    const plain = all.find((s) => !s.keyProject)!;

    const conn = await connectDatabase(f.t.config.database.url!);
    try {
      const rows: unknown[][] = [];
      for (let i = 0; i < 2000; i++) {
        const service = i < 1000 ? key : plain;
        const at = new Date(Date.UTC(2026, 11, 1 + (i % 18), 3, 0, 0));
        rows.push([randomUUID(), `ZW20261201-${String(i).padStart(6, '0')}`, user.user.id, user.user.id, service.id, hallId, 'delivered', 0, false, at, at, at]);
      }
      await conn.query(
        'INSERT INTO applications (id, number, user_id, actor_id, service_id, hall_id, status, notice_count, deemed_accepted, delivered_at, created_at, updated_at) VALUES ?',
        [rows],
      );
    } finally {
      await conn.end();
    }

    const admin = await adminToken(api);
    const run = await api.post('/api/admin/jobs/callback-sampling/run', undefined, { token: admin });
    expect(run.body.considered).toBe(2000);
    const again = await api.post('/api/admin/jobs/callback-sampling/run', undefined, { token: admin });
    expect(again.body.drawn).toBe(0);

    const list = await api.get('/api/staff/callbacks?month=2026-12', { token: staff });
    const keyDrawn = list.body.filter((c: { keyProject: boolean }) => c.keyProject).length;
    const plainDrawn = list.body.filter((c: { keyProject: boolean }) => !c.keyProject).length;
    expect(keyDrawn + plainDrawn).toBe(run.body.drawn);
    // 1000 each: 20% ± 4.5 sd and 2% ± 4.5 sd
    expect(keyDrawn).toBeGreaterThanOrEqual(140);
    expect(keyDrawn).toBeLessThanOrEqual(260);
    expect(plainDrawn).toBeGreaterThanOrEqual(3);
    expect(plainDrawn).toBeLessThanOrEqual(40);
    expect(list.body[0].keyProject).toBe(true); // key projects first
    expect(list.body[0].applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const one = list.body[0];
    const phone = await api.post(`/api/staff/callbacks/${one.id}/reveal-phone`, undefined, { token: staff });
    expect(phone.body.phone).toBe(user.phone);
    const done = await api.post(`/api/staff/callbacks/${one.id}/outcome`, { reached: true, satisfied: true, note: '申请人表示满意' }, { token: staff });
    expect(done.body).toMatchObject({ status: 'done', reached: true, satisfied: true });
    expectErrorShape(await api.get('/api/staff/callbacks', { token: user.token }), 403, 'FORBIDDEN');
  });
});
