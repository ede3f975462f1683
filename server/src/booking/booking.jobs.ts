import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { NotificationsService } from '../notifications/notifications.service';
import { HallPolicyService } from '../catalog/hall-policy.service';
import { bookingLink, graceOver, localTime, noShowCutoff } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import { StaffBookingService } from './staff-booking.service';

const HOUR = 3_600_000;

/**
 * Scheduled work on bookings. Each job is a set of idempotent conditional updates (or inserts
 * under a unique key), so any number of API instances may run it at the same moment.
 */
@Injectable()
export class BookingJobs {
  constructor(
    @InjectRepository(BookingEntity) private readonly bookings: Repository<BookingEntity>,
    private readonly staff: StaffBookingService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
    private readonly policies: HallPolicyService,
  ) {}

  /**
   * Bookings not checked in by start + their hall's grace become no-shows: counted at once, or pending
   * where the hall requires a contact attempt first (its policy; StaffBookingService.recordNoShow).
   * Reads the oldest started `booked` bookings (any hall's grace is at most a day, so those past grace
   * come first) and judges each by its hall's policy.
   */
  async noShowSweep(): Promise<{ marked: number }> {
    const now = this.clock.now();
    const started = await this.bookings.find({
      where: { status: 'booked', startAt: LessThanOrEqual(noShowCutoff(now, 0)) },
      order: { startAt: 'ASC' },
      take: 1000,
    });
    const policies = await this.policies.getMany(started.map((b) => b.hallId));
    let marked = 0;
    for (const b of started) {
      const policy = policies.get(b.hallId)!;
      if (!graceOver(b.startAt, now, policy.noShowGraceMinutes)) continue;
      if (await this.staff.recordNoShow(b, now, policy)) marked++;
    }
    return { marked };
  }

  /** A message the day before and one hour before each booking (once each). */
  async reminders(): Promise<{ sent: number }> {
    const now = this.clock.now();
    const soon = await this.bookings.find({
      where: { status: 'booked', startAt: And(MoreThan(now), LessThanOrEqual(new Date(now.getTime() + 24 * HOUR))) },
      take: 2000,
    });
    let sent = 0;
    for (const b of soon) {
      const hourBefore = b.startAt.getTime() - now.getTime() <= HOUR;
      const ok = await this.notifications.send({
        userId: b.userId,
        type: 'booking_reminder',
        title: hourBefore ? '预约即将开始' : '明日预约提醒',
        body: `您预约的办事时间是 ${b.day} ${localTime(b.startAt)}，请携带身份证件和所需材料，凭预约码 ${b.code} 到窗口签到；不能前往请提前取消。`,
        link: bookingLink(b.id),
        // a rescheduled booking is reminded of its new time (one reminder of each kind per move)
        dedupeKey: `${hourBefore ? 'remind_hour' : 'remind_day'}:${b.id}${b.rescheduleCount ? `:${b.rescheduleCount}` : ''}`,
        subscribe: { key: 'booking_reminder', data: { thing1: hourBefore ? '预约即将开始' : '明日预约提醒', time2: `${b.day} ${localTime(b.startAt)}`, thing3: '请按时到窗口签到' } },
      });
      if (ok) sent++;
    }
    return { sent };
  }
}
