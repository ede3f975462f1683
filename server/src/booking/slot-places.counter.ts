import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ClockService } from '../common/clock/clock.service';
import { repositories } from '../common/db/repositories';
import { freePlaces } from './admission.rules';
import { SlotEntity } from './entities/slot.entity';

/** The Redis key of a slot's admission counter (its free places as last counted). */
export const placesKey = (slotId: string): string => `zwt:slot-places:${slotId}`;
const KEY_PATTERN = 'zwt:slot-places:*';
/** How long a count lives before it is read again from the database (bounds how long a place freed elsewhere stays unseen). */
export const PLACES_TTL_S = 30;

/**
 * How long this instance keeps refusing a slot it saw full without asking again (a place freed on
 * another instance is unseen here at most this long; freed here, at once; a freed place goes to the
 * slot's waitlist first in any case).
 */
export const FULL_MEMO_MS = 1000;

/** Take a place: 1 taken, 0 none left, -1 no count (read it from the database). */
const TAKE = `local v = redis.call('GET', KEYS[1])
if not v then return -1 end
if tonumber(v) > 0 then redis.call('DECR', KEYS[1]) return 1 end
return 0`;
/** Give a place back where there is a count (a missing one is read afresh anyway). */
const GIVE = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end
return -1`;

/** What the counter says about a request for a place. */
export type Admission = 'taken' | 'full' | 'unknown';

/**
 * The admission counter of issue 18 (SLOT_COUNTER=1, with REDIS_URL; off by default): when slots open, a slot's free
 * places are counted down in Redis before anything touches the database, so that of 5,000 requests
 * for 500 places only the 500 winners (and whoever comes while a count is re-read) reach MariaDB;
 * the rest are told SLOT_FULL from one Redis round trip. The database's guarded update stays the
 * source of truth: a count is read from the slot row when missing (SET NX with a short TTL, so that
 * a place freed by another door is seen within PLACES_TTL_S), dropped whenever the database refused
 * a place the counter gave (to be read again), given back when an admitted request is refused for
 * another reason or a booking is cancelled, and every count is dropped when an instance starts (a
 * crash between taking a place and booking it leaves no place lost). A count can only be too high
 * after that (which costs database work, never a booking too many) or too low for at most the TTL.
 * Redis unreachable: every request goes the database's way ('unknown').
 */
@Injectable()
export class SlotPlacesCounter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SlotPlacesCounter');
  /** slots this instance saw full, with when it saw them (performance.now()), whatever the Redis setting */
  private readonly seenFull = new Map<string, number>();
  private readonly redis: Redis | null;
  private readonly db = repositories(this.ds, { slots: SlotEntity });

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
  ) {
    this.redis =
      config.slotCounter && config.redisUrl
        ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1000 })
        : null;
    this.redis?.on('error', (e: Error) => this.logger.warn(`redis: ${e.message}`));
  }

  get enabled(): boolean {
    return this.redis !== null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.connect();
      await this.reconcileAll();
    } catch (e) {
      this.logger.warn(`slot counters unavailable, bookings go to the database alone: ${(e as Error).message}`);
    }
  }

  /** Drop every count: each is read again from the database on its next request (at start-up). */
  async reconcileAll(): Promise<number> {
    if (!this.redis) return 0;
    let dropped = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', KEY_PATTERN, 'COUNT', 500);
      cursor = next;
      if (keys.length) dropped += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    return dropped;
  }

  /**
   * A place for this request, or 'full' (SLOT_FULL without the database: the slot was seen full here
   * within FULL_MEMO_MS, or the Redis count is out), or 'unknown' (let the database judge).
   */
  async take(slotId: string): Promise<Admission> {
    if (this.knownFull(slotId)) return 'full';
    if (!this.redis || this.redis.status !== 'ready') return 'unknown';
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const r = Number(await this.redis.eval(TAKE, 1, placesKey(slotId)));
        if (r === 1) return 'taken';
        if (r === 0) return 'full';
        if (!(await this.count(slotId))) return 'unknown';
      }
      return 'unknown';
    } catch (e) {
      this.logger.warn(`slot counter: ${(e as Error).message}`);
      return 'unknown';
    }
  }

  /** The database said the slot has no free place (its read or its guarded update): refuse it here without asking for FULL_MEMO_MS. */
  sawFull(slotId: string): void {
    if (this.seenFull.size >= 10_000) this.seenFull.clear();
    this.seenFull.set(slotId, performance.now());
  }

  /** A place of the slot was freed here (a cancellation, a hold released, a booking moved away): no longer known full. */
  freed(slotId: string): void {
    this.seenFull.delete(slotId);
  }

  /** Whether this instance saw the slot full within FULL_MEMO_MS (synchronous: no I/O). */
  knownFull(slotId: string): boolean {
    const at = this.seenFull.get(slotId);
    if (at === undefined) return false;
    if (performance.now() - at < FULL_MEMO_MS) return true;
    this.seenFull.delete(slotId);
    return false;
  }

  /** A place taken here was not used (refused for another reason, or a booking cancelled): back to the count. */
  async giveBack(slotId: string): Promise<void> {
    this.seenFull.delete(slotId);
    await this.quietly(() => this.redis!.eval(GIVE, 1, placesKey(slotId)));
  }

  /** The count is wrong (the database refused a place it gave, or places changed elsewhere): read it again next time. */
  async forget(slotId: string): Promise<void> {
    await this.quietly(() => this.redis!.unlink(placesKey(slotId)));
  }

  /** The slot's free places from the database into Redis (unless another request did it first); false for a slot that takes no bookings now. */
  private async count(slotId: string): Promise<boolean> {
    const slot = await this.db.slots.findOne({ where: { id: slotId }, select: { id: true, capacity: true, booked: true, held: true, active: true, startAt: true } });
    if (!slot || !slot.active || slot.startAt.getTime() <= this.clock.now().getTime()) return false;
    await this.redis!.set(placesKey(slotId), freePlaces(slot), 'EX', PLACES_TTL_S, 'NX');
    return true;
  }

  private async quietly(work: () => Promise<unknown>): Promise<void> {
    if (!this.redis || this.redis.status !== 'ready') return;
    try {
      await work();
    } catch (e) {
      this.logger.warn(`slot counter: ${(e as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
