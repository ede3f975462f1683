import { BOOKING_STATUS_LABELS, type BookingView } from '@gov/shared'
import type { Tone } from '@/components/StatusTag/tone'

export const BOOKING_TONE: Record<string, Tone> = {
  booked: 'info',
  checked_in: 'success',
  cancelled: 'muted',
  cancelled_by_centre: 'warning',
  no_show: 'danger',
  no_show_waived: 'muted',
}

export const OFFHOURS_TONE: Record<string, Tone> = {
  pending: 'warning',
  confirmed: 'success',
  refused: 'danger',
  cancelled: 'muted',
  expired: 'muted',
}

/**
 * The tag a booking shows wherever it is listed: a no-show the hall has not yet counted (it calls the
 * applicant first, 罗山 预约办 四.2) reads 已超时，暂不计爽约, not 爽约.
 */
export function bookingTag(b: Pick<BookingView, 'status' | 'noShow'>): { tone: Tone; text: string } {
  if (b.status === 'no_show' && b.noShow && !b.noShow.counts) return { tone: 'warning', text: '已超时，暂不计爽约' }
  return { tone: BOOKING_TONE[b.status] ?? 'info', text: BOOKING_STATUS_LABELS[b.status] }
}
