import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';

const MINUTE = 60_000;

/**
 * The public progress look-up answers to a filing number and four digits of a phone: it is limited
 * per address (LOOKUP_RATE_LIMIT a minute, much tighter than the global limit, and on even when
 * that one is off), in the same throttler storage as every other limit (Redis when REDIS_URL is set).
 */
@Injectable()
export class LookupThrottleGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const limit = this.config.filings.lookupRateLimit;
    if (limit === 0) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = `zwt:lookup:${req.ip ?? 'unknown'}`;
    const r = await this.storage.increment(key, MINUTE, limit, MINUTE, 'lookup');
    if (r.isBlocked || r.totalHits > limit) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(r.timeToBlockExpire || r.timeToExpire || 60))));
      throw new DomainError('RATE_LIMITED', '查询过于频繁，请稍后再试');
    }
    return true;
  }
}
