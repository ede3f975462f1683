import type { Booking, BookingEligibility, OffhoursRequest, OnBehalfOf, Slot } from '@gov/shared'
import { request } from './client'
import type { RatingState } from './ratings'

/** Bookings, eligibility, the no-show record, the waitlist and off-hours requests. */

export interface BookingView extends Booking, RatingState {
  serviceName: string
  hallName: string
  hallAddress: string
  /** the hall with its place on the map */
  hall?: { id: string; name: string; address: string; latitude: number | null; longitude: number | null }
  start: string
  end: string
  createdAt: string
  /** made by someone else (an agent) for the caller, or by the caller for a principal */
  onBehalf: boolean
  /** when it was cancelled (by the applicant or the centre) */
  cancelledAt?: string | null
  /** PNG data URL of the check-in code (detail of a booking still to be served only) */
  qrImage?: string
}

export interface Eligibility extends BookingEligibility {
  /** the server's words for people: the warning or how to be reinstated */
  message: string
}

export interface NoShowItem {
  bookingId: string
  date: string
  hallName: string
  serviceName: string
  counts: boolean
  reason: string
  appeal: null | { id: string; status: 'open' | 'waived' | 'rejected'; reason: string; answer: string | null }
}

export interface WaitlistItem {
  id: string
  slotId: string
  serviceId: string
  status: string
  position: number
  offer: null | { expiresAt: string }
  slot: Slot | null
}

export interface OffhoursView extends OffhoursRequest {
  refuseReason: string | null
  staffName: string | null
  createdAt: string
}

export interface OffhoursCreate {
  serviceId: string
  hallId: string
  preferredStart: string
  preferredEnd: string
  note?: string
  onBehalfOf?: OnBehalfOf
}

const id = encodeURIComponent

export const bookingApi = {
  slots: (serviceId: string, hallId: string, from: string, to: string) =>
    request<Slot[]>('GET', `/api/services/${id(serviceId)}/slots`, { query: { hallId, from, to }, auth: false }),
  /** onBehalfOf: for a company or a principal (为谁办理, store/acting); omitted for oneself */
  book: (slotId: string, serviceId: string, onBehalfOf?: OnBehalfOf | null) =>
    request<BookingView>('POST', '/api/bookings', { body: { slotId, serviceId, ...(onBehalfOf ? { onBehalfOf } : {}) } }),
  list: () => request<BookingView[]>('GET', '/api/bookings'),
  get: (bookingId: string) => request<BookingView>('GET', `/api/bookings/${id(bookingId)}`),
  cancel: (bookingId: string) => request<BookingView>('POST', `/api/bookings/${id(bookingId)}/cancel`),
  eligibility: () => request<Eligibility>('GET', '/api/me/booking-eligibility'),
  /** the caller's record, or (an agent) a principal's: the principal's record is the one that counts */
  noShows: (principalId?: string | null) =>
    request<NoShowItem[]>('GET', '/api/me/no-shows', { query: { principalId: principalId || undefined } }),
  appeal: (bookingId: string, reason: string) =>
    request<unknown>('POST', `/api/me/no-shows/${id(bookingId)}/appeal`, { body: { reason } }),
  joinWaitlist: (slotId: string, serviceId: string) =>
    request<{ id: string; position: number }>('POST', `/api/slots/${id(slotId)}/waitlist`, { body: { serviceId } }),
  leaveWaitlist: (slotId: string) => request<void>('DELETE', `/api/slots/${id(slotId)}/waitlist`),
  waitlist: () => request<WaitlistItem[]>('GET', '/api/me/waitlist'),
  acceptOffer: (entryId: string) => request<BookingView>('POST', `/api/waitlist/${id(entryId)}/accept`),
  requestOffhours: (body: OffhoursCreate) => request<OffhoursView>('POST', '/api/offhours-requests', { body }),
  offhoursList: () => request<OffhoursView[]>('GET', '/api/offhours-requests'),
  offhours: (requestId: string) => request<OffhoursView>('GET', `/api/offhours-requests/${id(requestId)}`),
  cancelOffhours: (requestId: string) => request<OffhoursView>('POST', `/api/offhours-requests/${id(requestId)}/cancel`),
}

export const BOOKING_STATUS_LABEL: Record<string, string> = {
  booked: '待办理',
  checked_in: '已签到',
  cancelled: '已取消',
  cancelled_by_centre: '中心已取消（不计爽约）',
  no_show: '爽约',
  no_show_waived: '爽约已豁免',
}

export const OFFHOURS_STATUS_LABEL: Record<string, string> = {
  pending: '待确认',
  confirmed: '已确认',
  refused: '未通过',
  cancelled: '已取消',
}
