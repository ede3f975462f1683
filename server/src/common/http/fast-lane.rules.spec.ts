import { clientAddress, FixedWindowCounter, notModifiedHeaders, parseStrictJson, rateLimitHeaders, replayableHeaders } from './fast-lane.rules';

describe('fast lane rules', () => {
  describe('clientAddress (trust proxy: loopback, as Express)', () => {
    it('is the socket address when no loopback proxy forwarded the request', () => {
      expect(clientAddress('203.0.113.9', undefined, true)).toBe('203.0.113.9');
      expect(clientAddress('203.0.113.9', '198.51.100.1', true)).toBe('203.0.113.9'); // a client cannot claim another address
      expect(clientAddress('127.0.0.1', '198.51.100.1', false)).toBe('127.0.0.1');
    });
    it('behind the loopback proxy, the right-most forwarded address that is not loopback', () => {
      expect(clientAddress('127.0.0.1', '198.51.100.1', true)).toBe('198.51.100.1');
      expect(clientAddress('::ffff:127.0.0.1', '10.0.0.1, 198.51.100.7', true)).toBe('198.51.100.7');
      expect(clientAddress('::1', ['198.51.100.7', '127.0.0.1'], true)).toBe('198.51.100.7');
    });
    it('names something when there is no address', () => {
      expect(clientAddress(undefined, undefined, true)).toBe('unknown');
    });
  });

  it('FixedWindowCounter counts by key and starts afresh each window', () => {
    const c = new FixedWindowCounter(60_000);
    expect([c.hit('a', 0), c.hit('a', 10), c.hit('b', 20), c.hit('a', 59_999)]).toEqual([1, 2, 1, 3]);
    expect(c.hit('a', 60_000)).toBe(1);
  });

  it('FixedWindowCounter tells when its window starts afresh', () => {
    const c = new FixedWindowCounter(60_000);
    c.hit('a', 1_000);
    expect(c.resetsInMs(31_000)).toBe(30_000);
  });

  it('rate-limit headers as the throttler sets them, none without a limit', () => {
    expect(rateLimitHeaders(600, 4, 55_200)).toEqual(['x-ratelimit-limit', '600', 'x-ratelimit-remaining', '596', 'x-ratelimit-reset', '56']);
    expect(rateLimitHeaders(5, 9, 0)).toContain('0');
    expect(rateLimitHeaders(0, 1, 1000)).toEqual([]);
  });

  it('reads a body as the strict JSON parser does: a byte-order mark dropped, only objects and arrays', () => {
    expect(parseStrictJson('\uFEFF{"slotId":"s"}')).toEqual({ slotId: 's' });
    expect(parseStrictJson('  [1] ')).toEqual([1]);
    expect(parseStrictJson('')).toEqual({});
    expect(parseStrictJson('"text"')).toBeUndefined();
    expect(parseStrictJson('{"slotId": ')).toBeUndefined();
  });

  it('replays the headers a response was sent with but the per-request ones and the rate limiter’s', () => {
    const h = replayableHeaders({ 'Content-Type': 'application/json; charset=utf-8', ETag: '"x"', 'x-request-id': 'r1', 'content-length': 12, vary: ['Origin', 'Accept'], date: 'now', ignored: undefined, 'X-RateLimit-Remaining': 596, 'x-ratelimit-reset': 55 });
    expect(h).toEqual({ 'content-type': 'application/json; charset=utf-8', etag: '"x"', vary: 'Origin, Accept' });
    expect(notModifiedHeaders(h)).toEqual({ etag: '"x"', vary: 'Origin, Accept' });
  });
});
