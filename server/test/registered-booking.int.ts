import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { expectErrorShape, must, staffSignIn, uniquePhone } from '../../test/support/http';
import { useTestApp } from '../../test/support/fixture';
import { setClock, staffToken, validIdNumber } from '../../test/support/world';
import { FakeServer, startFake } from './fakes/fake-servers';
import { deliveries, outboxSettled } from './helpers/outbox';

type Sent = { phone: string; template: string; params: Record<string, string> };

/**
 * Bookings for people without the app (issue 15): hall staff register a phone call or a walk-in
 * (kind `registered`) under the same admission rules; the code goes out by the configured SMS gateway,
 * through the outbox (issue 19: the desk never waits for the gateway, and a gateway that is down only delays the SMS).
 */
describe('bookings staff register', () => {
  let gateway: FakeServer;
  let down = false;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    gateway = await startFake((_req, _body, res) => {
      res.writeHead(down ? 503 : 200, { 'content-type': 'application/json' });
      res.end(down ? '' : '{"ok":true}');
    });
    Object.assign(env, { SMS_PROVIDER: 'http', SMS_HTTP_URL: `${gateway.url}/send`, SMS_HTTP_TOKEN: 'sms-token', OUTBOX_RETRY_BASE_MS: '200', OUTBOX_POLL_MS: '100' });
  });
  afterAll(async () => {
    await gateway?.close();
  });
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z', env });
  const api = f.api;
  const register = (body: Record<string, unknown>, token = f.world.staff.token) => api.post('/api/staff/bookings', { serviceId: f.world.service.id, ...body }, { token });
  const lastSms = (phone: string): Sent | undefined =>
    gateway.requests
      .map((r) => JSON.parse(r.body) as Sent)
      .filter((s) => s.phone === phone)
      .at(-1);

  it('a walk-in with an ID number: booked, the account verified, the code by SMS; signing in with that phone shows the booking', async () => {
    const slotId = await f.slot('2026-12-08T01:00:00.000Z');
    const phone = uniquePhone();
    const b = must(await register({ slotId, name: '王小明', phone, idNumber: validIdNumber() }), 201, 'register');
    expect(b).toMatchObject({ kind: 'registered', status: 'booked', smsQueued: true, applicant: { verified: true, name: '王*明' } });
    expect(b.applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    await outboxSettled(f.t.config.database.url!);
    const sms = lastSms(phone)!;
    expect(sms).toMatchObject({ template: 'booking', params: { code: b.code } });
    expect(sms.params.time).toContain('2026-12-08 09:00');

    // the person signs in with that phone (the gateway's code) and finds it, with the same code
    must(await api.post('/api/auth/sms/send', { phone }), 204, 'sms');
    const login = must(await api.post('/api/auth/sms/login', { phone, code: lastSms(phone)!.params.code }), 200, 'login');
    const mine = must(await api.get('/api/bookings', { token: login.accessToken }), 200, 'mine');
    expect(mine.map((x: { id: string; code: string }) => [x.id, x.code])).toEqual([[b.id, b.code]]);
  });

  it('a phone call without an ID number: booked for an unverified account, the name staff took shown masked', async () => {
    const slotId = await f.slot('2026-12-08T02:00:00.000Z');
    const phone = uniquePhone();
    const b = must(await register({ slotId, name: '李四', phone }), 201, 'register');
    expect(b).toMatchObject({ kind: 'registered', applicant: { verified: false, name: '李*' }, smsQueued: true });
    const list = must(await api.get('/api/staff/bookings?date=2026-12-08', { token: f.world.staff.token }), 200, 'list');
    expect(list.find((x: { id: string }) => x.id === b.id).applicant.name).toBe('李*');
    expect(JSON.stringify(list)).not.toContain(phone);
  });

  it('the same rules as any booking: one a day, capacity, the staff member’s own hall, a sound phone and name', async () => {
    const slotId = await f.slot('2026-12-09T01:00:00.000Z', { capacity: 1 });
    const phone = uniquePhone();
    must(await register({ slotId, name: '赵六', phone }), 201, 'first');
    const other = await f.slot('2026-12-09T02:00:00.000Z');
    expectErrorShape(await register({ slotId: other, name: '赵六', phone }), 409, 'DUPLICATE_BOOKING');
    expectErrorShape(await register({ slotId, name: '钱七', phone: uniquePhone() }), 409, 'SLOT_FULL');
    expectErrorShape(await register({ slotId: other, name: '钱七', phone: '12345' }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await register({ slotId: other, name: '', phone: uniquePhone() }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await register({ slotId: other, name: '钱七', phone: uniquePhone(), idNumber: '110101199003070000' }), 400, 'INVALID_ID_NUMBER');
    const halls = await api.json<Array<{ id: string; name: string }>>('GET', '/api/halls');
    must(await api.post('/api/admin/staff', { username: 'county04', password: 'County2026', name: '县窗口', hallId: halls.find((h) => h.id !== f.world.hallId)!.id }, { token: f.world.admin }), 201, 'staff');
    const county = (await staffSignIn(api, 'county04', 'County2026')).accessToken;
    expectErrorShape(await register({ slotId: other, name: '钱七', phone: uniquePhone() }, county), 404, 'NOT_FOUND');
    expect((await api.post('/api/staff/bookings', { slotId: other, serviceId: f.world.service.id, name: '钱七', phone: uniquePhone() })).status).toBe(401);
  });

  it('a gateway that is down does not lose the booking, and the code arrives by SMS once it is back', async () => {
    const slotId = await f.slot('2026-12-10T01:00:00.000Z');
    const phone = uniquePhone();
    const db = f.t.config.database.url!;
    down = true;
    let b: { id: string; code: string; status: string };
    try {
      b = must(await register({ slotId, name: '孙八', phone }), 201, 'register');
      expect(b).toMatchObject({ status: 'booked', smsQueued: true });
      // the worker tried, the gateway refused (503): the SMS waits for its next try (an attempt is
      // counted when the delivery is claimed, before the send: wait for the gateway's refusal itself)
      const refusedOnce = () => gateway.requests.some((r) => (JSON.parse(r.body) as Sent).phone === phone);
      const tried = async () => refusedOnce() && (await deliveries(db, 'sms')).find((d) => d.event === 'booking_created' && d.status === 'pending' && d.attempts > 0);
      for (let i = 0; i < 200 && !(await tried()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await tried()).toBeTruthy();
    } finally {
      down = false;
    }
    const settled = (await outboxSettled(db)).filter((d) => d.channel === 'sms' && d.event === 'booking_created' && d.status === 'sent');
    expect(settled.length).toBeGreaterThan(0);
    expect(lastSms(phone)).toMatchObject({ template: 'booking', params: { code: b.code } });
    const mine = gateway.requests.map((r) => JSON.parse(r.body) as Sent).filter((s) => s.phone === phone && s.template === 'booking');
    expect(mine.length).toBeGreaterThanOrEqual(2); // refused while down, then once accepted
    const staffList = must(await api.get('/api/staff/bookings?date=2026-12-10', { token: f.world.staff.token }), 200, 'list');
    expect(staffList.find((x: { id: string }) => x.id === b.id).status).toBe('booked');
  });

  it('twelve desks registering for the last three places at once: three bookings, never more', async () => {
    const slotId = await f.slot('2026-12-11T01:00:00.000Z', { capacity: 3 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => register({ slotId, name: `周${'一二三四五六七八九十甲乙'[i]}`, phone: uniquePhone() })));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(3).fill(201), ...Array(9).fill(409)]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('SLOT_FULL');
    const slots = must(await api.get(`/api/services/${f.world.service.id}/slots?hallId=${f.world.hallId}&from=2026-12-11&to=2026-12-11`), 200, 'slots');
    expect(slots.find((s: { id: string }) => s.id === slotId).remaining).toBe(0);
  });

  it('the desk lists what it registered on a day, whatever day each booking is for, latest first; app bookings and other days stay out', async () => {
    await setClock(api, '2026-12-14T01:00:00.000Z'); // Monday 09:00
    const staff = (await staffToken(api)).token;
    const [tue, wed] = [await f.slot('2026-12-15T02:00:00.000Z'), await f.slot('2026-12-16T02:00:00.000Z')];
    const first = must(await register({ slotId: wed, name: '吴九', phone: uniquePhone() }, staff), 201, 'first');
    await setClock(api, '2026-12-14T01:10:00.000Z');
    const second = must(await register({ slotId: tue, name: '郑十', phone: uniquePhone() }, staff), 201, 'second');
    // someone books the same slot on the phone app: not a registration
    const phone = uniquePhone();
    must(await api.post('/api/auth/sms/send', { phone }), 204, 'sms');
    const app = must(await api.post('/api/auth/sms/login', { phone, code: lastSms(phone)!.params.code }), 200, 'login').accessToken as string;
    must(await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token: app }), 200, 'consent');
    must(await api.post('/api/me/verify', { realName: '冯十一', idNumber: validIdNumber() }, { token: app }), 200, 'verify');
    must(await api.post('/api/bookings', { slotId: tue, serviceId: f.world.service.id }, { token: app }), 201, 'app booking');

    const listed = must(await api.get('/api/staff/bookings?registeredOn=2026-12-14', { token: staff }), 200, 'registered today') as Array<{ id: string; kind: string; start: string; applicant: { name: string } }>;
    expect(listed.map((b) => [b.id, b.kind, b.applicant.name])).toEqual([
      [second.id, 'registered', '郑*'],
      [first.id, 'registered', '吴*'],
    ]);
    // the list by booking date does not find them today; earlier days' registrations are on their own day
    expect((must(await api.get('/api/staff/bookings', { token: staff }), 200, 'today') as unknown[]).length).toBe(0);
    const earlier = must(await api.get('/api/staff/bookings?registeredOn=2026-12-07', { token: staff }), 200, 'earlier') as Array<{ id: string; kind: string }>;
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((b) => b.kind === 'registered' && b.id !== first.id && b.id !== second.id)).toBe(true);
    // another hall's desk sees none of them; a bad date is refused
    const county = (await staffSignIn(api, 'county04', 'County2026')).accessToken;
    expect(must(await api.get('/api/staff/bookings?registeredOn=2026-12-14', { token: county }), 200, 'county')).toEqual([]);
    expectErrorShape(await api.get('/api/staff/bookings?registeredOn=14-12-2026', { token: staff }), 400, 'VALIDATION_FAILED');
  });
});
