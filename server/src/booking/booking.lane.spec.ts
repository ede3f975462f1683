import type { IncomingMessage } from 'node:http';
import type { BookingView } from '@gov/shared';
import { bookingLane, plainBookingBody, type BookingLaneDeps } from './booking.lane';
import { headersSetBy, type LaneAnswer } from '../common/http/fast-lane';
import type { AuthUser, CallerContext } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';

describe('booking lane', () => {
  it('takes only a plain booking of one’s own that the validation pipe would pass', () => {
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1' })).toEqual({ slotId: 's1', serviceId: 'v1' });
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1', note: 'stripped by the pipe' })).toEqual({ slotId: 's1', serviceId: 'v1' });
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1', onBehalfOf: { type: 'enterprise', id: 'e' } })).toBeNull();
    // a field holding an object or array: its depth is judged on the full way before the pipe strips it
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1', d: [[[]]] })).toBeNull();
    expect(plainBookingBody({ slotId: '', serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody({ slotId: 'x'.repeat(37), serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody({ slotId: 5, serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody([{ slotId: 's1', serviceId: 'v1' }])).toBeNull();
    expect(plainBookingBody(null)).toBeNull();
    // strings the pipe measures otherwise (a variation selector counts as nothing there) go the full way
    expect(plainBookingBody({ slotId: '\uFE0F', serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody({ slotId: 's 1', serviceId: 'v1' })).toBeNull();
  });

  it('captures the headers a middleware sets, and refuses one that does not finish at once', () => {
    const mw = (_req: never, res: { setHeader(k: string, v: string): void; removeHeader(k: string): void }, next: () => void) => {
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.setHeader('X-Powered-By', 'x');
      res.removeHeader('X-Powered-By');
      next();
    };
    expect(headersSetBy(mw as never)).toEqual({ 'x-frame-options': 'SAMEORIGIN' });
    expect(() => headersSetBy((() => undefined) as never)).toThrow(/synchronously/);
  });

  describe('answers', () => {
    const tokens: Record<string, AuthUser> = {
      citizen: { id: 'u1', roles: ['citizen'], hallId: null },
      closed: { id: 'u2', roles: ['citizen'], hallId: null },
      clerk: { id: 's1', roles: ['window'], hallId: 'h1' },
    };
    const contexts: Record<string, CallerContext | null> = { u1: { enterpriseIds: ['e1'], verified: true }, u2: null };
    let full: Set<string>;
    let booked: Array<{ caller: AuthUser; input: unknown }>;
    let outcome: () => Promise<BookingView>;
    const lane = () =>
      bookingLane({
        tokens: { verify: (t: string) => (tokens[t] ? { ...tokens[t] } : (() => { throw new DomainError('UNAUTHENTICATED'); })()) },
        callers: { peek: () => undefined, get: (id: string) => Promise.resolve(contexts[id] ?? null) },
        loader: { callerContext: (id: string) => Promise.resolve(contexts[id] ?? null) },
        places: { knownFull: (id: string) => full.has(id) },
        headers: { 'content-type': 'application/json; charset=utf-8' },
        book: (caller: AuthUser, input: unknown) => {
          booked.push({ caller, input });
          return outcome();
        },
        error: (e: unknown): LaneAnswer => ({ status: e instanceof DomainError ? 409 : 500, headers: {}, body: JSON.stringify({ code: e instanceof DomainError ? e.code : 'INTERNAL' }), route: '/api/bookings' }),
      } as unknown as BookingLaneDeps);
    /** what the lane answers once the rate limit let the request through (its work run), or null */
    const answer = async (l: ReturnType<typeof bookingLane>, r: IncomingMessage, b: unknown): Promise<LaneAnswer | null> => {
      const d = await l.decide(r, b);
      return d && 'work' in d ? d.work() : d;
    };
    const req = (token?: string) => ({ url: '/api/bookings', headers: token ? { authorization: `Bearer ${token}` } : {} }) as unknown as IncomingMessage;
    const body = { slotId: 'slot1', serviceId: 'svc1' };

    beforeEach(() => {
      full = new Set();
      booked = [];
      outcome = () => Promise.resolve({ id: 'b1', code: 'ABC' } as unknown as BookingView);
    });

    it('decides without booking: the booking waits for the rate limit (it runs as the decision’s work)', async () => {
      const d = await lane().decide(req('citizen'), body);
      expect(booked).toEqual([]);
      expect(d && 'work' in d).toBe(true);
    });

    it('books for an open citizen account with the caller the guard would make, answering 201 with the view', async () => {
      const a = await answer(lane(), req('citizen'), body);
      expect(a).toMatchObject({ status: 201, body: JSON.stringify({ id: 'b1', code: 'ABC' }), route: '/api/bookings' });
      expect(booked).toEqual([{ caller: { id: 'u1', roles: ['citizen'], hallId: null, enterpriseIds: ['e1'], verified: true }, input: { slotId: 'slot1', serviceId: 'svc1' } }]);
    });

    it('answers a refusal as the filter does, and a known-full slot from memory without booking', async () => {
      outcome = () => Promise.reject(new DomainError('DUPLICATE_BOOKING'));
      expect(await answer(lane(), req('citizen'), body)).toMatchObject({ status: 409, body: JSON.stringify({ code: 'DUPLICATE_BOOKING' }) });
      outcome = () => Promise.reject(new Error('connection lost'));
      expect(await answer(lane(), req('citizen'), body)).toMatchObject({ status: 500, body: JSON.stringify({ code: 'INTERNAL' }) });
      booked = [];
      full.add('slot1');
      expect(await answer(lane(), req('citizen'), body)).toMatchObject({ status: 409, body: expect.stringContaining('SLOT_FULL') });
      expect(await answer(lane(), req('clerk'), body)).toMatchObject({ status: 409, body: expect.stringContaining('SLOT_FULL') });
      expect(booked).toEqual([]);
    });

    it('leaves to the full pipeline: no or a bad token, a closed account, a staff booking of a slot with places', async () => {
      expect(await answer(lane(), req(), body)).toBeNull();
      expect(await answer(lane(), req('forged'), body)).toBeNull();
      expect(await answer(lane(), req('closed'), body)).toBeNull();
      expect(await answer(lane(), req('clerk'), body)).toBeNull();
      expect(await answer(lane(), req('citizen'), { ...body, onBehalfOf: { type: 'enterprise', id: 'e1' } })).toBeNull();
      expect(booked).toEqual([]);
    });
  });
});
