import { APPLICATION_STATUS_LABELS, BOOKING_STATUS_LABELS, DELIVERY_METHOD_LABELS, type ApplicationStatus, type BookingStatus, type SlaState } from '@gov/shared'
import { SLA_STATUS, toned, type Toned } from '@/utils/status-tones'

/** A booking's status on the desk pages: the shared label with its tone. */
export const BOOKING_STATUS: Record<BookingStatus, Toned> = toned(BOOKING_STATUS_LABELS, {
  booked: 'info',
  checked_in: 'success',
  cancelled: 'muted',
  cancelled_by_centre: 'warning',
  no_show: 'danger',
  no_show_waived: 'warning',
})

export const FILING_STATUS: Record<ApplicationStatus, string> = APPLICATION_STATUS_LABELS

export const SLA: Record<SlaState, Toned> = SLA_STATUS

export const DELIVERY: Record<string, string> = DELIVERY_METHOD_LABELS
