import { expectErrorShape, must } from '../../test/support/http';
import { useTestApp } from '../../test/support/fixture';

/** A hall's own rules (issue 15): PUT/GET /admin/halls/:id/policy and the demo halls' policies. */
describe('hall policy', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;
  let halls: Array<{ id: string; name: string }>;
  const hall = (name: string) => halls.find((h) => h.name === name)!.id;

  beforeAll(async () => {
    halls = await api.json('GET', '/api/halls');
  });

  it('gives the demo halls 罗山’s rule (city) and 新郑’s (county); a hall without one has the defaults', async () => {
    const city = must(await api.get(`/api/admin/halls/${hall('清河市政务服务中心')}/policy`, { token: f.world.admin }), 200, 'city');
    expect(city).toMatchObject({ noShowGraceMinutes: 30, noShowContactRequired: true, isDefault: false });
    expect(city.openingHours).toHaveLength(10);
    expect(city.openingHours[0]).toEqual({ weekday: 1, start: '09:00', end: '12:00' });
    const county = must(await api.get(`/api/admin/halls/${hall('云溪县政务服务中心')}/policy`, { token: f.world.admin }), 200, 'county');
    expect(county).toMatchObject({ noShowGraceMinutes: 60, noShowContactRequired: false });
    expect(county.openingHours[1]).toEqual({ weekday: 1, start: '14:30', end: '17:30' });
    const town = must(await api.get(`/api/admin/halls/${hall('云溪县白沙镇便民服务中心')}/policy`, { token: f.world.admin }), 200, 'town');
    expect(town).toMatchObject({ noShowGraceMinutes: 30, noShowContactRequired: false, isDefault: true, updatedAt: null });
    expect(town.openingHours.filter((w: { weekday: number }) => w.weekday === 6)).toEqual([]);
  });

  it('lets an admin set a hall’s rules; the next read shows them, ordered', async () => {
    const id = hall('云溪县白沙镇便民服务中心');
    const body = {
      noShowGraceMinutes: 45,
      noShowContactRequired: true,
      openingHours: [
        { weekday: 6, start: '09:00', end: '12:00' },
        { weekday: 1, start: '14:00', end: '17:00' },
        { weekday: 1, start: '08:00', end: '11:30' },
      ],
    };
    const put = must(await api.put(`/api/admin/halls/${id}/policy`, body, { token: f.world.admin }), 200, 'put');
    expect(put).toMatchObject({ hallId: id, noShowGraceMinutes: 45, noShowContactRequired: true, isDefault: false });
    const read = must(await api.get(`/api/admin/halls/${id}/policy`, { token: f.world.admin }), 200, 'read');
    expect(read.openingHours).toEqual([
      { weekday: 1, start: '08:00', end: '11:30' },
      { weekday: 1, start: '14:00', end: '17:00' },
      { weekday: 6, start: '09:00', end: '12:00' },
    ]);
    // a second write replaces the whole policy
    must(await api.put(`/api/admin/halls/${id}/policy`, { ...body, noShowGraceMinutes: 20, openingHours: [] }, { token: f.world.admin }), 200, 'put again');
    expect(must(await api.get(`/api/admin/halls/${id}/policy`, { token: f.world.admin }), 200, 'read')).toMatchObject({ noShowGraceMinutes: 20, openingHours: [] });
  });

  it('refuses bad bodies, unknown halls, and anyone but an admin', async () => {
    const id = hall('清河市政务服务中心');
    const ok = { noShowGraceMinutes: 30, noShowContactRequired: true, openingHours: [{ weekday: 1, start: '09:00', end: '12:00' }] };
    expectErrorShape(await api.put(`/api/admin/halls/${id}/policy`, { ...ok, noShowGraceMinutes: -1 }, { token: f.world.admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.put(`/api/admin/halls/${id}/policy`, { ...ok, openingHours: [{ weekday: 0, start: '09:00', end: '12:00' }] }, { token: f.world.admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.put(`/api/admin/halls/${id}/policy`, { ...ok, openingHours: [{ weekday: 1, start: '12:00', end: '09:00' }] }, { token: f.world.admin }), 400, 'VALIDATION_FAILED');
    const overlap = await api.put(`/api/admin/halls/${id}/policy`, { ...ok, openingHours: [...ok.openingHours, { weekday: 1, start: '11:00', end: '13:00' }] }, { token: f.world.admin });
    expectErrorShape(overlap, 400, 'VALIDATION_FAILED');
    expect(overlap.body.message).toContain('重叠');
    expectErrorShape(await api.put('/api/admin/halls/00000000-0000-4000-8000-000000000000/policy', ok, { token: f.world.admin }), 404, 'NOT_FOUND');
    expectErrorShape(await api.get('/api/admin/halls/nope/policy', { token: f.world.admin }), 404, 'NOT_FOUND');
    expect((await api.put(`/api/admin/halls/${id}/policy`, ok, { token: f.world.staff.token })).status).toBe(403);
    // nothing of the refused writes stuck
    expect(must(await api.get(`/api/admin/halls/${id}/policy`, { token: f.world.admin }), 200, 'read')).toMatchObject({ noShowGraceMinutes: 30, noShowContactRequired: true });
  });
});
