/** Pure rules of the Prometheus metrics (API.md Operations: GET /metrics). */

/** The routes that make a booking: a citizen's POST /bookings and the desk's registered booking. */
export const BOOKING_ROUTES: readonly string[] = ['/api/bookings', '/api/staff/bookings'];

/**
 * What a booking request came to, for `zwt_bookings_total{result}`: `booked` (2xx) or `refused` (a 4xx
 * the applicant is answered with: full, duplicate, not allowed, invalid…). Not counted (null): other
 * routes and methods, 401 (no caller), 429 (rate limited before any decision) and 5xx (failures).
 */
export function bookingResult(method: string, route: string, status: number): 'booked' | 'refused' | null {
  if (method !== 'POST' || !BOOKING_ROUTES.includes(route)) return null;
  if (status >= 200 && status < 300) return 'booked';
  if (status >= 400 && status < 500 && status !== 401 && status !== 429) return 'refused';
  return null;
}

/**
 * The route label of a request: the matched route's pattern (`/api/bookings/:id`: bounded, no ids),
 * `unmatched` for a path no API route has (404s, probes, the H5 files), so labels never grow with input.
 */
export function routeLabel(req: { baseUrl?: string; route?: { path?: unknown } }): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${req.baseUrl ?? ''}${path}`;
}

/**
 * Whether the Authorization header carries the metrics token (`Bearer <token>`); always true when no
 * METRICS_TOKEN is configured. `same` compares in constant time.
 */
export function metricsAuthorized(token: string | null, header: string | undefined, same: (a: string, b: string) => boolean): boolean {
  if (!token) return true;
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return !!m && same(m[1], token);
}
