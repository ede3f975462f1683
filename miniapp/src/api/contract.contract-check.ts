/**
 * Type-level check of the wire contract on the client side (never imported, so never bundled;
 * `npm run typecheck` compiles it). Each line states that a client call resolves to exactly the
 * view `@gov/shared` declares for that route: a drift between the typed client and the contract
 * fails the typecheck here, and every page reading a renamed field fails where it reads it.
 */
import type {
  AppealView,
  BundleDetail,
  BundleSummary,
  ApplicantRevealed,
  AuthorizationView,
  CallbackView,
  CategoryCount,
  CertificateVerifyView,
  CertificateView,
  ClosingCheck,
  DeskSearchResult,
  Equal,
  EligibilityView,
  EnterpriseDetail,
  EnterpriseView,
  Expect,
  GuideView,
  HallQueueFigures,
  LookupView,
  MessageView,
  NoShowRecordItem,
  OffhoursView,
  OvertimeServiceView,
  Page,
  PhraseView,
  PublicConfig,
  RatedApplicationListItem,
  RatedApplicationView,
  RatedBookingView,
  RateResult,
  RegisteredBookingView,
  RouteViews,
  RatingView,
  SatisfactionStats,
  StaffApplicationView,
  StaffBookingView,
  StaffEnterpriseView,
  StaffRectificationView,
  TodoSummary,
  WaitlistView,
} from '@gov/shared'
import type { accountApi } from './account'
import type { bookingApi } from './booking'
import type { bundlesApi } from './bundles'
import type { catalogApi } from './catalog'
import type { configApi } from './config'
import type { delegationApi } from './delegation'
import type { enterprisesApi } from './enterprises'
import type { filingsApi } from './filings'
import type { certificatesApi } from './certificates'
import type { messagesApi } from './messages'
import type { staffQueueApi } from './queue'
import type { ratingsApi } from './ratings'
import type { staffApi } from './staff'

/** What a client call resolves to. */
type Answer<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never

export type ClientContractCheck = [
  Expect<Equal<Answer<typeof accountApi.closingCheck>, ClosingCheck>>,
  Expect<Equal<Answer<typeof accountApi.todo>, TodoSummary>>,
  Expect<Equal<Answer<typeof configApi.get>, PublicConfig>>,
  Expect<Equal<Answer<typeof catalogApi.categories>, CategoryCount[]>>,
  Expect<Equal<Answer<typeof catalogApi.guide>, GuideView>>,
  Expect<Equal<Answer<typeof bookingApi.list>, RatedBookingView[]>>,
  Expect<Equal<Answer<typeof bookingApi.get>, RatedBookingView>>,
  Expect<Equal<Answer<typeof bookingApi.eligibility>, EligibilityView>>,
  Expect<Equal<Answer<typeof bookingApi.noShows>, NoShowRecordItem[]>>,
  Expect<Equal<Answer<typeof bookingApi.waitlist>, WaitlistView[]>>,
  Expect<Equal<Answer<typeof bookingApi.offhoursList>, OffhoursView[]>>,
  Expect<Equal<Answer<typeof bundlesApi.list>, BundleSummary[]>>,
  Expect<Equal<Answer<typeof bundlesApi.get>, BundleDetail>>,
  Expect<Equal<Answer<typeof filingsApi.createBundle>, RatedApplicationView>>,
  Expect<Equal<Answer<typeof filingsApi.list>, RatedApplicationListItem[]>>,
  Expect<Equal<Answer<typeof filingsApi.get>, RatedApplicationView>>,
  Expect<Equal<Answer<typeof filingsApi.lookup>, LookupView>>,
  Expect<Equal<Answer<typeof filingsApi.chooseDelivery>, RatedApplicationView>>,
  Expect<Equal<Answer<typeof certificatesApi.mine>, CertificateView[]>>,
  Expect<Equal<Answer<typeof certificatesApi.get>, CertificateView>>,
  Expect<Equal<Answer<typeof certificatesApi.verify>, CertificateVerifyView>>,
  Expect<Equal<Answer<typeof ratingsApi.rate>, RateResult>>,
  Expect<Equal<Answer<typeof ratingsApi.mine>, RatingView[]>>,
  Expect<Equal<Answer<typeof ratingsApi.satisfaction>, SatisfactionStats>>,
  Expect<Equal<Answer<typeof enterprisesApi.list>, EnterpriseView[]>>,
  Expect<Equal<Answer<typeof enterprisesApi.get>, EnterpriseDetail>>,
  Expect<Equal<Answer<typeof delegationApi.list>, AuthorizationView[]>>,
  Expect<Equal<Answer<typeof messagesApi.list>, MessageView[]>>,
  Expect<Equal<Answer<typeof staffApi.partPrereview>, StaffApplicationView>>,
  Expect<Equal<Answer<typeof staffApi.partAdvance>, StaffApplicationView>>,
  Expect<Equal<Answer<typeof staffApi.bookings>, Page<StaffBookingView>>>,
  Expect<Equal<Answer<typeof staffApi.registeredBookings>, Page<StaffBookingView>>>,
  Expect<Equal<Answer<typeof staffApi.registerBooking>, RegisteredBookingView>>,
  Expect<Equal<Answer<typeof staffQueueApi.overtime>, OvertimeServiceView[]>>,
  Expect<Equal<Answer<typeof staffQueueApi.queueFigures>, HallQueueFigures[]>>,
  Expect<Equal<Answer<typeof staffApi.revealBookingApplicant>, ApplicantRevealed>>,
  Expect<Equal<Answer<typeof staffApi.search>, DeskSearchResult>>,
  Expect<Equal<Answer<typeof staffApi.phrases>, PhraseView[]>>,
  Expect<Equal<Answer<typeof staffApi.appeals>, Page<AppealView>>>,
  Expect<Equal<Answer<typeof staffApi.offhours>, OffhoursView[]>>,
  Expect<Equal<Answer<typeof staffApi.offhoursOverdue>, OffhoursView[]>>,
  Expect<Equal<Answer<typeof staffApi.supervision>, RouteViews['GET /staff/supervision']>>,
  Expect<Equal<Answer<typeof staffApi.filings>, Page<StaffApplicationView>>>,
  Expect<Equal<Answer<typeof staffApi.filing>, StaffApplicationView>>,
  Expect<Equal<Answer<typeof staffApi.rectifications>, Page<StaffRectificationView>>>,
  Expect<Equal<Answer<typeof staffApi.enterprises>, StaffEnterpriseView[]>>,
  Expect<Equal<Answer<typeof staffApi.followUps>, Page<CallbackView>>>,
]
