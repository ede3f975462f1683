/**
 * Mini-app pages that server messages link to (`Message.link`) and the mini-app navigates to.
 * The paths are the mini-app's page paths (app.config.ts); a link is a path with its query.
 */
export const PAGES = {
  booking: '/subpackages/booking/pages/detail/index',
  book: '/subpackages/booking/pages/book/index',
  waitlist: '/subpackages/booking/pages/waitlist/index',
  offhours: '/subpackages/booking/pages/offhours/index',
  noShows: '/subpackages/booking/pages/no-shows/index',
  filing: '/subpackages/applications/pages/detail/index',
  certificates: '/subpackages/certificates/pages/mine/index',
  certificate: '/subpackages/certificates/pages/detail/index',
  verifyCertificate: '/subpackages/certificates/pages/verify/index',
  rate: '/subpackages/ratings/pages/rate/index',
  myRatings: '/subpackages/ratings/pages/mine/index',
  company: '/subpackages/company/pages/detail/index',
  authorizations: '/subpackages/company/pages/authorizations/index',
  ticket: '/subpackages/queue/pages/ticket/index',
  takeTicket: '/subpackages/queue/pages/take/index',
  hallScreen: '/subpackages/queue/pages/screen/index',
  guidance: '/subpackages/guidance/pages/topic/index',
  consultations: '/subpackages/guidance/pages/consultations/index',
  assistance: '/subpackages/guidance/pages/assistance/index',
  staffReview: '/subpackages/staff/pages/review/index',
  staffOffhours: '/subpackages/staff/pages/offhours/index',
  staffRectifications: '/subpackages/staff/pages/rectifications/index',
  staffConsultations: '/subpackages/staff/pages/consultations/index',
  staffAssistance: '/subpackages/staff/pages/assistance/index',
  supervision: '/subpackages/staff/pages/supervision/index',
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** A page path with its query (empty values left out), e.g. `/subpackages/booking/pages/detail/index?id=…`. */
export function pageLink(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** The links server messages carry, one builder per page. */
export const LINKS = {
  booking: (id: string) => pageLink(PAGES.booking, { id }),
  book: (serviceId: string) => pageLink(PAGES.book, { serviceId }),
  waitlist: () => PAGES.waitlist,
  offhours: (id: string) => pageLink(PAGES.offhours, { id }),
  noShows: () => PAGES.noShows,
  filing: (id: string) => pageLink(PAGES.filing, { id }),
  certificates: () => PAGES.certificates,
  certificate: (id: string) => pageLink(PAGES.certificate, { id }),
  verifyCertificate: (code: string) => pageLink(PAGES.verifyCertificate, { code }),
  rate: (targetType: 'booking' | 'application', targetId: string) => pageLink(PAGES.rate, { targetType, targetId }),
  myRatings: () => PAGES.myRatings,
  company: (id: string) => pageLink(PAGES.company, { id }),
  authorizations: (role: 'agent' | 'principal') => pageLink(PAGES.authorizations, { role }),
  ticket: (id: string) => pageLink(PAGES.ticket, { id }),
  takeTicket: (hallId: string, bookingId?: string) => pageLink(PAGES.takeTicket, { hallId, bookingId }),
  hallScreen: (hallId: string) => pageLink(PAGES.hallScreen, { hallId }),
  consultation: (id: string) => pageLink(PAGES.consultations, { id }),
  assistance: () => PAGES.assistance,
  /** staff: a filing's review page */
  staffFiling: (id: string) => pageLink(PAGES.staffReview, { id }),
  staffOffhours: () => PAGES.staffOffhours,
  staffRectifications: () => PAGES.staffRectifications,
  /** staff: the hall's 咨询 to answer */
  staffConsultations: () => PAGES.staffConsultations,
  /** staff: the hall's requests for help (帮办代办), with the supervisor's overdue 异地代办 */
  staffAssistance: () => PAGES.staffAssistance,
  /** staff: the supervisor's 督办 page */
  supervision: () => PAGES.supervision,
};
