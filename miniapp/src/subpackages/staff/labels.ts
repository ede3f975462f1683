import { APPLICATION_STATUS_LABELS, BOOKING_STATUS_LABELS, DELIVERY_METHOD_LABELS, SLA_LABELS, type ApplicationStatus, type BookingStatus, type SlaState } from '@gov/shared'
import type { Tone } from '@/components/StatusTag'

/** A booking's status on the desk pages: the shared label with its tone. */
export const BOOKING_STATUS: Record<BookingStatus, { text: string; tone: Tone }> = {
  booked: { text: BOOKING_STATUS_LABELS.booked, tone: 'info' },
  checked_in: { text: BOOKING_STATUS_LABELS.checked_in, tone: 'success' },
  cancelled: { text: BOOKING_STATUS_LABELS.cancelled, tone: 'muted' },
  cancelled_by_centre: { text: BOOKING_STATUS_LABELS.cancelled_by_centre, tone: 'warning' },
  no_show: { text: BOOKING_STATUS_LABELS.no_show, tone: 'danger' },
  no_show_waived: { text: BOOKING_STATUS_LABELS.no_show_waived, tone: 'warning' },
}

export const FILING_STATUS: Record<ApplicationStatus, string> = APPLICATION_STATUS_LABELS

export const SLA: Record<SlaState, { text: string; tone: Tone }> = {
  overdue: { text: SLA_LABELS.overdue, tone: 'danger' },
  due_soon: { text: SLA_LABELS.due_soon, tone: 'warning' },
  on_track: { text: SLA_LABELS.on_track, tone: 'success' },
}

export const DELIVERY: Record<string, string> = DELIVERY_METHOD_LABELS
