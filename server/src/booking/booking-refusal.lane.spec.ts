import { plainBookingBody } from './booking-refusal.lane';
import { headersSetBy } from '../common/http/fast-lane';

describe('booking refusal lane', () => {
  it('takes only a plain booking of one’s own that the validation pipe would pass', () => {
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1' })).toEqual({ slotId: 's1' });
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1', note: 'stripped by the pipe' })).toEqual({ slotId: 's1' });
    expect(plainBookingBody({ slotId: 's1', serviceId: 'v1', onBehalfOf: { type: 'enterprise', id: 'e' } })).toBeNull();
    expect(plainBookingBody({ slotId: '', serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody({ slotId: 'x'.repeat(37), serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody({ slotId: 5, serviceId: 'v1' })).toBeNull();
    expect(plainBookingBody([{ slotId: 's1', serviceId: 'v1' }])).toBeNull();
    expect(plainBookingBody(null)).toBeNull();
  });

  it('captures the headers a middleware sets, and refuses one that does not finish at once', () => {
    const mw = (_req: never, res: { setHeader(k: string, v: string): void; removeHeader(k: string): void }, next: () => void) => {
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      res.setHeader('X-Powered-By', 'x');
      res.removeHeader('X-Powered-By');
      next();
    };
    expect(headersSetBy(mw as never)).toEqual({ 'x-frame-options': 'SAMEORIGIN' });
    expect(() => headersSetBy((() => undefined) as never)).toThrow(/synchronously/);
  });
});
