import type { AuthorizationStatus, OnBehalfOf } from '@gov/shared'
import { request } from './client'
import type { BookingListItem, FilingView } from './enterprises'

/**
 * 授权委托 (API.md, Enterprises and delegation): pending until the agent accepts (active) or
 * declines; the principal may revoke; an accepted or pending one past its end date shows as expired.
 */
export type { AuthorizationStatus }

export interface Authorization {
  id: string
  status: AuthorizationStatus
  principal: { type: 'person' | 'enterprise'; id: string; name: string | null }
  agent: { userId: string; name: string | null; phone: string | null }
  serviceIds: string[] | null
  services: Array<{ id: string; name: string }> | null
  validFrom: string
  validTo: string
  createdAt: string
  revokedAt: string | null
  respondedAt?: string | null
}

export interface CreateAuthorizationInput {
  principal: OnBehalfOf
  agentPhone: string
  /** null: every service */
  serviceIds: string[] | null
  validFrom: string
  validTo: string
}

export const delegationApi = {
  create: (body: CreateAuthorizationInput) => request<Authorization>('POST', '/api/authorizations', { body }),
  list: (role: 'principal' | 'agent') => request<Authorization[]>('GET', '/api/authorizations', { query: { role } }),
  revoke: (id: string) => request<Authorization>('POST', `/api/authorizations/${encodeURIComponent(id)}/revoke`),
  /** the agent's answer to a pending authorisation */
  accept: (id: string) => request<Authorization>('POST', `/api/authorizations/${encodeURIComponent(id)}/accept`),
  decline: (id: string) => request<Authorization>('POST', `/api/authorizations/${encodeURIComponent(id)}/decline`),
  /** what others did for the caller: bookings and filings made on the caller's behalf */
  async doneForMe(): Promise<{ bookings: BookingListItem[]; filings: FilingView[] }> {
    const [bookings, filings] = await Promise.all([
      request<BookingListItem[]>('GET', '/api/bookings'),
      request<FilingView[]>('GET', '/api/applications'),
    ])
    return { bookings: bookings.filter((b) => b.onBehalf), filings: filings.filter((f) => f.onBehalf) }
  },
}
