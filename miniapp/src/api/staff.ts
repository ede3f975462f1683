import type {
  AdvanceTarget,
  ApplicantRevealed,
  ApplicantView,
  AppealStatus,
  AppealView,
  ApplicationStatus,
  AuthResult,
  BookingStatus,
  CallbackOutcomeRequest as FollowUpOutcomeRequest,
  CallbackView as FollowUpView,
  CompleteApplicationRequest,
  ConfirmOffhoursRequest,
  ContactRequest,
  RefuseOffhoursRequest,
  DeliveryMethod,
  DeskSearchResult,
  ForwardRequest,
  EnterpriseStatus,
  OffhoursStatus,
  OffhoursView,
  Page,
  PhraseView,
  PrereviewDecision,
  PartAdvanceRequest,
  PartAdvanceTarget,
  PartPrereviewRequest,
  RectificationState,
  RegisterBookingRequest,
  RegisteredBookingView,
  ReturnApplicationRequest,
  SlaState,
  StaffApplicationView,
  StaffBookingView,
  StaffEnterpriseView,
  StaffRectificationView,
  SupervisionBoard,
} from '@gov/shared'
import { session } from '../store/session'
import { API_BASE, request, withQuery } from './client'

/** Window staff and admin (API.md, Staff). Staff see their hall; admin sees every hall. Shapes: @gov/shared. */
export type {
  ApplicantRevealed,
  ApplicantView,
  AppealView,
  DeskSearchResult,
  FollowUpView,
  OffhoursView,
  PhraseView,
  PrereviewDecision,
  StaffApplicationView,
  StaffBookingView,
  StaffEnterpriseView,
  StaffRectificationView,
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

const id = (v: string) => encodeURIComponent(v)

export const staffApi = {
  /** 导出 (API.md Staff exports): paths of the .xlsx downloads, for ExportButton; phone and ID numbers come masked */
  exports: {
    bookings: (date: string) => withQuery('/api/staff/exports/bookings.xlsx', { date }),
    filings: (month: string) => withQuery('/api/staff/exports/applications.xlsx', { month }),
    satisfaction: (from: string, to: string) => withQuery('/api/staff/exports/satisfaction.xlsx', { from, to }),
  },
  login: (username: string, password: string) =>
    request<AuthResult>('POST', '/api/auth/staff/login', { body: { username, password }, auth: false }),

  bookings: (q: { date?: string; status?: BookingStatus }, p: Paging) => paged<StaffBookingView>('/api/staff/bookings', q, p),
  /** 迟到电话: today's bookings past their start, neither checked in nor counted (still booked, or a pending no-show) */
  lateBookings: (p: Paging) => paged<StaffBookingView>('/api/staff/bookings', { status: 'late' }, p),
  /** 窗口登记: the bookings the hall's desk registered on `date` (phone calls, walk-ins), whatever day each is for, latest first */
  registeredBookings: (date: string, p: Paging) => paged<StaffBookingView>('/api/staff/bookings', { registeredOn: date }, p),
  /** 电话/现场登记: a booking for a phone call or a walk-in (kind `registered`, the same admission rules); the code goes out by SMS where a provider is set */
  registerBooking: (body: RegisterBookingRequest) => request<RegisteredBookingView>('POST', '/api/staff/bookings', { body }),
  revealBookingApplicant: (bookingId: string) => request<ApplicantRevealed>('POST', `/api/staff/bookings/${id(bookingId)}/reveal-applicant`),
  search: (q: string) => request<DeskSearchResult>('GET', '/api/staff/search', { query: { q } }),
  phrases: () => request<PhraseView[]>('GET', '/api/staff/phrases'),
  checkIn: (code: string) => request<StaffBookingView>('POST', '/api/staff/bookings/check-in', { body: { code } }),
  noShow: (bookingId: string) => request<StaffBookingView>('POST', `/api/staff/bookings/${id(bookingId)}/no-show`),
  /** a call to a late applicant: where the hall requires one, only `reached: false` makes the no-show count */
  contact: (bookingId: string, body: ContactRequest) => request<StaffBookingView>('POST', `/api/staff/bookings/${id(bookingId)}/contact`, { body }),
  /** 中心取消: `cancelled_by_centre`, never counted; the applicant is told why and offered other slots */
  cancelBooking: (bookingId: string, reason: string) =>
    request<StaffBookingView>('POST', `/api/staff/bookings/${id(bookingId)}/cancel`, { body: { reason } }),
  waive: (bookingId: string, reason: string) =>
    request<StaffBookingView>('POST', `/api/staff/bookings/${id(bookingId)}/waive`, { body: { reason } }),
  reinstate: (userId: string, reason: string) =>
    request<unknown>('POST', `/api/staff/users/${id(userId)}/reinstate`, { body: { reason } }),

  appeals: (status: AppealStatus | undefined, p: Paging) => paged<AppealView>('/api/staff/appeals', { status }, p),
  decideAppeal: (appealId: string, waive: boolean, answer: string) =>
    request<AppealView>('POST', `/api/staff/appeals/${id(appealId)}/decide`, { body: { waive, answer } }),

  offhours: (status?: OffhoursStatus) =>
    request<OffhoursView[]>('GET', '/api/staff/offhours-requests', { query: { status } }),
  confirmOffhours: (reqId: string, body: ConfirmOffhoursRequest) =>
    request<OffhoursView>('POST', `/api/staff/offhours-requests/${id(reqId)}/confirm`, { body }),
  refuseOffhours: (reqId: string, body: RefuseOffhoursRequest) =>
    request<OffhoursView>('POST', `/api/staff/offhours-requests/${id(reqId)}/refuse`, { body }),
  /** for supervisors: pending requests past their reply-by time */
  offhoursOverdue: () => request<OffhoursView[]>('GET', '/api/staff/supervision/offhours-requests'),
  /** 督办 (supervisors): the hall's late filings, off-hours requests and rectifications */
  supervision: () => request<SupervisionBoard>('GET', '/api/staff/supervision'),

  filings: (q: { status?: ApplicationStatus; sla?: SlaState; departmentId?: string }, p: Paging) => paged<StaffApplicationView>('/api/staff/applications', q, p),
  revealFilingApplicant: (appId: string) => request<ApplicantRevealed>('POST', `/api/staff/applications/${id(appId)}/reveal-applicant`),
  /** one filing, with its timeline (staff of its hall may read it) */
  filing: (appId: string) => request<StaffApplicationView>('GET', `/api/applications/${id(appId)}`),
  prereview: (appId: string, decisions: PrereviewDecision[]) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/prereview`, { body: { decisions } }),
  accept: (appId: string) => request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/accept`),
  refuse: (appId: string, reason: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/refuse`, { body: { reason } }),
  advance: (appId: string, to: AdvanceTarget, note: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/advance`, { body: { to, note: note || undefined } }),
  /** 一件事: one department's pre-review of its part (a decision for each of the part's materials) */
  partPrereview: (appId: string, partId: string, decisions: PartPrereviewRequest['decisions']) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/parts/${id(partId)}/prereview`, { body: { decisions } satisfies PartPrereviewRequest }),
  /** 一件事: the part's department opens its review or decides its part */
  partAdvance: (appId: string, partId: string, to: PartAdvanceTarget, note: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/parts/${id(partId)}/advance`, { body: { to, note: note || undefined } satisfies PartAdvanceRequest }),
  deliver: (appId: string, method: DeliveryMethod, trackingNo?: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/deliver`, { body: { method, trackingNo: trackingNo || undefined } }),
  /** 退件 after acceptance, with reasons */
  /** 同城通办: to the competent hall, or the decided result back to the hall where it was filed */
  forward: (appId: string, hallId: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/forward`, { body: { hallId } satisfies ForwardRequest }),
  /** 同城通办: take in a forwarded filing (the clock runs again) or a returned result (for delivery) */
  receive: (appId: string) => request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/receive`),
  returnFiling: (appId: string, reason: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/return`, { body: { reason } satisfies ReturnApplicationRequest }),
  /** 即办: an instant service decided and handed over on the spot */
  complete: (appId: string, note: string) =>
    request<StaffApplicationView>('POST', `/api/staff/applications/${id(appId)}/complete`, { body: (note ? { note } : {}) satisfies CompleteApplicationRequest }),

  rectifications: (status: RectificationState | undefined, p: Paging) => paged<StaffRectificationView>('/api/staff/rectifications', { status }, p),
  answerRectification: (ticketId: string, answer: string) =>
    request<StaffRectificationView>('POST', `/api/staff/rectifications/${id(ticketId)}/answer`, { body: { answer } }),

  enterprises: (status: EnterpriseStatus = 'pending') => request<StaffEnterpriseView[]>('GET', '/api/staff/enterprises', { query: { status } }),
  verifyEnterprise: (enterpriseId: string, approve: boolean, note: string) =>
    request<StaffEnterpriseView>('POST', `/api/staff/enterprises/${id(enterpriseId)}/verify`, { body: { approve, note: note || undefined } }),

  // 回访 (follow-up): API.md keeps the route /staff/callbacks
  followUps: (month: string | undefined, p: Paging) => paged<FollowUpView>('/api/staff/callbacks', { month }, p),
  revealFollowUpPhone: (followUpId: string) =>
    request<{ phone: string | null }>('POST', `/api/staff/callbacks/${id(followUpId)}/reveal-phone`),
  followUpOutcome: (followUpId: string, body: FollowUpOutcomeRequest) =>
    request<FollowUpView>('POST', `/api/staff/callbacks/${id(followUpId)}/outcome`, { body }),
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
