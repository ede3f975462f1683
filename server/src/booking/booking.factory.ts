import { randomBytes } from 'node:crypto';
import type { BookingKind } from '@gov/shared';
import { newPrincipalRow } from '../common/principal-row';
import type { Acting } from '../delegation/acting.service';
import { checkInCode } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import type { SlotEntity } from './entities/slot.entity';

/**
 * A new active booking row for a slot (the one place that fills in a booking's defaults). Called by
 * AdmissionService only, after every admission rule passed; `who` can only come from ActingService,
 * resolved for this very service: no door makes a booking without the authorisation and audience checks.
 */
export function newBookingRow(
  who: Acting,
  slot: Pick<SlotEntity, 'id' | 'hallId' | 'day' | 'startAt' | 'endAt'>,
  serviceId: string,
  kind: BookingKind,
  now: Date,
  offhoursRequestId: string | null = null,
): BookingEntity {
  if (who.serviceId !== serviceId) throw new Error(`acting resolved for service ${who.serviceId}, booking made for ${serviceId}`);
  return Object.assign(new BookingEntity(), {
    ...newPrincipalRow(who),
    principalKey: who.principalKey,
    slotId: slot.id,
    serviceId,
    hallId: slot.hallId,
    day: slot.day,
    startAt: slot.startAt,
    endAt: slot.endAt,
    kind,
    status: 'booked' as const,
    code: checkInCode(randomBytes(8)),
    activeKey: 1,
    offhoursRequestId,
    createdAt: now,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
    noShowAt: null,
    waivedAt: null,
    waivedBy: null,
    waiveReason: null,
    noShowCounts: true,
    contactReached: null,
    contactOutcome: null,
    contactNote: null,
    contactAt: null,
    contactBy: null,
    cancelReason: null,
    registeredName: null,
    rescheduledAt: null,
    rescheduleCount: 0,
  });
}
