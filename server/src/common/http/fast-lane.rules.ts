/** Pure rules of the fast lane (common/http/fast-lane.ts). */

/** Headers a lane may send again with a later answer: all the full pipeline set but the per-request and per-body ones. */
const PER_ANSWER = new Set(['x-request-id', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * The headers of a response the full pipeline just sent, as a lane replays them: names lower-case,
 * values as strings (a list joined by ", "), without the request id, length, date and connection
 * headers and the rate limiter's (`X-RateLimit-*`: the lane sends its own count).
 */
export function replayableHeaders(sent: Record<string, string | number | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) {
    const key = name.toLowerCase();
    if (value === undefined || PER_ANSWER.has(key) || key.startsWith('x-ratelimit-')) continue;
    out[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** A 200's headers for its 304 (RFC 9110 §15.4.5: no content headers). */
export function notModifiedHeaders(h: Readonly<Record<string, string>>): Record<string, string> {
  const { 'content-type': _type, ...rest } = h;
  return rest;
}

/**
 * A lane answer's `X-RateLimit-*` headers as the throttler sets them on the full pipeline's answers
 * (limit, what is left of it, seconds until the window starts afresh); none when there is no limit.
 */
export function rateLimitHeaders(limit: number, hits: number, resetsInMs: number): string[] {
  if (limit <= 0) return [];
  return ['x-ratelimit-limit', String(limit), 'x-ratelimit-remaining', String(Math.max(0, limit - hits)), 'x-ratelimit-reset', String(Math.ceil(resetsInMs / 1000))];
}

/** body-parser's strict check: the first character that is not JSON whitespace (space, tab, LF, CR). */
const FIRST_CHAR = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;

/**
 * A request body as Express's strict JSON parser reads it: a leading byte-order mark dropped, an
 * empty body `{}`, only an object or an array accepted (after JSON's own whitespace; a body of
 * whitespace alone is refused); `undefined` for what it would refuse as not JSON (400).
 */
export function parseStrictJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return {};
  const first = FIRST_CHAR.exec(body)?.[1];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
