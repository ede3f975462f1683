/**
 * Type-level check of the wire contract (never run, never built: `npm run typecheck` compiles it,
 * tsconfig.build.json leaves it out). Each line states that a controller answers exactly the view
 * `@gov/shared` declares for that route (RouteViews, PagedRouteItems: the list both sides check); when a controller's answer and the shared view drift apart
 * (a field renamed, added or dropped on one side), the typecheck fails on that line.
 */
import type { Equal, Expect, OffhoursView, PagedRouteItems, RouteViews } from '@gov/shared';
import type { AccountController } from './account/account.controller';
import type { AdminStaffController } from './admin/admin-staff.controller';
import type { ApplicationsController } from './applications/applications.controller';
import type { StaffApplicationsController } from './applications/staff-applications.controller';
import type { CertificatesController } from './certificates/certificates.controller';
import type { MeController } from './auth/me.controller';
import type { AdminSlotsController } from './booking/admin-slots.controller';
import type { BookingController } from './booking/booking.controller';
import type { NoShowRecordController } from './booking/no-show-record.controller';
import type { StaffBookingController } from './booking/staff-booking.controller';
import type { WaitlistController } from './booking/waitlist.controller';
import type { FollowUpsController } from './follow-ups/follow-ups.controller';
import type { CatalogController } from './catalog/catalog.controller';
import type { CachedAnswer, CatalogAnswersService } from './catalog/catalog-answers.service';
import type { Listed } from './common/paging';
import type { ClientConfigController } from './health/client-config.controller';
import type { DelegationController } from './delegation/delegation.controller';
import type { AdminPhrasesController, DeskController } from './desk/desk.controller';
import type { EnterprisesController } from './enterprises/enterprises.controller';
import type { StaffEnterprisesController } from './enterprises/staff-enterprises.controller';
import type { NotificationsController } from './notifications/notifications.controller';
import type { OffhoursController } from './offhours/offhours.controller';
import type { GuidanceController } from './guidance/guidance.controller';
import type { AdminGuidanceController } from './guidance/admin-guidance.controller';
import type { ConsultationsController } from './consultations/consultations.controller';
import type { AssistanceController } from './assistance/assistance.controller';
import type { RatingsController } from './ratings/ratings.controller';
import type { AdminWindowsController, QueueController, StaffQueueController } from './queue/queue.controller';
import type { SupervisionController } from './supervision/supervision.controller';
import type { HallCodeView, HallQueueView, OvertimeServiceView, StaffTicketView, TicketView, WindowView } from '@gov/shared';

/** What a controller method answers on the wire (its resolved return type). */
type Answer<C, K extends keyof C> = C[K] extends (...args: never[]) => infer R ? Awaited<R> : never;
/** What a route sent from the catalogue's answer cache answers: the view its cached JSON is of. */
type Cached<C, K extends keyof C> = Answer<C, K> extends CachedAnswer<infer T> ? T : never;

