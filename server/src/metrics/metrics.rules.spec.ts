import { bookingResult, metricsAuthorized, routeLabel } from './metrics.rules';

describe('metrics rules', () => {
  it('counts a booking request as booked or refused, and nothing else', () => {
    expect(bookingResult('POST', '/api/bookings', 201)).toBe('booked');
    expect(bookingResult('POST', '/api/staff/bookings', 201)).toBe('booked');
    expect(bookingResult('POST', '/api/bookings', 409)).toBe('refused');
    expect(bookingResult('POST', '/api/bookings', 403)).toBe('refused');
    expect(bookingResult('POST', '/api/bookings', 401)).toBeNull();
    expect(bookingResult('POST', '/api/bookings', 429)).toBeNull();
    expect(bookingResult('POST', '/api/bookings', 503)).toBeNull();
    expect(bookingResult('GET', '/api/bookings', 200)).toBeNull();
    expect(bookingResult('POST', '/api/bookings/:id/cancel', 200)).toBeNull();
  });

  it('labels a request by its route pattern, never by its raw path', () => {
    expect(routeLabel({ route: { path: '/api/bookings/:id' } })).toBe('/api/bookings/:id');
    expect(routeLabel({})).toBe('unmatched');
  });

  it('asks for the bearer token only when one is configured', () => {
    const same = (a: string, b: string) => a === b;
    expect(metricsAuthorized(null, undefined, same)).toBe(true);
    expect(metricsAuthorized('s3cret-token-123456', 'Bearer s3cret-token-123456', same)).toBe(true);
    expect(metricsAuthorized('s3cret-token-123456', 'Bearer wrong', same)).toBe(false);
    expect(metricsAuthorized('s3cret-token-123456', undefined, same)).toBe(false);
  });
});
