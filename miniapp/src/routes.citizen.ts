/** Pages of the citizen journeys (subpackages guide, booking, applications) and the one message centre (subpackages/messages). */
export const CITIZEN_ROUTES = {
  guideList: '/subpackages/guide/pages/list/index',
  guide: '/subpackages/guide/pages/detail/index',
  book: '/subpackages/booking/pages/book/index',
  booking: '/subpackages/booking/pages/detail/index',
  myBookings: '/subpackages/booking/pages/mine/index',
  waitlist: '/subpackages/booking/pages/waitlist/index',
  offhours: '/subpackages/booking/pages/offhours/index',
  offhoursNew: '/subpackages/booking/pages/offhours-new/index',
  noShows: '/subpackages/booking/pages/no-shows/index',
  newFiling: '/subpackages/applications/pages/new/index',
  filing: '/subpackages/applications/pages/detail/index',
  myFilings: '/subpackages/applications/pages/mine/index',
  lookup: '/subpackages/applications/pages/lookup/index',
  messages: '/subpackages/messages/pages/index/index',
  rate: '/subpackages/ratings/pages/rate/index',
  myRatings: '/subpackages/ratings/pages/mine/index',
  /** 智能导办 topics (subpackages/guidance) */
  guidance: '/subpackages/guidance/pages/index/index',
  guidanceTopic: '/subpackages/guidance/pages/topic/index',
  consultations: '/subpackages/guidance/pages/consultations/index',
  assistance: '/subpackages/guidance/pages/assistance/index',
  /** 一件事 bundles (subpackages/bundles): one bundle, its services and merged checklist, 申请 */
  bundle: '/subpackages/bundles/pages/detail/index',
} as const

export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}
