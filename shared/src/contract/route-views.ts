/**
 * The routes whose answers both sides check at type level, and the view each answers (API.md), in
 * one place: the server's contract check states that each controller method answers
 * `RouteViews[route]`, the mini-app's that each client call resolves to it. Keys are
 * "METHOD /path" as API.md writes them (without the /api prefix).
 */
import type { TodoSummary } from '../account';
import type { AdminSlot, Me, Page, ServiceSummary, Slot } from '../api.types';
import type { ClosingCheck } from './account';
import type { StaffView } from './admin';
import type { ApplicationView, LookupView, RatedApplicationListItem, RatedApplicationView, StaffApplicationView } from './applications';
import type { CertificateVerifyView, CertificateView } from './certificates';
import type { AppealView, EligibilityView, NoShowRecordItem, RatedBookingView, StaffBookingView, WaitlistView } from './booking';
import type { CategoryCount, GuideView } from './catalog';
import type { PublicConfig } from './config';
import type { AuthorizationView } from './delegation';
import type { EnterpriseDetail, EnterpriseView, StaffEnterpriseView } from './enterprises';
import type { MessageView } from './messages';
import type { OffhoursView } from './offhours';
import type { AdminGuidanceTopic, ConsultationView, GuidanceResult, GuidanceTopicSummary, GuidanceTopicView } from './guidance';
import type { AssistanceView, RatedAssistanceView } from './assistance';
import type { RateResult, RatingView, SatisfactionStats, StaffRectificationView } from './ratings';
import type { ApplicantRevealed, CallbackView, DeskSearchResult, PhraseView, SupervisionBoard } from './staff';

/** The response body of each checked route. */
export interface RouteViews {
  // account and me
  'GET /me': Me;
  'GET /me/closing-check': ClosingCheck;
  'GET /me/todo': TodoSummary;
  'GET /config': PublicConfig;
  // catalogue
  'GET /services': Page<ServiceSummary>;
  'GET /services/categories': CategoryCount[];
  'GET /services/:id': GuideView;
  // bookings
  'GET /services/:id/slots': Slot[];
  'GET /bookings': RatedBookingView[];
  'GET /bookings/:id': RatedBookingView;
  'GET /me/booking-eligibility': EligibilityView;
  'GET /me/no-shows': NoShowRecordItem[];
  'POST /staff/appeals/:id/decide': AppealView;
  'GET /me/waitlist': WaitlistView[];
  'POST /staff/bookings/check-in': StaffBookingView;
  'POST /staff/bookings/:id/reveal-applicant': ApplicantRevealed;
  'GET /admin/slots': AdminSlot[];
  // off-hours
  'POST /offhours-requests': OffhoursView;
  'GET /offhours-requests': OffhoursView[];
  'GET /staff/offhours-requests': OffhoursView[];
  'GET /staff/supervision': SupervisionBoard;
  // filings
  'GET /applications/lookup': LookupView;
  'GET /applications': RatedApplicationListItem[];
  'GET /applications/:id': RatedApplicationView;
  'POST /applications/:id/submit': ApplicationView;
  'PUT /applications/:id/delivery': ApplicationView;
  'GET /me/certificates': CertificateView[];
  'GET /certificates/:id': CertificateView;
  'GET /certificates/verify/:verifyCode': CertificateVerifyView;
  'POST /staff/applications/:id/prereview': StaffApplicationView;
  // ratings
  'POST /ratings': RateResult;
  'GET /ratings': RatingView[];
  'GET /stats/satisfaction': SatisfactionStats;
  // companies and delegation
  'GET /enterprises': EnterpriseView[];
  'GET /enterprises/:id': EnterpriseDetail;
  'GET /staff/enterprises': StaffEnterpriseView[];
  'GET /authorizations': AuthorizationView[];
  // desk, messages, admin
  'GET /staff/search': DeskSearchResult;
  'GET /admin/phrases': PhraseView[];
  'GET /messages': MessageView[];
  'GET /admin/staff': StaffView[];
  // guidance and consultation
  'GET /guidance': GuidanceTopicSummary[];
  'GET /guidance/:id': GuidanceTopicView;
  'POST /guidance/:id/answers': GuidanceResult;
  'GET /admin/guidance': AdminGuidanceTopic[];
  'GET /admin/guidance/:id': AdminGuidanceTopic;
  'POST /admin/guidance': AdminGuidanceTopic;
  'PUT /admin/guidance/:id': AdminGuidanceTopic;
  'POST /consultations': ConsultationView;
  'GET /consultations': ConsultationView[];
  'GET /staff/consultations': ConsultationView[];
  'POST /staff/consultations/:id/answer': ConsultationView;
  'POST /assistance-requests': AssistanceView;
  'GET /assistance-requests': RatedAssistanceView[];
  'GET /staff/assistance-requests': AssistanceView[];
  'POST /staff/assistance-requests/:id/assign': AssistanceView;
  'POST /staff/assistance-requests/:id/done': AssistanceView;
}

/**
 * The staff lists that page on request: the item each lists. Without `page` such a route answers
 * `Item[]`, with `page` a `Page<Item>` (API.md, Paging).
 */
export interface PagedRouteItems {
  'GET /staff/appeals': AppealView;
  'GET /staff/bookings': StaffBookingView;
  'GET /staff/applications': StaffApplicationView;
  'GET /staff/rectifications': StaffRectificationView;
  'GET /staff/callbacks': CallbackView;
}
