import { Client, must } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, refreshed, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/**
 * A new day starts with an empty queue (issue 15): the `queue-day-end` job ends the tickets of a past
 * day that are still open — waiting or called ones as `left`, one still being served as `done` — so a
 * holder's old ticket no longer says 排队中 and nothing of yesterday shows in today's lists or counts.
 * Through the test clock at the demo city hall; the job runs by POST /api/admin/jobs/:name/run.
 */
const MON = '2026-12-07';
const TUE = '2026-12-08';
const shanghai = (day: string, hhmm: string) => `${day}T${hhmm}:00.000+08:00`;
type Ticket = { id: string; number: string; status: string; ahead: number; estimatedWaitMinutes: number };

describe('the queue at the start of a new day', () => {
  const f = useTestApp({ now: shanghai(MON, '08:30') });
  let api: Client;
  let staff = '';
  let code = '';

  const at = async (day: string, hhmm: string) => {
    await setClock(api, shanghai(day, hhmm));
    staff = (await staffToken(api)).token;
    code = must(await api.get('/api/staff/hall-code', { token: staff }), 200, 'hall-code').hallCode;
  };
  const take = async (s: Session) =>
    must<Ticket>(await api.post(`/api/halls/${f.world.hallId}/tickets`, { serviceId: f.world.service.id, hallCode: code }, { token: (await refreshed(api, s)).token }), 201, 'take');
  const view = async (s: Session, id: string) => must<Ticket>(await api.get(`/api/tickets/${id}`, { token: (await refreshed(api, s)).token }), 200, 'ticket');
  const act = async (id: string, action: string) => must<Ticket>(await api.post(`/api/staff/tickets/${id}/${action}`, undefined, { token: staff }), 200, action);
  const run = async () => must(await api.post('/api/admin/jobs/queue-day-end/run', undefined, { token: await adminToken(api) }), 200, 'queue-day-end') as { ended: number };
  const waitingCount = async () => {
    const w = must(await api.get(`/api/halls/${f.world.hallId}/queue`), 200, 'screen').waiting as Record<string, number>;
    return w.appointment + w.green + w.normal;
  };

  it("ends yesterday's open tickets as left or done, once, and leaves today's and finished ones alone", async () => {
    api = f.api;
    await at(MON, '16:30');
    const windows = must(await api.get('/api/staff/windows', { token: staff }), 200, 'windows') as Array<{ id: string }>;
    const [a, b, c, d, e] = await Promise.all([0, 1, 2, 3, 4].map(async () => (await verifiedCitizen(api)) as Session));
    const done = await take(a);
    const serving = await take(b);
    const called = await take(c);
    const waiting = [await take(d), await take(e)];
    const callTo = async (w: number) => must<Ticket>(await api.post(`/api/staff/windows/${windows[w].id}/call-next`, undefined, { token: staff }), 200, 'call');
    expect((await callTo(0)).id).toBe(done.id);
    await act(done.id, 'serve');
    await act(done.id, 'finish');
    expect((await callTo(0)).id).toBe(serving.id);
    await act(serving.id, 'serve');
    expect((await callTo(1)).id).toBe(called.id);
    // the same day the job changes nothing
    expect(await run()).toEqual({ ended: 0 });
    expect(await view(d, waiting[0].id)).toMatchObject({ status: 'waiting', ahead: 0 });

    // nobody closed the day; the next morning a new ticket is taken before the job runs
    await at(TUE, '08:45');
    const today = await take(a);
    expect(await view(e, waiting[1].id)).toMatchObject({ status: 'waiting' });

    expect(await run()).toEqual({ ended: 4 });
    expect(await view(d, waiting[0].id)).toMatchObject({ status: 'left', ahead: 0, estimatedWaitMinutes: 0 });
    expect(await view(e, waiting[1].id)).toMatchObject({ status: 'left', ahead: 0 });
    expect(await view(c, called.id)).toMatchObject({ status: 'left' });
    expect(await view(b, serving.id)).toMatchObject({ status: 'done' });
    expect(await view(a, done.id)).toMatchObject({ status: 'done' });
    // today's ticket is untouched, first in line, and the only one today's lists and counts know
    expect(await view(a, today.id)).toMatchObject({ status: 'waiting', ahead: 0 });
    expect((must(await api.get('/api/staff/tickets', { token: staff }), 200, 'list') as Ticket[]).map((t) => t.id)).toEqual([today.id]);
    expect(await waitingCount()).toBe(1);
    // run again (another instance, the next minute): nothing more to end
    expect(await run()).toEqual({ ended: 0 });
    // and the window that was serving yesterday calls today's first ticket
    expect((await callTo(0)).id).toBe(today.id);
  });
});
