import type { ApplicationStatus, AuthResult, BookingStatus, DeliveryMethod, EnterpriseStatus, OffhoursRequest, Page, SlaState } from '@gov/shared'
import { session } from '../store/session'
import { API_BASE, request } from './client'
import type { BookingListItem, FilingView } from './enterprises'
import type { RectificationStatus } from './ratings'

/** Window staff and admin (API.md, Staff). Staff see their hall; admin sees every hall. */
/** Whom a booking or filing is for, as staff see it: name, ID and phone masked; the agent or company acting. */
export interface Applicant {
  userId: string
  name: string | null
  idNumber: string | null
  phone: string | null
  verified: boolean
  agent: null | { userId: string; name: string | null; phone: string | null }
  enterprise: null | { id: string; name: string; creditCode: string }
}

/** The applicant's full name, ID and phone numbers (every reveal is audited). */
export interface RevealedApplicant {
  userId: string
  name: string | null
  idNumber: string | null
  phone: string | null
}

export interface StaffBooking extends BookingListItem {
  applicant: Applicant
  /** start + the grace period: from then a booking not checked in may be recorded as a no-show */
  noShowFrom: string
  /** whether 记为爽约 is allowed now (by the server's clock) */
  canMarkNoShow: boolean
}

export interface StaffOffhours extends OffhoursRequest {
  refuseReason: string | null
  staffName: string | null
  createdAt: string
  applicantName?: string | null
  serviceName?: string | null
  hallName?: string | null
}

export interface StaffMaterial {
  materialId: string
  name: string
  required: boolean
  tolerable: boolean
  files: Array<{ id: string; name: string; size: number; contentType: string; sha256: string }>
  review: null | { ok: boolean; reason: string | null }
  commitment?: null | { at: string; text: string }
  note?: string | null
  /** since the latest correction notice: files (by content) or a commitment changed; null before any notice */
  changedSinceNotice?: boolean | null
}

export interface StaffFiling extends Omit<FilingView, 'materials'> {
  materials: StaffMaterial[]
  applicant: Applicant
  prereview?: null | { deadline: string; daysLeft: number }
  deemedAccepted?: boolean
  receiptNo?: string | null
  refuseReason?: string | null
  decisionNote?: string | null
  delivery?: null | { method: string; trackingNo: string | null; at: string | null }
  promisedDays?: number
  notice?: null | { round: number; issuedAt: string; deadline: string; items: Array<{ materialId: string; name?: string; reason?: string }> }
}

export interface Appeal {
  id: string
  bookingId: string
  status: 'open' | 'waived' | 'rejected'
  reason: string
  answer: string | null
  date: string
  serviceName: string
  applicantName: string | null
  createdAt: string
}

/** A rectification ticket as staff see it: never who rated. */
export interface StaffRectification {
  id: string
  status: RectificationStatus
  dueAt: string
  answer: string | null
  answeredAt: string | null
  score: number
  firstScore: number
  label: string
  tags: string[]
  comment: string | null
  serviceName: string | null
  hallName: string | null
  ratedAt: string
}

export interface Callback {
  id: string
  applicationId: string
  number: string
  serviceName: string
  keyProject: boolean
  month: string
  deliveredAt: string | null
  status: 'pending' | 'done'
  reached: boolean | null
  satisfied: boolean | null
  note: string | null
  applicant: { name: string | null; phone: string | null }
}

/** A company as window staff review it (企业核验): the creator masked. */
export interface StaffEnterprise {
  id: string
  name: string
  creditCode: string
  legalRepName: string
  status: EnterpriseStatus
  createdAt: string
  creator: { userId: string; name: string | null; phone: string | null }
  /** other people's pending claims of the same credit code */
  rivalClaims: number
  reviewNote: string | null
  reviewedAt: string | null
}

export interface DeskSearchResult {
  q: string
  keys: Array<'filingNumber' | 'bookingCode' | 'phoneTail' | 'phone' | 'idNumber' | 'name'>
  bookings: StaffBooking[]
  applications: StaffFiling[]
}

/** 常用补正语 */
export interface Phrase {
  id: string
  text: string
  sortOrder: number
}

/** A page of a staff list (`page` given: the server answers { items, total, page, pageSize }). */
export interface Paging {
  page: number
  pageSize?: number
}

export const STAFF_PAGE_SIZE = 20

function paged<T>(path: string, query: Record<string, string | undefined>, p: Paging): Promise<Page<T>> {
  return request<Page<T>>('GET', path, { query: { ...query, page: p.page, pageSize: p.pageSize ?? STAFF_PAGE_SIZE } })
}

export interface Decision {
  materialId: string
  ok: boolean
  reason: string | null
}

const id = (v: string) => encodeURIComponent(v)

