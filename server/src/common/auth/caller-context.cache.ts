import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import type { CallerContext } from './auth.decorators';

/** The Redis channel on which instances tell each other whose caller context changed (payload: a user id). */
export const CALLER_CHANNEL = 'zwt:caller-context';
/** How long a caller context is kept while Redis carries invalidations between instances. */
export const CALLER_TTL_WITH_REDIS_MS = 60_000;
/** ... and without Redis (or while it is unreachable): the bound on how late another instance sees a membership change. */
export const CALLER_TTL_ALONE_MS = 5_000;
/** Past this many callers the cache is emptied rather than grown. */
const MAX_ENTRIES = 100_000;

interface Entry<T> {
  value: T;
  until: number;
}

/**
 * Values kept per user for a while (`ttlMs()`), one load per user at a time; a load that was in
 * flight while the user's entry was dropped is not stored (an epoch counter), so a read racing a
 * change never puts the old value back. Made by CallerContextCache.scoped(), which drops a user's
 * entries in every such cache at once (here and, with Redis, on every instance).
 */
export class PerUserCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inflight = new Map<string, Promise<T>>();
  private epoch = 0;

  constructor(private readonly ttlMs: () => number) {}

  /** The user's value: from the cache, or from `load` (one load per user at a time). */
  async get(userId: string, load: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = this.entries.get(userId);
    if (hit && hit.until > now) return hit.value;
    const running = this.inflight.get(userId);
    if (running) return running;
    const epoch = this.epoch;
    const p = load().then(
      (value) => {
        this.inflight.delete(userId);
        if (this.epoch === epoch) {
          if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
          this.entries.set(userId, { value, until: performance.now() + this.ttlMs() });
        }
        return value;
      },
      (e: unknown) => {
        this.inflight.delete(userId);
        throw e;
      },
    );
    this.inflight.set(userId, p);
    return p;
  }

  /** The user's value when cached and fresh, without loading: `{ value }`, or undefined. */
  peek(userId: string): { value: T } | undefined {
    const hit = this.entries.get(userId);
    return hit && hit.until > performance.now() ? { value: hit.value } : undefined;
  }

  drop(userId: string): void {
    this.epoch++;
    this.entries.delete(userId);
    this.inflight.delete(userId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}

/**
 * A short in-process cache of what the auth guard reads about a caller on every request (company
 * memberships, whether the account is open and verified), so that a request needs no database read
 * for it. A write that changes it calls `invalidate(userId)` after it committed: this instance drops
 * the entry at once, and when REDIS_URL is set every other instance does too (pub/sub on
 * CALLER_CHANNEL). Without Redis other instances see the change within CALLER_TTL_ALONE_MS.
 * Other per-user facts (a person's no-show standing) ride on the same invalidations: `scoped()`.
 */
@Injectable()
export class CallerContextCache implements OnModuleDestroy {
  private readonly logger = new Logger('CallerContextCache');
  private readonly caches: Array<PerUserCache<unknown>> = [];
  private readonly contexts = this.scoped<CallerContext | null>();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  /** resolves once the subscription is live (tests wait on it) */
  readonly ready: Promise<void>;

  constructor(config: AppConfig) {
    this.ready = config.redisUrl ? this.connect(config.redisUrl) : Promise.resolve();
  }

  /** The caller's context: from the cache, or from `load` (one load per caller at a time). */
  get(userId: string, load: () => Promise<CallerContext | null>): Promise<CallerContext | null> {
    return this.contexts.get(userId, load);
  }

  /** The caller's context when cached (null: no such open account), undefined when it would have to be loaded. Synchronous. */
  peek(userId: string): CallerContext | null | undefined {
    return this.contexts.peek(userId)?.value;
  }

  /** Another per-user cache, dropped with the caller context on every `invalidate(userId)`, with the same lifetimes. */
  scoped<T>(): PerUserCache<T> {
    const c = new PerUserCache<T>(() => this.ttlMs());
    this.caches.push(c as PerUserCache<unknown>);
    return c;
  }

  /**
   * Forget a caller's context here and on every instance (call after the write committed).
   * Never throws: when Redis cannot be told, other instances catch up within the TTL.
   */
  async invalidate(userId: string): Promise<void> {
    this.drop(userId);
    if (!this.pub) return;
    try {
      await this.pub.publish(CALLER_CHANNEL, userId);
    } catch (e) {
      this.logger.warn(`caller context invalidation not published: ${(e as Error).message}`);
    }
  }

  /** Long only while the subscription is live: a lost one falls back to the bound of an instance alone. */
  private ttlMs(): number {
    return this.sub?.status === 'ready' ? CALLER_TTL_WITH_REDIS_MS : CALLER_TTL_ALONE_MS;
  }

  private drop(userId: string): void {
    for (const c of this.caches) c.drop(userId);
  }

  private async connect(url: string): Promise<void> {
    // a publish never waits for a lost connection (the request that changed a membership would); the subscriber queues
    this.pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.sub = sub;
    for (const c of [this.pub, sub]) c.on('error', (e: Error) => this.logger.warn(`redis: ${e.message}`));
    sub.on('message', (channel: string, userId: string) => {
      if (channel === CALLER_CHANNEL) this.drop(userId);
    });
    // on every (re)connection: subscribe (again), and start afresh, since invalidations may have been missed meanwhile
    sub.on('ready', () => {
      for (const c of this.caches) c.clear();
      sub.subscribe(CALLER_CHANNEL).catch((e: Error) => this.logger.warn(`caller context channel not subscribed: ${e.message}`));
    });
    try {
      await Promise.all([this.pub.connect(), sub.connect()]);
      await sub.subscribe(CALLER_CHANNEL);
    } catch (e) {
      this.logger.warn(`caller context invalidations will not cross instances until Redis answers: ${(e as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const c of [this.sub, this.pub]) if (c) c.disconnect();
  }
}
