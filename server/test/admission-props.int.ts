import fc from 'fast-check';
import { createConnection } from 'mysql2/promise';
import { client, Client } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { adminToken, countNoShowsWithoutCall, refreshed, serviceAtHall, Session, setClock, staffToken, verifiedCitizen } from './helpers/world';

/**
 * Issue 14, the admission property: random sequences of book / cancel / join / accept / job runs /
 * clock moves against the real app. No door may yield a booking another door would refuse (a started
 * slot, a forfeited person, a second active booking that day), and no slot ever holds more than its
 * capacity. Runs: ADMISSION_PROPS_RUNS (default 8, sized for CI's 60 seconds); each run has its own
 * people, slots and days.
 */
const RUNS = Number(process.env.ADMISSION_PROPS_RUNS ?? 8);
const MAX_COMMANDS = 30;
const PEOPLE = 4;
/** per run: four slots this morning, one tomorrow; mostly one place each, so that lines form */
const SLOTS = [
  { offsetMinutes: 8, capacity: 1 },
  { offsetMinutes: 20, capacity: 1 },
  { offsetMinutes: 35, capacity: 2 },
  { offsetMinutes: 60, capacity: 1 },
  { offsetMinutes: 24 * 60 + 60, capacity: 1 },
];
const DAY = 86_400_000;
/** an instant as the database stores it (UTC, DATETIME) */
const sqlTime = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
const BASE = Date.parse('2027-03-01T00:00:00.000Z'); // 08:00 in Shanghai

type Cmd =
  | { k: 'book'; u: number; s: number }
  | { k: 'cancel'; u: number }
  /** a place frees where people wait: a booking of a slot with a line is cancelled, so that the first in line is offered it */
  | { k: 'offer'; s: number }
  | { k: 'join'; u: number; s: number }
  | { k: 'accept'; u: number }
  | { k: 'job'; name: 'waitlist-offers' | 'no-show-sweep' }
  | { k: 'clock'; minutes: number }
  /** the clock to just before or after a slot's start, or past its no-show grace (only ever forward) */
  | { k: 'at'; s: number; delta: number };

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const slotIx = fc.integer({ min: 0, max: SLOTS.length - 1 });
const command: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('book' as const), u: person, s: slotIx }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('cancel' as const), u: person }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('offer' as const), s: slotIx }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('join' as const), u: person, s: slotIx }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('accept' as const), u: person }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('job' as const), name: fc.constantFrom('waitlist-offers' as const, 'no-show-sweep' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('clock' as const), minutes: fc.constantFrom(2, 5, 15) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('at' as const), s: slotIx, delta: fc.constantFrom(-1, 1, 6) }) },
);

/** Lines form only at full slots: each sequence opens with a few bookings and joins, then anything goes. */
const opening: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ k: fc.constant('book' as const), u: person, s: slotIx }),
  fc.record({ k: fc.constant('join' as const), u: person, s: slotIx }),
);
const sequence: fc.Arbitrary<Cmd[]> = fc
  .tuple(fc.array(opening, { minLength: 4, maxLength: 8 }), fc.array(command, { minLength: 8, maxLength: MAX_COMMANDS - 8 }))
  .map(([first, rest]) => [...first, ...rest]);