export const staffApi = {
  login: (username: string, password: string) =>
    request<AuthResult>('POST', '/api/auth/staff/login', { body: { username, password }, auth: false }),

  bookings: (q: { date?: string; status?: BookingStatus }, p: Paging) => paged<StaffBooking>('/api/staff/bookings', q, p),
  revealBookingApplicant: (bookingId: string) => request<RevealedApplicant>('POST', `/api/staff/bookings/${id(bookingId)}/reveal-applicant`),
  search: (q: string) => request<DeskSearchResult>('GET', '/api/staff/search', { query: { q } }),
  phrases: () => request<Phrase[]>('GET', '/api/staff/phrases'),
  checkIn: (code: string) => request<StaffBooking>('POST', '/api/staff/bookings/check-in', { body: { code } }),
  noShow: (bookingId: string) => request<StaffBooking>('POST', `/api/staff/bookings/${id(bookingId)}/no-show`),
  waive: (bookingId: string, reason: string) =>
    request<StaffBooking>('POST', `/api/staff/bookings/${id(bookingId)}/waive`, { body: { reason } }),
  reinstate: (userId: string, reason: string) =>
    request<unknown>('POST', `/api/staff/users/${id(userId)}/reinstate`, { body: { reason } }),

  appeals: (status: Appeal['status'] | undefined, p: Paging) => paged<Appeal>('/api/staff/appeals', { status }, p),
  decideAppeal: (appealId: string, waive: boolean, answer: string) =>
    request<Appeal>('POST', `/api/staff/appeals/${id(appealId)}/decide`, { body: { waive, answer } }),

  offhours: (status?: StaffOffhours['status']) =>
    request<StaffOffhours[]>('GET', '/api/staff/offhours-requests', { query: { status } }),
  confirmOffhours: (reqId: string, body: { start: string; end: string; staffName: string }) =>
    request<StaffOffhours>('POST', `/api/staff/offhours-requests/${id(reqId)}/confirm`, { body }),
  refuseOffhours: (reqId: string, reason: string) =>
    request<StaffOffhours>('POST', `/api/staff/offhours-requests/${id(reqId)}/refuse`, { body: { reason } }),

  filings: (q: { status?: ApplicationStatus; sla?: SlaState }, p: Paging) => paged<StaffFiling>('/api/staff/applications', q, p),
  revealFilingApplicant: (appId: string) => request<RevealedApplicant>('POST', `/api/staff/applications/${id(appId)}/reveal-applicant`),
  /** one filing, with its timeline (staff of its hall may read it) */
  filing: (appId: string) => request<StaffFiling>('GET', `/api/applications/${id(appId)}`),
  prereview: (appId: string, decisions: Decision[]) =>
    request<StaffFiling>('POST', `/api/staff/applications/${id(appId)}/prereview`, { body: { decisions } }),
  accept: (appId: string) => request<StaffFiling>('POST', `/api/staff/applications/${id(appId)}/accept`),
  refuse: (appId: string, reason: string) =>
    request<StaffFiling>('POST', `/api/staff/applications/${id(appId)}/refuse`, { body: { reason } }),
  advance: (appId: string, to: 'under_review' | 'approved' | 'denied', note: string) =>
    request<StaffFiling>('POST', `/api/staff/applications/${id(appId)}/advance`, { body: { to, note: note || undefined } }),
  deliver: (appId: string, method: DeliveryMethod, trackingNo?: string) =>
    request<StaffFiling>('POST', `/api/staff/applications/${id(appId)}/deliver`, { body: { method, trackingNo: trackingNo || undefined } }),

  rectifications: (status: RectificationStatus | undefined, p: Paging) => paged<StaffRectification>('/api/staff/rectifications', { status }, p),
  answerRectification: (ticketId: string, answer: string) =>
    request<StaffRectification>('POST', `/api/staff/rectifications/${id(ticketId)}/answer`, { body: { answer } }),

  enterprises: (status: EnterpriseStatus = 'pending') => request<StaffEnterprise[]>('GET', '/api/staff/enterprises', { query: { status } }),
  verifyEnterprise: (enterpriseId: string, approve: boolean, note: string) =>
    request<StaffEnterprise>('POST', `/api/staff/enterprises/${id(enterpriseId)}/verify`, { body: { approve, note: note || undefined } }),

  callbacks: (month: string | undefined, p: Paging) => paged<Callback>('/api/staff/callbacks', { month }, p),
  revealPhone: (cbId: string) => request<{ phone: string | null }>('POST', `/api/staff/callbacks/${id(cbId)}/reveal-phone`),
  callbackOutcome: (cbId: string, body: { reached: boolean; satisfied: boolean | null; note: string }) =>
    request<Callback>('POST', `/api/staff/callbacks/${id(cbId)}/outcome`, { body }),
}

/** URL and headers to fetch an uploaded file's bytes (GET /api/files/:id needs the bearer token). */
export function fileRequest(fileId: string): { url: string; header: Record<string, string> } {
  const token = session.get().accessToken
  return { url: `${API_BASE}/api/files/${id(fileId)}`, header: token ? { Authorization: `Bearer ${token}` } : {} }
}

/** Whether the signed-in user is window staff or admin. */
export function isStaffUser(roles: readonly string[] | undefined | null): boolean {
  return !!roles && (roles.includes('staff') || roles.includes('admin'))
}
