import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ExecutionContext } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { isSmsSendRoute, phoneTracker } from './sms-throttle';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Rate limits: per address on every route (THROTTLE_IP_LIMIT a minute, 0 = off) and, on
 * SMS sending, per phone number (1 a minute, 10 a day) whatever the address.
 * Counters live in Redis when REDIS_URL is set, so that every API instance shares them.
 */
export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const notSms = (ctx: ExecutionContext) => !isSmsSendRoute(ctx);
  return {
    storage: config.redisUrl ? new ThrottlerStorageRedisService(config.redisUrl) : undefined,
    throttlers: [
      { name: 'default', ttl: MINUTE, limit: Math.max(config.throttleIpLimit, 1), skipIf: () => config.throttleIpLimit === 0 },
      { name: 'smsMinute', ttl: MINUTE, limit: 1, skipIf: notSms, getTracker: phoneTracker },
      { name: 'smsDay', ttl: DAY, limit: 10, skipIf: notSms, getTracker: phoneTracker },
    ],
  };
}
