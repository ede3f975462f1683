import { expectErrorShape } from './helpers/http';
import { useAdminAndCitizen, useTestApp } from '../../test/support/fixture';

/** The official calendar (issue 3): GET /calendar, admin overrides, and years the data package does not know. */
describe('calendar', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  const tokens = useAdminAndCitizen(api);

  const days = async (from: string, to: string) => {
    const r = await api.get(`/api/calendar?from=${from}&to=${to}`);
    expect(r.status).toBe(200);
    return r.body as Array<{ date: string; workday: boolean; name: string | null }>;
  };
  const byDate = (list: Array<{ date: string; workday: boolean; name: string | null }>) => new Map(list.map((d) => [d.date, d]));

  it('gives the 2026 Mid-Autumn and National Day holidays with the swapped working days', async () => {
    const list = await days('2026-09-20', '2026-10-11');
    expect(list).toHaveLength(22);
    expect(Object.keys(list[0]).sort()).toEqual(['date', 'name', 'workday']);
    const d = byDate(list);
    expect(d.get('2026-09-20')).toEqual({ date: '2026-09-20', workday: true, name: '国庆节调休上班' });
    expect(d.get('2026-09-24')!.workday).toBe(true);
    expect(d.get('2026-09-25')).toEqual({ date: '2026-09-25', workday: false, name: '中秋节' });
    for (const x of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(d.get(x)).toEqual({ date: x, workday: false, name: '国庆节' });
    expect(d.get('2026-10-08')!.workday).toBe(true);
    expect(d.get('2026-10-10')).toEqual({ date: '2026-10-10', workday: true, name: '国庆节调休上班' });
    expect(d.get('2026-10-11')!.workday).toBe(false);
  });

  it('falls back to weekends only for 2027, which the package does not know', async () => {
    const d = byDate(await days('2027-09-27', '2027-10-10'));
    for (const [date, day] of d) {
      const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect({ date, workday: day.workday, name: day.name }).toEqual({ date, workday: wd !== 0 && wd !== 6, name: null });
    }
  });

  it('lets an admin enter next year’s schedule; GET shows it at once', async () => {
    const put = await api.put('/api/admin/calendar/2027-10-01', { workday: false, name: '国庆节' }, { token: tokens.admin });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ date: '2027-10-01', workday: false, name: '国庆节' });
    await api.put('/api/admin/calendar/2027-09-26', { workday: true, name: '国庆节调休上班' }, { token: tokens.admin });
    const d = byDate(await days('2027-09-25', '2027-10-02'));
    expect(d.get('2027-10-01')).toEqual({ date: '2027-10-01', workday: false, name: '国庆节' });
    expect(d.get('2027-09-26')).toEqual({ date: '2027-09-26', workday: true, name: '国庆节调休上班' });
    // overwrite, then override the package's own data too
    await api.put('/api/admin/calendar/2027-10-01', { workday: true }, { token: tokens.admin });
    expect(byDate(await days('2027-10-01', '2027-10-01')).get('2027-10-01')).toEqual({ date: '2027-10-01', workday: true, name: null });
    await api.put('/api/admin/calendar/2026-10-09', { workday: false, name: '临时闭厅' }, { token: tokens.admin });
    expect((await days('2026-10-09', '2026-10-09'))[0]).toEqual({ date: '2026-10-09', workday: false, name: '临时闭厅' });
    // the override list, and clearing one
    const list = await api.get('/api/admin/calendar', { token: tokens.admin });
    expect(list.body.map((x: { date: string }) => x.date)).toEqual(['2026-10-09', '2027-09-26', '2027-10-01']);
    const cleared = await api.del('/api/admin/calendar/2026-10-09', { token: tokens.admin });
    expect(cleared.body).toEqual({ date: '2026-10-09', workday: true, name: null });
  });

  it('answers the next 31 days without parameters', async () => {
    const r = await api.get('/api/calendar');
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(31);
  });

  it('validates dates and caps the range at 366 days', async () => {
    for (const qs of ['from=2026-02-30&to=2026-03-01', 'from=2026-1-1&to=2026-01-31', 'from=2026-10-10&to=2026-10-01', 'from=2026-01-01&to=2027-01-02', 'from=x']) {
      expectErrorShape(await api.get(`/api/calendar?${qs}`), 400, 'VALIDATION_FAILED');
    }
    expect(await days('2026-01-01', '2027-01-01')).toHaveLength(366);
  });

  it('validates override writes and keeps them to admins', async () => {
    expectErrorShape(await api.put('/api/admin/calendar/2027-02-30', { workday: true }, { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.put('/api/admin/calendar/2027-10-02', { workday: 'yes' }, { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.put('/api/admin/calendar/2027-10-02', {}, { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.put('/api/admin/calendar/2027-10-02', { workday: false }, { token: tokens.citizen }), 403, 'FORBIDDEN');
    expectErrorShape(await api.put('/api/admin/calendar/2027-10-02', { workday: false }), 401, 'UNAUTHENTICATED');
  });
});
