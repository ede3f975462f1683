import type { AuthorizationStatus, AuthorizationView, CreateAuthorizationRequest, RatedApplicationListItem, RatedBookingView } from '@gov/shared'
import { request } from './client'

/**
 * 授权委托 (API.md, Enterprises and delegation): pending until the agent accepts (active) or
 * declines; the principal may revoke; an accepted or pending one past its end date shows as expired.
 */
export type { AuthorizationStatus, AuthorizationView, CreateAuthorizationRequest }

export const delegationApi = {
  create: (body: CreateAuthorizationRequest) => request<AuthorizationView>('POST', '/api/authorizations', { body }),
  list: (role: 'principal' | 'agent') => request<AuthorizationView[]>('GET', '/api/authorizations', { query: { role } }),
  revoke: (id: string) => request<AuthorizationView>('POST', `/api/authorizations/${encodeURIComponent(id)}/revoke`),
  /** the agent's answer to a pending authorisation */
  accept: (id: string) => request<AuthorizationView>('POST', `/api/authorizations/${encodeURIComponent(id)}/accept`),
  decline: (id: string) => request<AuthorizationView>('POST', `/api/authorizations/${encodeURIComponent(id)}/decline`),
  /** what others did for the caller: bookings and filings made on the caller's behalf */
  async doneForMe(): Promise<{ bookings: RatedBookingView[]; filings: RatedApplicationListItem[] }> {
    const [bookings, filings] = await Promise.all([
      request<RatedBookingView[]>('GET', '/api/bookings'),
      request<RatedApplicationListItem[]>('GET', '/api/applications'),
    ])
    return { bookings: bookings.filter((b) => b.onBehalf), filings: filings.filter((f) => f.onBehalf) }
  },
}
