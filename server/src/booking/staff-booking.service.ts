import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BookingStatus, LINKS } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { NotificationsService } from '../notifications/notifications.service';
import { ApplicantRevealed, ApplicantsService } from '../users/applicants.service';
import { UserEntity } from '../users/entities/user.entity';
import { graceOver, normalizeCheckInCode, noShowFrom, standingMessage } from './booking.rules';
import { BookingService } from './booking.service';
import { BookingEntity } from './entities/booking.entity';
import { StandingEventEntity } from './entities/standing-event.entity';
import { StandingService } from './standing.service';
import type { StaffBookingView } from '@gov/shared';
export type { StaffBookingView } from '@gov/shared';

/** What window staff do with bookings: check in, record and waive no-shows, reinstate. All audited. */
@Injectable()
export class StaffBookingService {
  constructor(
    @InjectRepository(BookingEntity) private readonly bookings: Repository<BookingEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(StandingEventEntity) private readonly events: Repository<StandingEventEntity>,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly booking: BookingService,
    private readonly standing: StandingService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly applicants: ApplicantsService,
    private readonly clock: ClockService,
  ) {}

  private hallOf(caller: AuthUser, requested?: string): string | null {
    if (caller.roles.includes('admin')) return requested ?? null;
    return caller.hallId;
  }

  async list(caller: AuthUser, q: { date?: string; status?: BookingStatus; hallId?: string }): Promise<StaffBookingView[]> {
    const hallId = this.hallOf(caller, q.hallId);
    const day = q.date ?? shanghaiDate(this.clock.now());
    const rows = await this.bookings.find({
      where: { day, ...(hallId ? { hallId } : {}), ...(q.status ? { status: q.status } : {}) },
      order: { startAt: 'ASC' },
      take: 1000,
    });
    return this.staffViews(rows);
  }

