import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ClockService } from '../common/clock/clock.service';
import { NotificationsService } from '../notifications/notifications.service';
import { bookingLink, localTime, noShowCutoff } from './booking.rules';
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
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly staff: StaffBookingService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  /** Bookings not checked in by start + grace become no-shows. */
  async noShowSweep(): Promise<{ marked: number }> {
    const now = this.clock.now();
    const due = await this.bookings.find({
      where: { status: 'booked', startAt: LessThanOrEqual(noShowCutoff(now, this.config.noShowGraceMinutes)) },
      order: { startAt: 'ASC' },
      take: 500,
    });
    let marked = 0;
    for (const b of due) if (await this.staff.recordNoShow(b, now)) marked++;
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
        dedupeKey: `${hourBefore ? 'remind_hour' : 'remind_day'}:${b.id}`,
        subscribe: { key: 'booking_reminder', data: { thing1: hourBefore ? '预约即将开始' : '明日预约提醒', time2: `${b.day} ${localTime(b.startAt)}`, thing3: '请按时到窗口签到' } },
      });
      if (ok) sent++;
    }
    return { sent };
  }
}
