import { LINKS } from '@gov/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { BookingEntity } from '../booking/entities/booking.entity';
import { ClockService } from '../common/clock/clock.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RatingEntity } from './entities/rating.entity';
import type { RatingStage } from './ratings.rules';

const INVITE_AFTER_MS = 3 * 86_400_000;

/**
 * Once, 3 days after a booking was served or a filing delivered, invite the applicant to rate it
 * if they have not. The message's dedupe key makes "once" hold on any number of instances.
 */
@Injectable()
export class RatingInvitationsJob {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  async run(): Promise<{ invited: number }> {
    const cutoff = new Date(this.clock.nowMs() - INVITE_AFTER_MS);
    const since = new Date(cutoff.getTime() - 30 * 86_400_000); // don't chase very old ones
    const bookings = await this.ds.getRepository(BookingEntity).find({
      where: { status: 'checked_in', checkedInAt: LessThanOrEqual(cutoff) },
      select: { id: true, userId: true, checkedInAt: true },
      take: 1000,
    });
    const filings = await this.ds.getRepository(ApplicationEntity).find({
      where: { status: 'delivered', deliveredAt: LessThanOrEqual(cutoff) },
      select: { id: true, userId: true, number: true, deliveredAt: true },
      take: 1000,
    });
    const targets = [
      ...bookings
        .filter((b) => b.checkedInAt && b.checkedInAt >= since)
        .map((b) => ({ type: 'booking' as const, id: b.id, stage: 'service' as RatingStage, userId: b.userId, what: '您近期到大厅办理的事项' })),
      ...filings
        .filter((f) => f.deliveredAt && f.deliveredAt >= since)
        .map((f) => ({ type: 'application' as const, id: f.id, stage: 'delivery' as RatingStage, userId: f.userId, what: `办件 ${f.number}` })),
    ];
    if (targets.length === 0) return { invited: 0 };
    const ratings = await this.ds.getRepository(RatingEntity).find({ where: { targetId: In(targets.map((t) => t.id)) }, select: { targetId: true, stage: true } });
    const rated = new Set(ratings.map((r) => `${r.targetId}:${r.stage}`));
    let invited = 0;
    for (const t of targets) {
      if (rated.has(`${t.id}:${t.stage}`)) continue; // a filing rated at acceptance is still invited to rate the delivery
      const sent = await this.notifications.send({
        userId: t.userId,
        type: 'rating_invitation',
        title: '邀请您评价本次服务',
        body: `${t.what}已办结，欢迎对本次服务作出评价（好差评），您的意见将帮助我们改进。`,
        link: LINKS.rate(t.type, t.id),
        dedupeKey: `rate_invite:${t.type}:${t.id}`,
      });
      if (sent) invited++;
    }
    return { invited };
  }
}
