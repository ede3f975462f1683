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

/** What a person's standing is computed from (the no-shows that count, the reinstatements); the verdict depends on the moment too. */
interface StandingRows {
  noShows: Array<{ bookingId: string; at: Date; waivedAt: Date | null }>;
  resets: Date[];
}

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
    const { noShows, resets } = em ? await this.load(userId, em) : await this.rows.get(userId, () => this.load(userId));
    return noShowStanding(noShows, resets, this.config.noShowThreshold, this.config.forfeitDays, this.clock.now());
  }

  private async load(userId: string, em?: EntityManager): Promise<StandingRows> {
    const bookings = em ? em.getRepository(BookingEntity) : this.db.bookings;
    const events = em ? em.getRepository(StandingEventEntity) : this.db.events;
    const [noShows, resets] = await Promise.all([
      bookings.find({
        where: { userId, status: In(['no_show', 'no_show_waived']), noShowCounts: true }, // a pending no-show never counts
        select: { id: true, startAt: true, status: true, waivedAt: true },
      }),
      events.find({ where: { userId, kind: 'reinstated' }, select: { at: true } }),
    ]);
    return {
      noShows: noShows.map((b) => ({ bookingId: b.id, at: b.startAt, waivedAt: b.status === 'no_show_waived' ? (b.waivedAt ?? b.startAt) : null })),
      resets: resets.map((r) => r.at),
    };
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
