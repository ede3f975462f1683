import { notModifiedHeaders, parseStrictJson, rateLimitHeaders, replayableHeaders } from './fast-lane.rules';

describe('fast lane rules', () => {
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
    // whitespace alone is not an empty body (the parser refuses it), nor is what JSON does not call whitespace
    for (const blank of ['   ', '\n', '\f', '\uFEFF  ', '\f{}', '\u00a0{}']) expect(parseStrictJson(blank)).toBeUndefined();
    expect(parseStrictJson('\uFEFF')).toEqual({});
    expect(parseStrictJson(' \t\r\n{"a":1}')).toEqual({ a: 1 });
  });

  it('replays the headers a response was sent with but the per-request ones and the rate limiter’s', () => {
    const h = replayableHeaders({ 'Content-Type': 'application/json; charset=utf-8', ETag: '"x"', 'x-request-id': 'r1', 'content-length': 12, vary: ['Origin', 'Accept'], date: 'now', ignored: undefined, 'X-RateLimit-Remaining': 596, 'x-ratelimit-reset': 55 });
    expect(h).toEqual({ 'content-type': 'application/json; charset=utf-8', etag: '"x"', vary: 'Origin, Accept' });
    expect(notModifiedHeaders(h)).toEqual({ etag: '"x"', vary: 'Origin, Accept' });
  });
});
