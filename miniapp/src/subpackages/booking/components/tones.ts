import type { Tone } from '@/components/StatusTag'

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
