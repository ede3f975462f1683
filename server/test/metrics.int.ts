import { expectErrorShape, must } from './helpers/http';
import { refreshed, Session, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

const TOKEN = 'scrape-token-0123456789';

/** One sample of the Prometheus text: the value of `name{labels}` (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Operations (API.md): what an operator's Prometheus and load balancer see. */
describe('metrics and health', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z', env: { METRICS_TOKEN: TOKEN, OUTBOX_WORKER: '0' } }); // no worker: the SMS deliveries stay in the backlog
  const api = f.api;
  const scrape = async () => {
    const r = await api.get('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    return r.text;
  };

  it('asks for the bearer token', async () => {
    expectErrorShape(await api.get('/api/metrics'), 401, 'UNAUTHENTICATED');
    expectErrorShape(await api.get('/api/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } }), 401, 'UNAUTHENTICATED');
  });

  it('counts bookings made and refused as the callers saw them, with latency by route', async () => {
    const before = await scrape();
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 5 });
    const seen = { booked: 0, refused: 0 };
    const people = [(await verifiedCitizen(api)) as Session, (await verifiedCitizen(api)) as Session];
    for (const p of [...people, people[0]]) {
      const r = await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: (await refreshed(api, p)).token });
      if (r.status === 201) seen.booked++;
      else seen.refused++;
    }
    expect(seen).toEqual({ booked: 2, refused: 1 }); // the second booking of one person is refused
    const after = await scrape();
    expect(sample(after, 'zwt_bookings_total{result="booked"}') - sample(before, 'zwt_bookings_total{result="booked"}')).toBe(seen.booked);
    expect(sample(after, 'zwt_bookings_total{result="refused"}') - sample(before, 'zwt_bookings_total{result="refused"}')).toBe(seen.refused);
    expect(sample(after, 'zwt_http_request_duration_seconds_count{method="POST",route="/api/bookings"}')).toBe(3);
    expect(sample(after, 'zwt_http_requests_total{method="POST",route="/api/bookings",status="201"}')).toBe(2);
    expect(after).not.toMatch(/route="\/api\/bookings\/[0-9a-f-]{8,}/); // patterns, never ids
    // each booking made owes its holder an SMS; with no worker running they wait in the outbox
    expect(sample(after, 'zwt_outbox_deliveries{channel="sms",state="pending"}')).toBe(seen.booked);
  });

  it('shows job runs and the queue waiting by hall', async () => {
    must(await api.post('/api/admin/jobs/reminders/run', undefined, { token: f.world.admin }), 200, 'run job');
    must(await api.post('/api/staff/tickets', { serviceId: f.world.service.id, phone: '13900001234' }, { token: f.world.staff.token }), 201, 'desk ticket');
    const text = await scrape();
    expect(sample(text, 'zwt_job_runs_total{job="reminders",result="ok"}')).toBe(1);
    expect(sample(text, `zwt_queue_waiting{hall="${f.world.hallId}"}`)).toBe(1);
  });

  it('tells liveness from readiness', async () => {
    expect((await api.get('/api/health/live')).status).toBe(200);
    const ready = await api.get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', database: 'up' });
    expect((await api.get('/api/health')).body).toMatchObject({ database: 'up' });
  });
});