export type ContractCheck = [
  // account and me
  Expect<Equal<Answer<MeController, 'me'>, RouteViews['GET /me']>>,
  Expect<Equal<Answer<AccountController, 'closingCheck'>, RouteViews['GET /me/closing-check']>>,
  Expect<Equal<Answer<AccountController, 'todo'>, RouteViews['GET /me/todo']>>,
  Expect<Equal<Answer<ClientConfigController, 'get'>, RouteViews['GET /config']>>,
  // catalogue
  Expect<Equal<Cached<CatalogAnswersService, 'search'>, RouteViews['GET /services']>>,
  Expect<Equal<Answer<CatalogController, 'categories'>, RouteViews['GET /services/categories']>>,
  Expect<Equal<Cached<CatalogAnswersService, 'guide'>, RouteViews['GET /services/:id']>>,
  // bookings
  Expect<Equal<Answer<BookingController, 'serviceSlots'>, RouteViews['GET /services/:id/slots']>>,
  Expect<Equal<Answer<BookingController, 'list'>, RouteViews['GET /bookings']>>,
  Expect<Equal<Answer<BookingController, 'get'>, RouteViews['GET /bookings/:id']>>,
  Expect<Equal<Answer<BookingController, 'eligibility'>, RouteViews['GET /me/booking-eligibility']>>,
  Expect<Equal<Answer<NoShowRecordController, 'record'>, RouteViews['GET /me/no-shows']>>,
  Expect<Equal<Answer<NoShowRecordController, 'appeals'>, Listed<PagedRouteItems['GET /staff/appeals']>>>,
  Expect<Equal<Answer<NoShowRecordController, 'decide'>, RouteViews['POST /staff/appeals/:id/decide']>>,
  Expect<Equal<Answer<WaitlistController, 'mine'>, RouteViews['GET /me/waitlist']>>,
  Expect<Equal<Answer<StaffBookingController, 'list'>, Listed<PagedRouteItems['GET /staff/bookings']>>>,
  Expect<Equal<Answer<StaffBookingController, 'checkIn'>, RouteViews['POST /staff/bookings/check-in']>>,
  Expect<Equal<Answer<StaffBookingController, 'reveal'>, RouteViews['POST /staff/bookings/:id/reveal-applicant']>>,
  Expect<Equal<Answer<AdminSlotsController, 'list'>, RouteViews['GET /admin/slots']>>,
  // off-hours
  Expect<Equal<Answer<OffhoursController, 'create'>, RouteViews['POST /offhours-requests']>>,
  Expect<Equal<Answer<OffhoursController, 'list'>, RouteViews['GET /offhours-requests']>>,
  Expect<Equal<Answer<OffhoursController, 'staffList'>, RouteViews['GET /staff/offhours-requests']>>,
  Expect<Equal<Answer<SupervisionController, 'board'>, RouteViews['GET /staff/supervision']>>,
  Expect<Equal<Answer<OffhoursController, 'overdue'>, OffhoursView[]>>,
  // filings
  Expect<Equal<Answer<ApplicationsController, 'lookup'>, RouteViews['GET /applications/lookup']>>,
  Expect<Equal<Answer<ApplicationsController, 'list'>, RouteViews['GET /applications']>>,
  Expect<Equal<Answer<ApplicationsController, 'get'>, RouteViews['GET /applications/:id']>>,
  Expect<Equal<Answer<ApplicationsController, 'submit'>, RouteViews['POST /applications/:id/submit']>>,
  Expect<Equal<Answer<ApplicationsController, 'delivery'>, RouteViews['PUT /applications/:id/delivery']>>,
  Expect<Equal<Answer<CertificatesController, 'mine'>, RouteViews['GET /me/certificates']>>,
  Expect<Equal<Answer<CertificatesController, 'get'>, RouteViews['GET /certificates/:id']>>,
  Expect<Equal<Answer<CertificatesController, 'verify'>, RouteViews['GET /certificates/verify/:verifyCode']>>,
  Expect<Equal<Answer<StaffApplicationsController, 'list'>, Listed<PagedRouteItems['GET /staff/applications']>>>,
  Expect<Equal<Answer<StaffApplicationsController, 'prereview'>, RouteViews['POST /staff/applications/:id/prereview']>>,
  // ratings
  Expect<Equal<Answer<RatingsController, 'rate'>, RouteViews['POST /ratings']>>,
  Expect<Equal<Answer<RatingsController, 'list'>, RouteViews['GET /ratings']>>,
  Expect<Equal<Answer<RatingsController, 'stats'>, RouteViews['GET /stats/satisfaction']>>,
  Expect<Equal<Answer<RatingsController, 'staffList'>, Listed<PagedRouteItems['GET /staff/rectifications']>>>,
  // companies and delegation
  Expect<Equal<Answer<EnterprisesController, 'list'>, RouteViews['GET /enterprises']>>,
  Expect<Equal<Answer<EnterprisesController, 'get'>, RouteViews['GET /enterprises/:id']>>,
  Expect<Equal<Answer<StaffEnterprisesController, 'list'>, RouteViews['GET /staff/enterprises']>>,
  Expect<Equal<Answer<DelegationController, 'list'>, RouteViews['GET /authorizations']>>,
  // desk, messages, admin
  Expect<Equal<Answer<DeskController, 'search'>, RouteViews['GET /staff/search']>>,
  Expect<Equal<Answer<AdminPhrasesController, 'list'>, RouteViews['GET /admin/phrases']>>,
  Expect<Equal<Answer<FollowUpsController, 'list'>, Listed<PagedRouteItems['GET /staff/callbacks']>>>,
  Expect<Equal<Answer<NotificationsController, 'list'>, RouteViews['GET /messages']>>,
  Expect<Equal<Answer<AdminStaffController, 'list'>, RouteViews['GET /admin/staff']>>,
  // guidance and consultation
  Expect<Equal<Answer<GuidanceController, 'list'>, RouteViews['GET /guidance']>>,
  Expect<Equal<Answer<GuidanceController, 'get'>, RouteViews['GET /guidance/:id']>>,
  Expect<Equal<Answer<GuidanceController, 'answer'>, RouteViews['POST /guidance/:id/answers']>>,
  Expect<Equal<Answer<AdminGuidanceController, 'list'>, RouteViews['GET /admin/guidance']>>,
  Expect<Equal<Answer<AdminGuidanceController, 'get'>, RouteViews['GET /admin/guidance/:id']>>,
  Expect<Equal<Answer<AdminGuidanceController, 'create'>, RouteViews['POST /admin/guidance']>>,
  Expect<Equal<Answer<AdminGuidanceController, 'update'>, RouteViews['PUT /admin/guidance/:id']>>,
  Expect<Equal<Answer<ConsultationsController, 'create'>, RouteViews['POST /consultations']>>,
  Expect<Equal<Answer<ConsultationsController, 'list'>, RouteViews['GET /consultations']>>,
  Expect<Equal<Answer<ConsultationsController, 'staffList'>, RouteViews['GET /staff/consultations']>>,
  Expect<Equal<Answer<ConsultationsController, 'answer'>, RouteViews['POST /staff/consultations/:id/answer']>>,
  Expect<Equal<Answer<AssistanceController, 'create'>, RouteViews['POST /assistance-requests']>>,
  Expect<Equal<Answer<AssistanceController, 'list'>, RouteViews['GET /assistance-requests']>>,
  Expect<Equal<Answer<AssistanceController, 'staffList'>, RouteViews['GET /staff/assistance-requests']>>,
  Expect<Equal<Answer<AssistanceController, 'assign'>, RouteViews['POST /staff/assistance-requests/:id/assign']>>,
  Expect<Equal<Answer<AssistanceController, 'done'>, RouteViews['POST /staff/assistance-requests/:id/done']>>,
  // the hall's queue
  Expect<Equal<Answer<QueueController, 'take'>, TicketView>>,
  Expect<Equal<Answer<QueueController, 'get'>, TicketView>>,
  Expect<Equal<Answer<QueueController, 'mine'>, TicketView[]>>,
  Expect<Equal<Answer<QueueController, 'hallQueue'>, HallQueueView>>,
  Expect<Equal<Answer<StaffQueueController, 'hallCode'>, HallCodeView>>,
  Expect<Equal<Answer<StaffQueueController, 'listWindows'>, WindowView[]>>,
  Expect<Equal<Answer<StaffQueueController, 'list'>, StaffTicketView[]>>,
  Expect<Equal<Answer<StaffQueueController, 'callNext'>, StaffTicketView>>,
  Expect<Equal<Answer<StaffQueueController, 'overtime'>, OvertimeServiceView[]>>,
  Expect<Equal<Answer<AdminWindowsController, 'create'>, WindowView>>,
];
