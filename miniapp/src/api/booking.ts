import type {
  EligibilityView,
  NoShowRecordItem,
  OffhoursCreateRequest,
  OffhoursView,
  OnBehalfOf,
  RatedBookingView,
  Slot,
  WaitlistView,
} from '@gov/shared'
import { request } from './client'

/** Bookings, eligibility, the no-show record, the waitlist and off-hours requests (shapes: @gov/shared). */
export type { EligibilityView, NoShowRecordItem, OffhoursCreateRequest, OffhoursView, RatedBookingView, WaitlistView }

const id = encodeURIComponent

export const bookingApi = {
  slots: (serviceId: string, hallId: string, from: string, to: string) =>
    request<Slot[]>('GET', `/api/services/${id(serviceId)}/slots`, { query: { hallId, from, to }, auth: false }),
  /** onBehalfOf: for a company or a principal (为谁办理, store/acting); omitted for oneself */
  book: (slotId: string, serviceId: string, onBehalfOf?: OnBehalfOf | null) =>
    request<RatedBookingView>('POST', '/api/bookings', { body: { slotId, serviceId, ...(onBehalfOf ? { onBehalfOf } : {}) } }),
  list: () => request<RatedBookingView[]>('GET', '/api/bookings'),
  get: (bookingId: string) => request<RatedBookingView>('GET', `/api/bookings/${id(bookingId)}`),
  cancel: (bookingId: string) => request<RatedBookingView>('POST', `/api/bookings/${id(bookingId)}/cancel`),
  /** the booking on its new slot; the old place is freed in the same transaction */
  reschedule: (bookingId: string, slotId: string) =>
    request<RatedBookingView>('POST', `/api/bookings/${id(bookingId)}/reschedule`, { body: { slotId } }),
  eligibility: () => request<EligibilityView>('GET', '/api/me/booking-eligibility'),
  /** the caller's record, or (an agent) a principal's: the principal's record is the one that counts */
  noShows: (principalId?: string | null) =>
    request<NoShowRecordItem[]>('GET', '/api/me/no-shows', { query: { principalId: principalId || undefined } }),
  appeal: (bookingId: string, reason: string) =>
    request<unknown>('POST', `/api/me/no-shows/${id(bookingId)}/appeal`, { body: { reason } }),
  joinWaitlist: (slotId: string, serviceId: string) =>
    request<{ id: string; position: number }>('POST', `/api/slots/${id(slotId)}/waitlist`, { body: { serviceId } }),
  leaveWaitlist: (slotId: string) => request<void>('DELETE', `/api/slots/${id(slotId)}/waitlist`),
  waitlist: () => request<WaitlistView[]>('GET', '/api/me/waitlist'),
  acceptOffer: (entryId: string) => request<RatedBookingView>('POST', `/api/waitlist/${id(entryId)}/accept`),
  requestOffhours: (body: OffhoursCreateRequest) => request<OffhoursView>('POST', '/api/offhours-requests', { body }),
  offhoursList: () => request<OffhoursView[]>('GET', '/api/offhours-requests'),
  offhours: (requestId: string) => request<OffhoursView>('GET', `/api/offhours-requests/${id(requestId)}`),
  cancelOffhours: (requestId: string) => request<OffhoursView>('POST', `/api/offhours-requests/${id(requestId)}/cancel`),
}
