import type { BodyLane } from '../common/http/fast-lane';
import { AccessTokenService } from '../common/auth/access-token.service';
import type { CallerContextLoader } from '../common/auth/auth.decorators';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import { classifyError } from '../common/errors/error-classify.rules';
import { httpStatusOf } from '../common/errors/error-status';
import { DomainError } from '../common/errors/domain-error';
import { ROW_ID_MAX_LENGTH } from '../common/validation/row-id';
import { SlotPlacesCounter } from './slot-places.counter';

const isRowId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= ROW_ID_MAX_LENGTH;

/**
 * A POST /bookings body the validation pipe would pass as it is, for the caller's own booking
 * (`{ slotId, serviceId }`, other fields being stripped by the pipe); an `onBehalfOf` or anything the
 * pipe would refuse is not plain (the full pipeline answers it).
 */
export function plainBookingBody(body: unknown): { slotId: string } | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  return isRowId(b.slotId) && isRowId(b.serviceId) && b.onBehalfOf === undefined ? { slotId: b.slotId } : null;
}

/**
 * The booking refusal lane (issue 18): at 8:00 nearly every POST /api/bookings is for a slot already
 * full. When this instance saw the slot full a moment ago (SlotPlacesCounter.knownFull), the caller's
 * token verifies and, for a citizen, the account is open (the guard's caller context), the request
 * is answered 409 SLOT_FULL exactly as BookingService.book would — it refuses a known-full slot before
 * any other rule — without Express, Nest or the database. Anything else goes the full way.
 */
export function bookingRefusalLane(d: {
  tokens: AccessTokenService;
  callers: CallerContextCache;
  /** as the auth guard has it (absent: no caller contexts to check) */
  loader: CallerContextLoader | null;
  places: SlotPlacesCounter;
  headers: Readonly<Record<string, string>>;
}): BodyLane {
  const a = classifyError(new DomainError('SLOT_FULL'));
  const answer = { status: httpStatusOf(a.code), headers: d.headers, body: JSON.stringify({ code: a.code, message: a.message, details: a.details }), route: '/api/bookings' };
  return {
    wants: (req) => req.url === '/api/bookings',
    answer: (req, body) => {
      const plain = plainBookingBody(body);
      if (!plain || !d.places.knownFull(plain.slotId)) return null;
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!bearer) return null;
      let roles: readonly string[];
      let id: string;
      try {
        ({ roles, id } = d.tokens.verify(bearer[1]));
      } catch {
        return null;
      }
      if (!roles.includes('citizen') || !d.loader) return answer;
      // the account still open, as the auth guard asks (its cache; one read when it is not cached)
      const known = d.callers.peek(id);
      if (known !== undefined) return known ? answer : null;
      const loader = d.loader;
      return d.callers.get(id, () => loader.callerContext(id)).then((ctx) => (ctx ? answer : null));
    },
  };
}