  async checkIn(caller: AuthUser, rawCode: string): Promise<StaffBookingView> {
    const code = normalizeCheckInCode(rawCode);
    const b = this.access.handled(caller, await this.bookings.findOne({ where: { code } }));
    const now = this.clock.now();
    if (b.status === 'checked_in') throw new DomainError('INVALID_STATE', '该预约已签到');
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '该预约已取消或已记为爽约，不能签到');
    if (b.day !== shanghaiDate(now)) throw new DomainError('INVALID_STATE', `该预约的日期是 ${b.day}，不是今天`);
    const r = await this.bookings.update({ id: b.id, status: 'booked' }, { status: 'checked_in', checkedInAt: now, checkedInBy: caller.id });
    if (!r.affected) throw new DomainError('INVALID_STATE', '该预约状态已变化，请刷新');
    await this.audit.record({ actorId: caller.id, action: 'booking.check_in', objectType: 'booking', objectId: b.id });
    return this.one(b.id);
  }

  async markNoShow(caller: AuthUser, id: string): Promise<StaffBookingView> {
    const b = this.access.handled(caller, await this.bookings.findOne({ where: { id } }));
    const now = this.clock.now();
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '只有未签到的预约才能记为爽约');
    if (!graceOver(b.startAt, now, this.config.noShowGraceMinutes)) {
      throw new DomainError('INVALID_STATE', `预约开始后 ${this.config.noShowGraceMinutes} 分钟的宽限期未过，不能记为爽约`);
    }
    if (await this.recordNoShow(b, now)) {
      await this.audit.record({ actorId: caller.id, action: 'booking.no_show', objectType: 'booking', objectId: b.id });
    }
    return this.one(id);
  }

  /**
   * The conditional update that records a no-show (idempotent: of any number of instances or staff
   * doing it at once, exactly one changes the row), then tells the person where they stand.
   */
  async recordNoShow(b: BookingEntity, now: Date): Promise<boolean> {
    const r = await this.bookings.update({ id: b.id, status: 'booked' }, { status: 'no_show', activeKey: null, noShowAt: now });
    if (!r.affected) return false;
    const s = await this.standing.standing(b.userId);
    const warning = standingMessage(s);
    await this.notifications.send({
      userId: b.userId,
      type: 'no_show',
      title: '爽约记录提醒',
      body: `您 ${b.day} 的预约未按时签到，已记为爽约。${warning}${s.forfeited ? '' : '如有特殊情况，可在“我的爽约记录”中申诉。'}`,
      link: LINKS.noShows(),
      dedupeKey: `no_show:${b.id}`,
    });
    if (s.forfeited) {
      await this.notifications.send({
        userId: b.userId,
        type: 'forfeited',
        title: '预约资格已暂停',
        body: warning,
        link: LINKS.noShows(),
        dedupeKey: `forfeited:${b.id}`,
      });
    }
    return true;
  }

  async waive(caller: AuthUser, id: string, reason: string, notify = true): Promise<StaffBookingView> {
    const b = this.access.handled(caller, await this.bookings.findOne({ where: { id } }));
    if (b.status !== 'no_show') throw new DomainError('INVALID_STATE', '只有爽约记录才能豁免');
    const r = await this.bookings.update({ id, status: 'no_show' }, { status: 'no_show_waived', waivedAt: this.clock.now(), waivedBy: caller.id, waiveReason: reason });
    if (!r.affected) throw new DomainError('INVALID_STATE', '该记录状态已变化，请刷新');
    await this.audit.record({ actorId: caller.id, action: 'booking.waive', objectType: 'booking', objectId: id, reason });
    if (notify) await this.notifications.send({
      userId: b.userId,
      type: 'no_show_waived',
      title: '爽约记录已豁免',
      body: `您 ${b.day} 的爽约记录已由工作人员豁免，不再计入爽约次数。说明：${reason}`,
      link: LINKS.noShows(),
    });
    return this.one(id);
  }

  /** Lift a forfeiture: the count starts afresh from now. Staff may reinstate people who booked at their hall. */
  async reinstate(caller: AuthUser, userId: string, reason: string): Promise<{ userId: string; noShows: number; forfeited: boolean }> {
    const user = await this.users.findOne({ where: { id: userId } });
    const known =
      user &&
      (caller.roles.includes('admin') || (caller.hallId !== null && (await this.bookings.exist({ where: { userId, hallId: caller.hallId } }))));
    if (!known) throw new DomainError('NOT_FOUND');
    await this.events.insert({ id: newId(), userId, kind: 'reinstated', actorId: caller.id, reason, at: this.clock.now() });
    await this.audit.record({ actorId: caller.id, action: 'user.reinstate', objectType: 'user', objectId: userId, reason });
    await this.notifications.send({
      userId,
      type: 'reinstated',
      title: '预约资格已恢复',
      body: `您的预约资格已由工作人员恢复，爽约次数重新计算。请按时前往或提前取消不能前往的预约。`,
      link: LINKS.noShows(),
    });
    const s = await this.standing.standing(userId);
    return { userId, noShows: s.noShows, forfeited: s.forfeited };
  }

  /** The applicant's full name, ID and phone numbers for the booking's hall staff, audited (who, when, which). */
  async revealApplicant(caller: AuthUser, id: string): Promise<ApplicantRevealed> {
    const b = this.access.handled(caller, await this.bookings.findOne({ where: { id } }));
    await this.audit.record({ actorId: caller.id, action: 'booking.reveal_applicant', objectType: 'booking', objectId: b.id, data: { userId: b.userId, fields: ['name', 'idNumber', 'phone'] } });
    return this.applicants.reveal(b.userId);
  }

  private async one(id: string): Promise<StaffBookingView> {
    const b = await this.bookings.findOneOrFail({ where: { id } });
    return (await this.staffViews([b]))[0];
  }

  /** Bookings as staff see them: the applicant (masked) and when a no-show may be recorded. */
  async staffViews(rows: BookingEntity[]): Promise<StaffBookingView[]> {
    const [views, applicants] = await Promise.all([this.booking.views(rows), this.applicants.views(rows)]);
    const now = this.clock.now();
    const grace = this.config.noShowGraceMinutes;
    return views.map((v, i) => ({
      ...v,
      applicant: applicants[i],
      noShowFrom: noShowFrom(rows[i].startAt, grace).toISOString(),
      canMarkNoShow: rows[i].status === 'booked' && graceOver(rows[i].startAt, now, grace),
    }));
  }
}
