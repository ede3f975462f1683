/** GET /api/config: the settings clients need (public; not in API.md). */
export interface PublicConfig {
  /** how many days ahead of today (Asia/Shanghai) slots are offered — today through today + N; BOOKING_HORIZON_DAYS on the server */
  bookingHorizonDays: number;
  /** the privacy terms a citizen agrees to (`POST /me/consent { version }`): PRIVACY_TERMS_VERSION */
  privacyTermsVersion: string;
}

/** What clients assume until GET /api/config answers (the server's default). */
export const DEFAULT_BOOKING_HORIZON_DAYS = 14;
