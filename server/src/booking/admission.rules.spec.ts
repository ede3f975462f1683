import { admission, AdmissionFacts, duplicateRefusal, hasPlace, offerExpiry, slotRefusal, slotVerdict } from './admission.rules';

const NOW = new Date('2026-12-07T00:00:00.000Z'); // Monday 08:00 in Shanghai
const at = (iso: string) => new Date(iso);
const weekdaysOnly = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

const facts = (over: Partial<AdmissionFacts> = {}, slot: Partial<AdmissionFacts['slot']> = {}): AdmissionFacts => ({
  path: 'direct',
  place: 'free',
  now: NOW,
  horizonDays: 14,
  isWorkday: weekdaysOnly,
  slot: { startAt: at('2026-12-08T01:00:00.000Z'), kind: 'regular', active: true, fromTemplate: true, hallId: 'h1', serviceId: 's1', capacity: 2, booked: 0, held: 0, ...slot },
  serviceId: 's1',
  serviceActive: true,
  offeredAtHall: true,
  acting: null,
  principalKey: 'u:ann',
  verified: true,
  forfeited: null,
  activeBookings: [],
  ...over,
});

const FORFEITED = { code: 'BOOKING_FORFEITED' as const, message: '您已爽约 3 次', details: { noShows: 3, threshold: 3, until: null } };

describe('admission', () => {
  it('admits a bookable slot with a free place', () => {
    expect(admission(facts())).toBeNull();
  });

  it('refuses a slot that has started, at its very start, on every door', () => {
    for (const path of ['direct', 'waitlist', 'registered', 'reschedule'] as const) {
      const r = admission(facts({ path, now: at('2026-12-08T01:00:00.000Z'), place: path === 'waitlist' ? 'held' : 'free' }, { held: 1 }));
      expect(r).toMatchObject({ code: 'SLOT_NOT_BOOKABLE', message: '该时段已开始或已过去，不能预约' });
    }
  });

  it('refuses a forfeited person by the waitlist door exactly as by the direct one', () => {
    const direct = admission(facts({ forfeited: FORFEITED }));
    const offer = admission(facts({ path: 'waitlist', place: 'held', forfeited: FORFEITED }, { booked: 1, held: 1, capacity: 2 }));
    expect(direct).toEqual(FORFEITED);
    expect(offer).toEqual(direct);
  });

  it('tells the first rule broken, in order: acting, real name, standing, slot, one a day, capacity', () => {
    const acting = { code: 'AUTHORIZATION_INVALID' as const, message: '未获授权' };
    const all = facts({ acting, verified: false, forfeited: FORFEITED, activeBookings: [{ id: 'b0', principalKey: 'u:ann', serviceId: 's1', day: '2026-12-08' }] }, { active: false, booked: 2 });
    expect(admission(all)?.code).toBe('AUTHORIZATION_INVALID');
    expect(admission({ ...all, acting: null })?.code).toBe('REAL_NAME_REQUIRED');
    expect(admission({ ...all, acting: null, verified: true })?.code).toBe('BOOKING_FORFEITED');
    // the slot: closed by the centre (HALL_CLOSED, API.md), then the other slot rules
    expect(admission({ ...all, acting: null, verified: true, forfeited: null })?.code).toBe('HALL_CLOSED');
    expect(admission({ ...all, acting: null, verified: true, forfeited: null, slot: { ...all.slot, active: true } })?.code).toBe('DUPLICATE_BOOKING');
    expect(admission({ ...all, acting: null, verified: true, forfeited: null, slot: { ...all.slot, active: true }, activeBookings: [] })?.code).toBe('SLOT_FULL');
  });

  it('leaves the one-a-day rule to the unique key when told so, every other rule still judged first and SLOT_FULL after', () => {
    expect(admission(facts({ activeBookings: 'unique-key' }))).toBeNull();
    expect(admission(facts({ activeBookings: 'unique-key', forfeited: FORFEITED }))?.code).toBe('BOOKING_FORFEITED');
    expect(admission(facts({ activeBookings: 'unique-key' }, { booked: 2 }))?.code).toBe('SLOT_FULL');
  });

  it('one active booking per principal, service and day: another day, service or principal is fine; the booking being moved does not count', () => {
    const mine = { id: 'b1', principalKey: 'u:ann', serviceId: 's1', day: '2026-12-08' };
    expect(admission(facts({ activeBookings: [mine] }))?.code).toBe('DUPLICATE_BOOKING');
    expect(admission(facts({ activeBookings: [{ ...mine, day: '2026-12-09' }] }))).toBeNull();
    expect(admission(facts({ activeBookings: [{ ...mine, serviceId: 's2' }] }))).toBeNull();
    expect(admission(facts({ activeBookings: [{ ...mine, principalKey: 'e:acme' }] }))).toBeNull();
    expect(admission(facts({ path: 'reschedule', activeBookings: [mine], movingBookingId: 'b1' }))).toBeNull();
    // the day is Shanghai's: 23:30 on the 8th is still the 8th there, 16:30 UTC
    expect(admission(facts({ activeBookings: [mine] }, { startAt: at('2026-12-08T15:30:00.000Z') }))?.code).toBe('DUPLICATE_BOOKING');
  });

  it('a hall-wide slot serves only the services of its hall; a service slot only its service', () => {
    expect(admission(facts({}, { serviceId: 's2' }))).toMatchObject({ code: 'SLOT_NOT_BOOKABLE', message: '该时段不办理此事项' });
    expect(admission(facts({ offeredAtHall: false }, { serviceId: null }))).toMatchObject({ code: 'SLOT_NOT_BOOKABLE', message: '该大厅不办理此事项' });
    expect(admission(facts({ serviceActive: false }))?.code).toBe('NOT_FOUND');
  });

  it('capacity: a free place for a direct booking, the held place for an offer', () => {
    expect(hasPlace({ capacity: 2, booked: 1, held: 1 }, 'free')).toBe(false);
    expect(hasPlace({ capacity: 2, booked: 1, held: 1 }, 'held')).toBe(true);
    expect(hasPlace({ capacity: 2, booked: 1, held: 0 }, 'held')).toBe(false);
    expect(admission(facts({ path: 'waitlist', place: 'held' }, { capacity: 1, booked: 0, held: 1 }))).toBeNull();
    expect(admission(facts({}, { capacity: 1, booked: 0, held: 1 }))?.code).toBe('SLOT_FULL');
  });
});

