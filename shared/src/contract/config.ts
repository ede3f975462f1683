/** GET /api/config: the settings clients need (public; not in API.md). */
export interface PublicConfig {
  /** how many days ahead (from today, Asia/Shanghai) slots are offered; BOOKING_HORIZON_DAYS on the server */
  bookingHorizonDays: number;
}

/** What clients assume until GET /api/config answers (the server's default). */
export const DEFAULT_BOOKING_HORIZON_DAYS = 14;