describe('admission property: no door yields a booking another would refuse', () => {
  let t: TestApp;
  let api: Client;
  let hallId: string;
  let service: { id: string };
  let run = 0;
  let commands = 0;
  let created = 0;

  beforeAll(async () => {
    // one no-show forfeits, five minutes' grace: clock moves within a run reach both
    t = await startTestApp({ NO_SHOW_THRESHOLD: '1', NO_SHOW_GRACE_MINUTES: '5', WAITLIST_HOLD_MINUTES: '15' });
    api = client(t.url);
    await setClock(api, new Date(BASE).toISOString());
    hallId = (await staffToken(api)).hallId;
    service = await serviceAtHall(api, hallId);
    await countNoShowsWithoutCall(api, await adminToken(api), hallId, 5); // the hall's own grace (its policy) overrides NO_SHOW_GRACE_MINUTES
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => {
    const conn = await createConnection(t.config.database.url!);
    try {
      return (await conn.query(sql, params))[0] as T[];
    } finally {
      await conn.end();
    }
  };

  /** Capacity holds in the rows: live bookings ≤ capacity, the counters match the rows. */
  const checkCapacity = async (slotIds: string[]) => {
    const found = await rows<{ id: string; capacity: number; booked: number; held: number; taken: number; offered: number }>(
      `SELECT s.id, s.capacity, s.booked, s.held,
         (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.status <> 'cancelled') AS taken,
         (SELECT COUNT(*) FROM waitlist_entries w WHERE w.slot_id = s.id AND w.status = 'offered') AS offered
       FROM slots s WHERE s.id IN (?)`,
      [slotIds],
    );
    for (const s of found) {
      const n = { ...s, taken: Number(s.taken), offered: Number(s.offered) };
      expect({ slot: s.id, over: n.taken > n.capacity || n.booked + n.held > n.capacity, booked: n.booked, held: n.held }).toEqual({ slot: s.id, over: false, booked: n.taken, held: n.offered });
    }
  };

  async function runSequence(cmds: Cmd[]): Promise<void> {
    const day0 = BASE + 2 * DAY * run++;
    let now = day0;
    await setClock(api, new Date(now).toISOString());
    let admin = await adminToken(api);
    const people: Session[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push((await verifiedCitizen(api)) as Session);
    const slots: Array<{ id: string; start: number }> = [];
    for (const s of SLOTS) {
      const start = day0 + s.offsetMinutes * 60_000;
      const r = await api.post('/api/admin/slots', { hallId, serviceId: service.id, start: new Date(start).toISOString(), end: new Date(start + 1800_000).toISOString(), capacity: s.capacity }, { token: admin });
      expect(r.status).toBe(201);
      slots.push({ id: r.body.id, start });
    }
    const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

    /** What every door must respect, read just before the attempt. */
    const factsFor = async (u: Session, slotId: string) => {
      const slot = slots.find((s) => s.id === slotId)!;
      const standing = (await api.get('/api/me/booking-eligibility', { token: u.token })).body as { forfeited: boolean };
      const mine = (await api.get('/api/bookings?status=booked', { token: u.token })).body as Array<{ serviceId: string; start: string }>;
      return {
        started: slot.start <= now,
        forfeited: standing.forfeited,
        sameDay: mine.some((b) => b.serviceId === service.id && dayOf(Date.parse(b.start)) === dayOf(slot.start)),
      };
    };
    /** A booking made by any door: none of the rules another door applies may be broken. */
    const admitted = (door: string, facts: { started: boolean; forfeited: boolean; sameDay: boolean }) => {
      created++;
      expect({ door, ...facts }).toEqual({ door, started: false, forfeited: false, sameDay: false });
    };

    for (const c of cmds) {
      commands++;
      let answer: { status: number; text: string } | null = null;
      if (c.k === 'clock' || c.k === 'at') {
        const to = c.k === 'clock' ? now + c.minutes * 60_000 : slots[c.s].start + c.delta * 60_000;
        if (to <= now) continue;
        now = to;
        await setClock(api, new Date(now).toISOString());
        for (const p of people) await refreshed(api, p); // 15-minute access tokens
        admin = await adminToken(api);
      } else if (c.k === 'job') {
        answer = await api.post(`/api/admin/jobs/${c.name}/run`, undefined, { token: admin });
      } else if (c.k === 'book') {
        // the c.s-th slot not started with a place left (slot c.s when there is none)
        const open = await rows<{ id: string }>('SELECT id FROM slots WHERE id IN (?) AND booked + held < capacity AND start_at > ? ORDER BY start_at', [slots.map((x) => x.id), sqlTime(now)]);
        const target = open.length ? open[c.s % open.length].id : slots[c.s].id;
        const u = people[c.u];
        const facts = await factsFor(u, target);
        answer = await api.post('/api/bookings', { slotId: target, serviceId: service.id }, { token: u.token });
        if (answer.status === 201) admitted('POST /bookings', facts);
      } else if (c.k === 'cancel') {
        // person c.u cancels a booking of theirs, or else whoever holds one does
        const live = await rows<{ id: string; user_id: string }>("SELECT id, user_id FROM bookings WHERE slot_id IN (?) AND status = 'booked' ORDER BY start_at", [slots.map((x) => x.id)]);
        const b = live.find((x) => x.user_id === people[c.u].user.id) ?? live[0];
        if (b) answer = await api.post(`/api/bookings/${b.id}/cancel`, undefined, { token: people.find((p) => p.user.id === b.user_id)!.token });
      } else if (c.k === 'offer') {
        const lined = await rows<{ id: string; user_id: string }>(
          "SELECT b.id, b.user_id FROM bookings b WHERE b.slot_id IN (?) AND b.status = 'booked' AND b.start_at > ? AND EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.slot_id = b.slot_id AND w.status = 'waiting') ORDER BY b.start_at",
          [slots.map((x) => x.id), sqlTime(now)],
        );
        const b = lined[c.s % Math.max(1, lined.length)];
        if (b) answer = await api.post(`/api/bookings/${b.id}/cancel`, undefined, { token: people.find((p) => p.user.id === b.user_id)!.token });
      } else if (c.k === 'join') {
        // a line forms only for a full slot: queue for the c.s-th full one not started (nothing when there is none)
        const full = await rows<{ id: string }>('SELECT id FROM slots WHERE id IN (?) AND booked + held >= capacity AND start_at > ? ORDER BY start_at', [slots.map((x) => x.id), sqlTime(now)]);
        if (full.length) answer = await api.post(`/api/slots/${full[c.s % full.length].id}/waitlist`, {}, { token: people[c.u].token });
      } else {
        // everyone holding an offer on these slots takes it; person c.u also tries their place in line when not offered
        const line = await rows<{ id: string; user_id: string; slot_id: string; status: string }>(
          "SELECT id, user_id, slot_id, status FROM waitlist_entries WHERE slot_id IN (?) AND status IN ('offered', 'waiting') ORDER BY seq",
          [slots.map((x) => x.id)],
        );
        for (const entry of line.filter((e) => e.status === 'offered' || e.user_id === people[c.u].user.id)) {
          const u = people.find((p) => p.user.id === entry.user_id)!;
          const facts = await factsFor(u, entry.slot_id);
          answer = await api.post(`/api/waitlist/${entry.id}/accept`, undefined, { token: u.token });
          if (answer.status === 201) admitted('POST /waitlist/:id/accept', facts);
          expect({ cmd: c, status: answer.status < 500 ? 'ok' : answer.text }).toEqual({ cmd: c, status: 'ok' });
        }
      }
      if (answer) expect({ cmd: c, status: answer.status < 500 ? 'ok' : answer.text }).toEqual({ cmd: c, status: 'ok' });
      await checkCapacity(slots.map((s) => s.id));
    }
  }

  it(`holds over ${RUNS} random sequences of up to ${MAX_COMMANDS} steps`, async () => {
    await fc.assert(
      fc.asyncProperty(sequence, (cmds) => runSequence(cmds)),
      { numRuns: RUNS, endOnFailure: true },
    );
    // the number of runs and what they did, for the log
    console.log(`admission property: ${run} runs, ${commands} commands, ${created} bookings made (ADMISSION_PROPS_RUNS=${RUNS})`);
    expect(run).toBeGreaterThanOrEqual(RUNS);
  });
});
