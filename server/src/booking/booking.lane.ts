import type { IncomingMessage } from 'node:http';
import type { BookingView } from '@gov/shared';
import type { BodyLane, LaneAnswer, LaneDecision } from '../common/http/fast-lane';
import { AccessTokenService } from '../common/auth/access-token.service';
import type { AuthUser, CallerContext, CallerContextLoader } from '../common/auth/auth.decorators';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import { classifyError } from '../common/errors/error-classify.rules';
import { httpStatusOf } from '../common/errors/error-status';
import { DomainError } from '../common/errors/domain-error';
import { ROW_ID_MAX_LENGTH } from '../common/validation/row-id';
import { SlotPlacesCounter } from './slot-places.counter';

/**
 * A row id the validation pipe passes (`IsRowId`: a string of 1 to ROW_ID_MAX_LENGTH characters),
 * narrowed to printable ASCII — what row ids are — so that no string the pipe counts differently
 * (a surrogate pair, a variation selector) is taken here.
 */
const ROW_ID = new RegExp(`^[\\x21-\\x7e]{1,${ROW_ID_MAX_LENGTH}}$`);
const isRowId = (v: unknown): v is string => typeof v === 'string' && ROW_ID.test(v);

/** A booking of one's own for a slot of a service, as the booking lane takes it. */
export interface PlainBooking {
  slotId: string;
  serviceId: string;
}

/**
 * A POST /bookings body the validation pipe would pass as it is, for the caller's own booking
 * (`{ slotId, serviceId }`, other fields being stripped by the pipe); an `onBehalfOf` or anything the
 * pipe might refuse is not plain (the full pipeline answers it).
 */
export function plainBookingBody(body: unknown): PlainBooking | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  // a field holding an object or array goes the full way, where its depth is judged before the pipe strips it
  if (Object.values(b).some((v) => typeof v === 'object' && v !== null)) return null;
  return isRowId(b.slotId) && isRowId(b.serviceId) && b.onBehalfOf === undefined ? { slotId: b.slotId, serviceId: b.serviceId } : null;
}

export interface BookingLaneDeps {
  tokens: AccessTokenService;
  callers: CallerContextCache;
  /** as the auth guard has it (absent: no caller contexts, and the lane only refuses known-full slots) */
  loader: CallerContextLoader | null;
  places: SlotPlacesCounter;
  headers: Readonly<Record<string, string>>;
  /** BookingService.book (the controller's whole work for this route) */
  book: (caller: AuthUser, input: PlainBooking) => Promise<BookingView>;
  /** an error as the global filter answers (and logs) it */
  error: (e: unknown, req: IncomingMessage) => LaneAnswer;
}

const ROUTE = '/api/bookings';

/**
 * The booking lane (issue 18): a citizen's plain POST /api/bookings goes straight to
 * BookingService.book — what the controller does — with the caller the auth guard would make (the
 * token verified, the account open, verified state and memberships from the guard's cache),
 * skipping Express's routing, Nest's guards, pipes and filter and their per-request costs (about a
 * fifth of a booking's CPU). The answer is the one the full pipeline gives: 201 with the booking's
 * view, or the error as the global filter answers it. A slot this instance saw full a moment ago
 * (SlotPlacesCounter.knownFull) is refused 409 SLOT_FULL from memory, for staff tokens too
 * (BookingService.book refuses a known-full slot before any other rule). Anything else — no or a bad
 * token, a request on someone's behalf, a body the validation pipe might treat otherwise, a disabled
 * account, a staff booking of a slot with places — goes the full way, where the guard and pipe answer it.
 */
export function bookingLane(d: BookingLaneDeps): BodyLane {
  const a = classifyError(new DomainError('SLOT_FULL'));
  const full: LaneAnswer = { status: httpStatusOf(a.code), headers: d.headers, body: JSON.stringify({ code: a.code, message: a.message, details: a.details }), route: ROUTE };
  const booked = (v: BookingView): LaneAnswer => ({ status: 201, headers: d.headers, body: JSON.stringify(v), route: ROUTE });
  return {
    route: ROUTE,
    wants: (req) => req.url === ROUTE,
    decide: (req, body) => {
      const plain = plainBookingBody(body);
      if (!plain) return null;
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!bearer) return null;
      let user: AuthUser;
      try {
        user = d.tokens.verify(bearer[1]);
      } catch {
        return null;
      }
      const citizen = user.roles.includes('citizen');
      if (!citizen || !d.loader) return d.places.knownFull(plain.slotId) ? full : null;
      const go = (ctx: CallerContext | null): LaneDecision => {
        // a disabled or removed account: the guard's 401 (the full way)
        if (!ctx) return null;
        if (d.places.knownFull(plain.slotId)) return full;
        const caller: AuthUser = { ...user, enterpriseIds: ctx.enterpriseIds, verified: ctx.verified };
        // the booking itself runs only once the rate limit let the request through (fast-lane.ts)
        return { work: () => d.book(caller, plain).then(booked, (e: unknown) => d.error(e, req)) };
      };
      // the account still open, as the auth guard asks (its cache; one read when it is not cached)
      const known = d.callers.peek(user.id);
      if (known !== undefined) return go(known);
      const loader = d.loader;
      return d.callers.get(user.id, () => loader.callerContext(user.id)).then(go);
    },
  };
}
