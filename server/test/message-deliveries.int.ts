import type { MessageView } from '@gov/shared';
import { must } from './helpers/http';
import { verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** The message centre (issue 19): each message tells where it also went (短信, 微信通知) and how that stands. */
describe('message deliveries', () => {
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z', env: { OUTBOX_WORKER: '0' } }); // no worker: deliveries wait until the outbox job runs
  const api = f.api;

  it("shows a booking's SMS pending before the outbox runs and sent after, and never another person's deliveries", async () => {
    const slotId = await f.slot('2026-12-08T01:00:00.000Z', { capacity: 5 });
    const people = [await verifiedCitizen(api), await verifiedCitizen(api)];
    for (const p of people) must(await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: p.accessToken }), 201, 'booking');
    const booked = async (token: string) => {
      const all = must(await api.get('/api/messages', { token }), 200, 'messages') as MessageView[];
      for (const m of all.filter((x) => x.type !== 'booking_created')) expect(m.deliveries).toEqual([]);
      return all.filter((m) => m.type === 'booking_created').map((m) => m.deliveries);
    };

    for (const p of people) expect(await booked(p.accessToken)).toEqual([[{ channel: 'sms', state: 'pending' }]]);

    must(await api.post('/api/admin/jobs/outbox/run', undefined, { token: f.world.admin }), 200, 'outbox job');
    for (const p of people) expect(await booked(p.accessToken)).toEqual([[{ channel: 'sms', state: 'sent' }]]);
  });
});