describe('slotVerdict', () => {
  const base = { path: 'direct' as const, now: NOW, horizonDays: 14, isWorkday: weekdaysOnly };
  const slot = (o: Partial<AdmissionFacts['slot']>) => facts({}, o).slot;

  it('the horizon ends with today + 14 days in Shanghai', () => {
    expect(slotVerdict({ ...base, slot: slot({ startAt: at('2026-12-21T01:00:00.000Z') }) })).toBe('ok'); // Monday the 21st
    expect(slotVerdict({ ...base, slot: slot({ startAt: at('2026-12-21T15:59:00.000Z') }) })).toBe('ok'); // 23:59 that day
    expect(slotVerdict({ ...base, slot: slot({ startAt: at('2026-12-21T16:00:00.000Z') }) })).toBe('beyond_horizon'); // 00:00 the 22nd
  });

  it('template slots on non-working days are closed; a single slot an admin opened is not', () => {
    const saturday = at('2026-12-12T01:00:00.000Z');
    expect(slotVerdict({ ...base, slot: slot({ startAt: saturday }) })).toBe('closed');
    expect(slotVerdict({ ...base, slot: slot({ startAt: saturday, fromTemplate: false }) })).toBe('ok');
  });

  it('an off-hours slot only by the off-hours door, which takes no regular slot; inside the horizon like every slot', () => {
    const far = at('2027-02-01T12:00:00.000Z');
    const near = at('2026-12-12T02:00:00.000Z'); // Saturday 10:00, inside the horizon
    expect(slotVerdict({ ...base, path: 'offhours', slot: slot({ kind: 'offhours', fromTemplate: false, startAt: far }) })).toBe('beyond_horizon');
    expect(slotVerdict({ ...base, path: 'offhours', slot: slot({ kind: 'offhours', fromTemplate: false, startAt: near }) })).toBe('ok');
    expect(slotVerdict({ ...base, slot: slot({ kind: 'offhours', fromTemplate: false }) })).toBe('closed');
    expect(slotVerdict({ ...base, path: 'offhours', slot: slot({}) })).toBe('closed');
    expect(slotVerdict({ ...base, path: 'offhours', slot: slot({ kind: 'offhours', startAt: NOW }) })).toBe('past');
  });

  it('a slot the centre closed is closed whatever else holds, and is refused HALL_CLOSED; a closed day SLOT_NOT_BOOKABLE', () => {
    expect(slotVerdict({ ...base, slot: slot({ active: false }) })).toBe('closed_by_centre');
    expect(slotRefusal('closed_by_centre')).toEqual({ code: 'HALL_CLOSED', message: '服务中心已关闭该时段，请选择其他时段' });
    expect(slotRefusal('closed').code).toBe('SLOT_NOT_BOOKABLE');
    expect(slotRefusal('past').code).toBe('SLOT_NOT_BOOKABLE');
  });
});

describe('offerExpiry', () => {
  it('is the hold time, or the slot start when that comes first', () => {
    const start = at('2026-12-07T00:10:00.000Z');
    expect(offerExpiry(NOW, 15, start).toISOString()).toBe('2026-12-07T00:10:00.000Z');
    expect(offerExpiry(NOW, 5, start).toISOString()).toBe('2026-12-07T00:05:00.000Z');
    expect(offerExpiry(NOW, 10, start).toISOString()).toBe('2026-12-07T00:10:00.000Z');
  });
});

describe('duplicateRefusal', () => {
  it('says "您" to a person booking for themself, and names the company or the person booked for otherwise', () => {
    expect(duplicateRefusal('direct', { principalKey: 'u:a', actorId: 'a' }).message).toBe('您当天已预约过该事项，如需改约请先取消原预约');
    expect(duplicateRefusal('direct')).toEqual({ code: 'DUPLICATE_BOOKING', message: '您当天已预约过该事项，如需改约请先取消原预约' });
    expect(duplicateRefusal('direct', { principalKey: 'e:c', actorId: 'a' }).message).toBe('该企业当天已预约过该事项，如需改约请先取消原预约');
    expect(duplicateRefusal('direct', { principalKey: 'u:p', actorId: 'a' }).message).toBe('被代办人当天已预约过该事项，如需改约请先取消原预约');
    // the other doors have their own wording already
    expect(duplicateRefusal('registered', { principalKey: 'u:p', actorId: 's' }).message).toBe('申请人当天已有该事项的预约');
  });
});
