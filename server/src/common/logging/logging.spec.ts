import { logLevelOf, urlForLog } from './logging';

describe('urlForLog', () => {
  it('masks a phone or ID number in a query value however it was typed and encoded', () => {
    for (const q of ['139-1234-0001', '%2B86%20139%201234%200001', '8613912340001', encodeURIComponent('１３９１２３４０００１')]) {
      expect(urlForLog(`/api/staff/search?q=${q}`)).toBe('/api/staff/search?q=139****0001');
    }
    expect(urlForLog('/api/staff/search?q=110105%2019491231%20002x')).toBe('/api/staff/search?q=110***********002X');
  });

  it('keeps the path and other values, decoded', () => {
    expect(urlForLog('/api/bookings')).toBe('/api/bookings');
    expect(urlForLog('/api/staff/bookings?date=2026-12-07&status=booked')).toBe('/api/staff/bookings?date=2026-12-07&status=booked');
    expect(urlForLog(`/api/services?q=${encodeURIComponent('营业执照')}`)).toBe('/api/services?q=营业执照');
    expect(urlForLog(undefined)).toBeUndefined();
  });
});

describe('logLevelOf', () => {
  it('logs 5xx as errors, 4xx but 409 as warnings, the rest as info', () => {
    expect([500, 503, 400, 404, 429, 409, 201, 304].map(logLevelOf)).toEqual(['error', 'error', 'warn', 'warn', 'warn', 'info', 'info', 'info']);
  });
});
