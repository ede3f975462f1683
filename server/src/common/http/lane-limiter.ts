import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DEFAULT_IPV6_SUBNET_PREFIX, normalizeIp, type ThrottlerStorage } from '@nestjs/throttler';
import type { LaneLimit } from './fast-lane';
import proxyaddr from 'proxy-addr';
import { rateLimitHeaders } from './fast-lane.rules';

/** Express's `trust proxy: loopback`, compiled as Express compiles it. */
const LOOPBACK = proxyaddr.compile('loopback');

/** The throttler's name for the per-address limit (common/throttle.ts). */
const THROTTLER = 'default';

export interface LaneLimiterOptions {
  /** the throttler's storage: the very counters the ThrottlerGuard keeps (Redis when REDIS_URL is set) */
  storage: ThrottlerStorage;
  /** requests a minute per address (THROTTLE_IP_LIMIT; 0 = no limit) */
  perMinute: number;
  /** the controller class and method behind each lane route, as the guard keys its counters */
  handlers: ReadonlyMap<string, readonly [controller: string, method: string]>;
  /** whether the loopback proxy's X-Forwarded-For names the client (Express's `trust proxy: loopback`) */
  trustLoopbackProxy: boolean;
}

/**
 * The per-address rate limit for lane answers, counted in the ThrottlerGuard's own counters under the
 * guard's own key (sha256 of `Controller-method-default-<address>`, the address as the guard
 * normalises `req.ip`), so that a lane answer and a full-pipeline answer of one route use up one
 * allowance, on every instance. Over it: null (the full pipeline then answers with the guard's 429
 * and Retry-After). A route without a known handler is never limited here (none such is wired).
 */
export function laneLimiter(o: LaneLimiterOptions): LaneLimit {
  const ttl = 60_000;
  return async (req: IncomingMessage, route: string) => {
    const handler = o.handlers.get(route);
    if (o.perMinute <= 0 || !handler) return [];
    // the address exactly as Express computes `req.ip` (proxy-addr, the library Express itself uses)
    const ip = normalizeIp((o.trustLoopbackProxy ? proxyaddr(req, LOOPBACK) : req.socket.remoteAddress) ?? 'unknown', DEFAULT_IPV6_SUBNET_PREFIX);
    const key = createHash('sha256').update(`${handler[0]}-${handler[1]}-${THROTTLER}-${ip}`).digest('hex');
    const r = await o.storage.increment(key, ttl, o.perMinute, ttl, THROTTLER);
    if (r.isBlocked) return null;
    return rateLimitHeaders(o.perMinute, r.totalHits, r.timeToExpire * 1000);
  };
}
