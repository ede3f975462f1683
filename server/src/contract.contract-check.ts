/**
 * Type-level check of the wire contract (never run, never built: `npm run typecheck` compiles it,
 * tsconfig.build.json leaves it out). Each line states that a controller answers exactly the view
 * `@gov/shared` declares for that route; when a controller's answer and the shared view drift apart
 * (a field renamed, added or dropped on one side), the typecheck fails on that line.
 */
import type {
  AdminSlot,
  AppealView,
  ApplicationView,
  ApplicantRevealed,
  AuthorizationView,
  CallbackView,
  CategoryCount,
  ClosingCheck,
  DeskSearchResult,
  Equal,
  EligibilityView,
  EnterpriseDetail,
  EnterpriseView,
  Expect,
  GuideView,
  LookupView,
  Me,
  MessageView,
  NoShowRecordItem,
  OffhoursView,
  Page,
  PhraseView,
  PublicConfig,
  RatedApplicationView,
  RatedBookingView,
  RateResult,
  RatingView,
  SatisfactionStats,
  ServiceSummary,
  Slot,
  StaffApplicationView,
  StaffBookingView,
  StaffEnterpriseView,
  StaffRectificationView,
  StaffView,
  TodoSummary,
  WaitlistView,
} from '@gov/shared';
import type { AccountController } from './account/account.controller';
import type { AdminStaffController } from './admin/admin-staff.controller';
import type { ApplicationsController } from './applications/applications.controller';
import type { StaffApplicationsController } from './applications/staff-applications.controller';
import type { MeController } from './auth/me.controller';
import type { AdminSlotsController } from './booking/admin-slots.controller';
import type { BookingController } from './booking/booking.controller';
import type { NoShowRecordController } from './booking/no-show-record.controller';
import type { StaffBookingController } from './booking/staff-booking.controller';
import type { WaitlistController } from './booking/waitlist.controller';
import type { FollowUpsController } from './follow-ups/follow-ups.controller';
import type { CatalogController } from './catalog/catalog.controller';
import type { Listed } from './common/paging';
import type { ClientConfigController } from './health/client-config.controller';
import type { DelegationController } from './delegation/delegation.controller';
import type { AdminPhrasesController, DeskController } from './desk/desk.controller';
import type { EnterprisesController } from './enterprises/enterprises.controller';
import type { StaffEnterprisesController } from './enterprises/staff-enterprises.controller';
import type { NotificationsController } from './notifications/notifications.controller';
import type { OffhoursController } from './offhours/offhours.controller';
import type { RatingsController } from './ratings/ratings.controller';

/** What a controller method answers on the wire (its resolved return type). */
type Answer<C, K extends keyof C> = C[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

export type ContractCheck = [
  // account and me
  Expect<Equal<Answer<MeController, 'me'>, Me>>,
  Expect<Equal<Answer<AccountController, 'closingCheck'>, ClosingCheck>>,
  Expect<Equal<Answer<AccountController, 'todo'>, TodoSummary>>,
  Expect<Equal<Answer<ClientConfigController, 'get'>, PublicConfig>>,
  // catalogue
  Expect<Equal<Answer<CatalogController, 'services'>, Page<ServiceSummary>>>,
  Expect<Equal<Answer<CatalogController, 'categories'>, CategoryCount[]>>,
  Expect<Equal<Answer<CatalogController, 'guide'>, GuideView>>,
  // bookings
  Expect<Equal<Answer<BookingController, 'serviceSlots'>, Slot[]>>,
  Expect<Equal<Answer<BookingController, 'list'>, RatedBookingView[]>>,
  Expect<Equal<Answer<BookingController, 'get'>, RatedBookingView>>,
  Expect<Equal<Answer<BookingController, 'eligibility'>, EligibilityView>>,
  Expect<Equal<Answer<NoShowRecordController, 'record'>, NoShowRecordItem[]>>,
  Expect<Equal<Answer<NoShowRecordController, 'appeals'>, Listed<AppealView>>>,
  Expect<Equal<Answer<NoShowRecordController, 'decide'>, AppealView>>,
  Expect<Equal<Answer<WaitlistController, 'mine'>, WaitlistView[]>>,
  Expect<Equal<Answer<StaffBookingController, 'list'>, Listed<StaffBookingView>>>,
  Expect<Equal<Answer<StaffBookingController, 'checkIn'>, StaffBookingView>>,
  Expect<Equal<Answer<StaffBookingController, 'reveal'>, ApplicantRevealed>>,
  Expect<Equal<Answer<AdminSlotsController, 'list'>, AdminSlot[]>>,
  // off-hours
  Expect<Equal<Answer<OffhoursController, 'create'>, OffhoursView>>,
  Expect<Equal<Answer<OffhoursController, 'list'>, OffhoursView[]>>,
  Expect<Equal<Answer<OffhoursController, 'staffList'>, OffhoursView[]>>,
  // filings
  Expect<Equal<Answer<ApplicationsController, 'lookup'>, LookupView>>,
  Expect<Equal<Answer<ApplicationsController, 'list'>, RatedApplicationView[]>>,
  Expect<Equal<Answer<ApplicationsController, 'get'>, RatedApplicationView>>,
  Expect<Equal<Answer<ApplicationsController, 'submit'>, ApplicationView>>,
  Expect<Equal<Answer<StaffApplicationsController, 'list'>, Listed<StaffApplicationView>>>,
  Expect<Equal<Answer<StaffApplicationsController, 'prereview'>, StaffApplicationView>>,
  // ratings
  Expect<Equal<Answer<RatingsController, 'rate'>, RateResult>>,
  Expect<Equal<Answer<RatingsController, 'list'>, RatingView[]>>,
  Expect<Equal<Answer<RatingsController, 'stats'>, SatisfactionStats>>,
  Expect<Equal<Answer<RatingsController, 'staffList'>, Listed<StaffRectificationView>>>,
  // companies and delegation
  Expect<Equal<Answer<EnterprisesController, 'list'>, EnterpriseView[]>>,
  Expect<Equal<Answer<EnterprisesController, 'get'>, EnterpriseDetail>>,
  Expect<Equal<Answer<StaffEnterprisesController, 'list'>, StaffEnterpriseView[]>>,
  Expect<Equal<Answer<DelegationController, 'list'>, AuthorizationView[]>>,
  // desk, messages, admin
  Expect<Equal<Answer<DeskController, 'search'>, DeskSearchResult>>,
  Expect<Equal<Answer<AdminPhrasesController, 'list'>, PhraseView[]>>,
  Expect<Equal<Answer<FollowUpsController, 'list'>, Listed<CallbackView>>>,
  Expect<Equal<Answer<NotificationsController, 'list'>, MessageView[]>>,
  Expect<Equal<Answer<AdminStaffController, 'list'>, StaffView[]>>,
];
