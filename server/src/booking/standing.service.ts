import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { BookingEligibility } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';
import { noShowStanding, NoShowStanding, standingMessage } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import { StandingEventEntity } from './entities/standing-event.entity';
import { repositories } from '../common/db/repositories';
import { KeyedBatcher, Outcome, succeeded } from '../common/concurrency/batching.rules';

/** What a person's standing is computed from (the no-shows that count, the reinstatements); the verdict depends on the moment too. */
interface StandingRows {
  noShows: Array<{ bookingId: string; at: Date; waivedAt: Date | null }>;
  resets: Date[];
}

/** Most people whose standing rows are loaded in one go. */
const STANDING_LOAD_MAX = 200;

const rowsOf = (byUser: Map<string, StandingRows>, userId: string): StandingRows => byUser.get(userId) ?? { noShows: [], resets: [] };

/**
 * A person's no-show record and whether they may book (DESIGN.md, Appointments). The rows it is
 * computed from are kept per person beside the caller context (CallerContextCache.scoped): a write
 * that changes them (a no-show marked, counted, waived or checked in late; a reinstatement) calls
 * `changed(userId)` after it committed, which drops them here and, through Redis, on every instance.
 */
@Injectable()
export class StandingService {
  private readonly db = repositories(this.ds, { bookings: BookingEntity, events: StandingEventEntity });
  private readonly rows = this.callers.scoped<StandingRows>();
  private readonly loads = new KeyedBatcher<string, StandingRows>((_, ids) => this.loadMany(ids), STANDING_LOAD_MAX);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly callers: CallerContextCache,
  ) {}

  /** After a write to the person's no-shows or reinstatements committed: read afresh, here and on every instance. */
  changed(userId: string): Promise<void> {
    return this.callers.invalidate(userId);
  }

  /** The person's standing; through `em` (not cached), as a transaction that is recording a no-show sees it. */
  async standing(userId: string, em?: EntityManager): Promise<NoShowStanding> {
    const { noShows, resets } = em ? rowsOf(await this.load([userId], em), userId) : await this.rows.get(userId, () => this.loads.submit('standing', userId));
    return noShowStanding(noShows, resets, this.config.noShowThreshold, this.config.forfeitDays, this.clock.now());
  }

  /** The rows of many people in two queries (the people asked for while a load is under way go together in the next). */
  private async loadMany(userIds: string[]): Promise<Array<Outcome<StandingRows>>> {
    const byUser = await this.load([...new Set(userIds)]);
    return userIds.map((id) => succeeded(rowsOf(byUser, id)));
  }

  private async load(userIds: string[], em?: EntityManager): Promise<Map<string, StandingRows>> {
    const bookings = em ? em.getRepository(BookingEntity) : this.db.bookings;
    const events = em ? em.getRepository(StandingEventEntity) : this.db.events;
    const [noShows, resets] = await Promise.all([
      bookings.find({
        where: { userId: In(userIds), status: In(['no_show', 'no_show_waived']), noShowCounts: true }, // a pending no-show never counts
        select: { id: true, userId: true, startAt: true, status: true, waivedAt: true },
      }),
      events.find({ where: { userId: In(userIds), kind: 'reinstated' }, select: { userId: true, at: true } }),
    ]);
    const out = new Map<string, StandingRows>();
    const of = (id: string) => out.get(id) ?? out.set(id, { noShows: [], resets: [] }).get(id)!;
    for (const b of noShows) of(b.userId).noShows.push({ bookingId: b.id, at: b.startAt, waivedAt: b.status === 'no_show_waived' ? (b.waivedAt ?? b.startAt) : null });
    for (const r of resets) of(r.userId).resets.push(r.at);
    return out;
  }

  async eligibility(userId: string): Promise<BookingEligibility & { message: string }> {
    const s = await this.standing(userId);
    return { noShows: s.noShows, threshold: s.threshold, forfeited: s.forfeited, until: s.until?.toISOString() ?? null, message: standingMessage(s) };
  }

  /** BOOKING_FORFEITED (saying why, how many, and how to be reinstated) when forfeited, else null. */
  async refusal(userId: string): Promise<DomainError | null> {
    const s = await this.standing(userId);
    if (!s.forfeited) return null;
    return new DomainError('BOOKING_FORFEITED', standingMessage(s), {
      noShows: s.noShows,
      threshold: s.threshold,
      until: s.until?.toISOString() ?? null,
    });
  }

  /** Throws `refusal(userId)` when there is one. */
  async assertMayBook(userId: string): Promise<void> {
    const refused = await this.refusal(userId);
    if (refused) throw refused;
  }
}
