import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { maskName, LINKS } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { ActingService } from '../delegation/acting.service';
import { DelegationService } from '../delegation/delegation.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/entities/user.entity';
import { noShowReason } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import { NoShowAppealEntity } from './entities/no-show-appeal.entity';
import { StaffBookingService } from './staff-booking.service';
import { StandingService } from './standing.service';
import type { NoShowRecordItem, AppealView } from '@gov/shared';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';
export type { NoShowRecordItem, AppealView } from '@gov/shared';

/** The no-show record people can see and contest (DESIGN.md: the no-show record and appeal). */
@Injectable()
export class NoShowRecordService {
  private readonly db = repositories(this.ds, {
    bookings: BookingEntity, appeals: NoShowAppealEntity, services: ServiceEntity, halls: HallEntity,
    users: UserEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly standing: StandingService,
    private readonly staffBookings: StaffBookingService,
    private readonly delegation: DelegationService,
    private readonly acting: ActingService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
  ) {}

  /** The caller's record, or (for an agent with an authorisation from them) a principal's. */
  async record(caller: AuthUser, principalId?: string): Promise<NoShowRecordItem[]> {
    let userId = caller.id;
    if (principalId && principalId !== caller.id) {
      const auths = await this.delegation.forAgent(caller.id, { type: 'person', id: principalId });
      if (!auths.some((a) => a.status === 'active')) throw new DomainError('NOT_FOUND');
      userId = principalId;
    }
    const s = await this.standing.standing(userId);
    const ids = s.record.map((r) => r.bookingId);
    if (ids.length === 0) return [];
    const [rows, appeals] = await Promise.all([
      this.db.bookings.find({ where: { id: In(ids) } }),
      this.db.appeals.find({ where: { bookingId: In(ids) } }),
    ]);
    const byId = new Map(rows.map((b) => [b.id, b]));
    const appealOf = new Map(appeals.map((a) => [a.bookingId, a]));
    const [sName, hName] = await Promise.all([namesById(this.db.services, rows.map((b) => b.serviceId)), namesById(this.db.halls, rows.map((b) => b.hallId))]);
    return s.record
      .map((r) => {
        const b = byId.get(r.bookingId)!;
        const a = appealOf.get(r.bookingId);
        return {
          bookingId: r.bookingId,
          date: shanghaiDate(r.at),
          hallName: hName.get(b.hallId) ?? '',
          serviceName: sName.get(b.serviceId) ?? '',
          counts: r.status === 'counts',
          reason: noShowReason(r.status, b.waiveReason),
          appeal: a ? { id: a.id, status: a.status, reason: a.reason, answer: a.answer } : null,
        };
      })
      .reverse();
  }

  /** One appeal per no-show, by the person it counts against (or the agent who made the booking). */
  async appeal(caller: AuthUser, bookingId: string, reason: string): Promise<{ id: string; status: 'open' }> {
    const b = this.access.ownedBy(caller, await this.db.bookings.findOne({ where: { id: bookingId } }));
    await this.acting.assertMayActFor(caller, b, b.serviceId);
    if (b.status !== 'no_show' || !b.noShowCounts) throw new DomainError('INVALID_STATE', '只有计入的爽约记录可以申诉');
    const a = this.db.appeals.create({ id: newId(), bookingId, userId: b.userId, hallId: b.hallId, reason, status: 'open', answer: null, decidedBy: null, decidedAt: null, createdAt: this.clock.now() });
    try {
      await this.db.appeals.insert(a);
    } catch (e) {
      if (isDuplicateKey(e)) throw new DomainError('INVALID_STATE', '每条爽约记录只能申诉一次');
      throw e;
    }
    return { id: a.id, status: 'open' };
  }

  /** The hall's appeals (admins: all), or just the one with `onlyId`. */
  async staffList(caller: AuthUser, status?: 'open' | 'waived' | 'rejected', onlyId?: string): Promise<AppealView[]> {
    const hall = caller.roles.includes('admin') ? {} : { hallId: caller.hallId ?? '-' };
    const rows = await this.db.appeals.find({ where: { ...hall, ...(status ? { status } : {}), ...(onlyId ? { id: onlyId } : {}) }, order: { createdAt: 'ASC' }, take: 500 });
    if (rows.length === 0) return [];
    const bookings = await this.db.bookings.find({ where: { id: In(rows.map((r) => r.bookingId)) } });
    const bOf = new Map(bookings.map((b) => [b.id, b]));
    const [sName, users] = await Promise.all([
      namesById(this.db.services, bookings.map((b) => b.serviceId)),
      this.db.users.find({ where: { id: In([...new Set(rows.map((r) => r.userId))]) }, select: { id: true, realName: true } }),
    ]);
    const uName = new Map(users.map((u) => [u.id, u.realName]));
    return rows.map((a) => ({
      id: a.id,
      bookingId: a.bookingId,
      status: a.status,
      reason: a.reason,
      answer: a.answer,
      date: bOf.get(a.bookingId)?.day ?? '',
      serviceName: sName.get(bOf.get(a.bookingId)?.serviceId ?? '') ?? '',
      applicantName: maskName(uName.get(a.userId) ?? null),
      createdAt: a.createdAt.toISOString(),
    }));
  }

  /** Waive the no-show (it stops counting) or reject the appeal with a reason; the applicant is told either way. */
  async decide(caller: AuthUser, id: string, waive: boolean, answer: string): Promise<AppealView> {
    const a = this.access.handled(caller, await this.db.appeals.findOne({ where: { id } }));
    if (a.status !== 'open') throw new DomainError('INVALID_STATE', '该申诉已处理');
    const now = this.clock.now();
    const booking = waive ? await this.db.bookings.findOne({ where: { id: a.bookingId } }) : null;
    if (waive && booking?.status !== 'no_show') throw new DomainError('INVALID_STATE', '只有爽约记录才能豁免');
    // the answer, the waiver and the applicant's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(NoShowAppealEntity).update({ id, status: 'open' }, { status: waive ? 'waived' : 'rejected', answer, decidedBy: caller.id, decidedAt: now });
      if (!done.affected) throw new DomainError('INVALID_STATE', '该申诉已处理');
      if (booking) await this.staffBookings.waiveIn(em, booking, caller.id, `申诉成立：${answer}`, false);
      await this.notifications.send(
        {
          userId: a.userId,
          type: waive ? 'appeal_waived' : 'appeal_rejected',
          title: waive ? '爽约申诉已通过' : '爽约申诉未通过',
          body: waive ? `您的爽约申诉已通过，该记录不再计入爽约次数。说明：${answer}` : `您的爽约申诉未通过。原因：${answer}`,
          link: LINKS.noShows(),
        },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: waive ? 'appeal.waive' : 'appeal.reject', objectType: 'no_show_appeal', objectId: id, reason: answer });
    if (booking) await this.standing.changed(booking.userId);
    if (booking) await this.audit.record({ actorId: caller.id, action: 'booking.waive', objectType: 'booking', objectId: booking.id, reason: `申诉成立：${answer}` });
    return (await this.staffList(caller, undefined, id))[0];
  }
}
