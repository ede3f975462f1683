import { SlotPlacesCounter } from './slot-places.counter';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';
import { BookingStatus, ContactRequest, HallPolicy, LINKS, maskName } from '@gov/shared';
import { HallPolicyService } from '../catalog/hall-policy.service';
import { AppConfig } from '../config/app-config';
import { AccessPolicy } from '../access/access-policy.service';
import { addDays, shanghaiDate, startOfDay } from '../calendar/calendar.rules';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { Transactions } from '../common/db/transactions';
import { newId } from '../common/ids';
import { NotificationsService } from '../notifications/notifications.service';
import { ApplicantRevealed, ApplicantsService } from '../users/applicants.service';
import { UserEntity } from '../users/entities/user.entity';
import { checkInRefusal, contactEffect, countsAtGrace, graceOver, localTime, normalizeCheckInCode, noShowFrom, standingMessage } from './booking.rules';
import { BookingService } from './booking.service';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';
import { StandingEventEntity } from './entities/standing-event.entity';
import { StandingService } from './standing.service';
import { CentreCancellationService } from './centre-cancel.service';
import { WaitlistService } from './waitlist.service';
import type { StaffBookingView } from '@gov/shared';
import { repositories } from '../common/db/repositories';
export type { StaffBookingView } from '@gov/shared';

/** What window staff do with bookings: check in, record and waive no-shows, reinstate. All audited. */
@Injectable()
export class StaffBookingService {
  private readonly db = repositories(this.ds, { bookings: BookingEntity, users: UserEntity, events: StandingEventEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly booking: BookingService,
    private readonly standing: StandingService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly applicants: ApplicantsService,
    private readonly clock: ClockService,
    private readonly policies: HallPolicyService,
    private readonly tx: Transactions,
    private readonly centre: CentreCancellationService,
    private readonly waitlist: WaitlistService,
    private readonly places: SlotPlacesCounter,
  ) {}

  private hallOf(caller: AuthUser, requested?: string): string | null {
    if (caller.roles.includes('admin')) return requested ?? null;
    return caller.hallId;
  }

  /**
   * The hall's bookings of a day (today by default), of one status; `status=late` is the desk's call
   * list: bookings past their start that are neither checked in nor counted — still `booked`, or a
   * pending no-show (`noShow.counts` false, the hall requiring a contact attempt).
   */
  async list(caller: AuthUser, q: { date?: string; status?: BookingStatus | 'late'; registeredOn?: string; hallId?: string }): Promise<StaffBookingView[]> {
    const hallId = this.hallOf(caller, q.hallId);
    if (q.registeredOn) return this.registeredOn(q.registeredOn, hallId);
    const now = this.clock.now();
    const day = q.date ?? shanghaiDate(now);
    const scope = { day, ...(hallId ? { hallId } : {}) };
    const rows =
      q.status === 'late'
        ? (await this.db.bookings.find({ where: [{ ...scope, status: 'booked' }, { ...scope, status: 'no_show', noShowCounts: false }], order: { startAt: 'ASC' }, take: 1000 })).filter(
            (b) => b.startAt.getTime() <= now.getTime(),
          )
        : await this.db.bookings.find({ where: { ...scope, ...(q.status ? { status: q.status } : {}) }, order: { startAt: 'ASC' }, take: 1000 });
    return this.staffViews(rows);
  }

  /**
   * GET /staff/bookings?registeredOn=: the bookings staff registered (kind `registered`, from a phone
   * call or a walk-in) on that Shanghai day at the hall (every hall for an admin without one), whatever
   * day they are for, latest first: the desk's list to read a code out again or cancel.
   */
  private async registeredOn(day: string, hallId: string | null): Promise<StaffBookingView[]> {
    const createdAt = Between(startOfDay(day), new Date(startOfDay(addDays(day, 1)).getTime() - 1));
    const rows = await this.db.bookings.find({ where: { kind: 'registered', createdAt, ...(hallId ? { hallId } : {}) }, order: { createdAt: 'DESC' }, take: 1000 });
    return this.staffViews(rows);
  }

  /**
   * Check a booking in by its code, on its day. A late applicant is checked in and served whatever the
   * hall's policy (DESIGN.md, The hall's queue): a `no_show` of today — pending or counted — becomes
   * `checked_in`, and so no longer counts (they came); they are told when it had counted.
   * INVALID_STATE otherwise (already checked in, cancelled, waived, another day).
   */
  async checkIn(caller: AuthUser, rawCode: string): Promise<StaffBookingView> {
    const code = normalizeCheckInCode(rawCode);
    const b = this.access.handled(caller, await this.db.bookings.findOne({ where: { code } }));
    const now = this.clock.now();
    const refused = checkInRefusal(b, now);
    if (refused) throw new DomainError('INVALID_STATE', refused);
    // the check-in and (a counted no-show withdrawn) the person's message in one transaction
    const r = await this.tx.run(async (em) => {
      const done = await em.getRepository(BookingEntity).update({ id: b.id, status: b.status }, { status: 'checked_in', checkedInAt: now, checkedInBy: caller.id });
      if (done.affected && b.status === 'no_show' && b.noShowCounts) {
        await this.notifications.send(
          {
            userId: b.userId,
            type: 'no_show_withdrawn',
            title: '爽约记录已撤销',
            body: `您 ${b.day} 的预约已在窗口签到办理，此前的爽约记录已撤销，不计入爽约次数。`,
            link: LINKS.noShows(),
            dedupeKey: `no_show_withdrawn:${b.id}`,
          },
          em,
        );
      }
      return done;
    });
    if (!r.affected) throw new DomainError('INVALID_STATE', '该预约状态已变化，请刷新');
    if (b.status === 'no_show' && b.noShowCounts) await this.standing.changed(b.userId);
    await this.audit.record({ actorId: caller.id, action: 'booking.check_in', objectType: 'booking', objectId: b.id, data: b.status === 'no_show' ? { late: true, counted: b.noShowCounts } : undefined });
    return this.one(b.id);
  }

  /**
   * 记为爽约, after the hall's grace (its policy; NO_SHOW_GRACE_MINUTES by default). Where the hall
   * requires a contact attempt first (罗山 预约办 四.2) and none failed yet, the no-show is pending and
   * does not count. INVALID_STATE before the grace is over or when not `booked`.
   */
  async markNoShow(caller: AuthUser, id: string): Promise<StaffBookingView> {
    const b = this.access.handled(caller, await this.db.bookings.findOne({ where: { id } }));
    const now = this.clock.now();
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '只有未签到的预约才能记为爽约');
    const policy = await this.policies.get(b.hallId);
    if (!graceOver(b.startAt, now, policy.noShowGraceMinutes)) {
      throw new DomainError('INVALID_STATE', `预约开始后 ${policy.noShowGraceMinutes} 分钟的宽限期未过，不能记为爽约`);
    }
    if (await this.recordNoShow(b, now, policy)) {
      await this.audit.record({ actorId: caller.id, action: 'booking.no_show', objectType: 'booking', objectId: b.id });
    }
    return this.one(id);
  }

  /**
   * The conditional update that records a no-show (idempotent: of any number of instances or staff
   * doing it at once, exactly one changes the row) and the person's message, in one transaction. By the hall's policy it
   * counts at once, or is pending (`no_show_counts` 0) until staff record a failed contact attempt.
   */
  async recordNoShow(b: BookingEntity, now: Date, policy: Pick<HallPolicy, 'noShowContactRequired'>): Promise<boolean> {
    const counts = countsAtGrace(policy.noShowContactRequired, b.contactReached);
    const recorded = await this.tx.run(async (em) => {
      const r = await em.getRepository(BookingEntity).update({ id: b.id, status: 'booked' }, { status: 'no_show', activeKey: null, noShowAt: now, noShowCounts: counts });
      if (!r.affected) return false;
      if (!counts) {
        await this.notifications.send(
          {
            userId: b.userId,
            type: 'no_show_pending',
            title: '预约已过签到时间',
            body: `您 ${b.day} ${localTime(b.startAt)} 的预约已过签到时间仍未签到。工作人员将与您电话联系；今天仍可前来窗口，凭预约码 ${b.code} 签到办理。`,
            link: LINKS.booking(b.id),
            dedupeKey: `no_show_pending:${b.id}`,
          },
          em,
        );
        return true;
      }
      await this.tellCounted(em, b);
      return true;
    });
    if (recorded && counts) await this.standing.changed(b.userId);
    return recorded;
  }

  /** 爽约记录提醒 (and 预约资格已暂停 when the count reached the threshold), in the transaction `em` that made the no-show count. */
  private async tellCounted(em: EntityManager, b: BookingEntity): Promise<void> {
    const s = await this.standing.standing(b.userId, em);
    const warning = standingMessage(s);
    await this.notifications.send({
      userId: b.userId,
      type: 'no_show',
      title: '爽约记录提醒',
      body: `您 ${b.day} 的预约未按时签到，已记为爽约。${warning}${s.forfeited ? '' : '如有特殊情况，可在“我的爽约记录”中申诉。'}`,
      link: LINKS.noShows(),
      dedupeKey: `no_show:${b.id}`,
    }, em);
    if (s.forfeited) {
      await this.notifications.send({
        userId: b.userId,
        type: 'forfeited',
        title: '预约资格已暂停',
        body: warning,
        link: LINKS.noShows(),
        dedupeKey: `forfeited:${b.id}`,
      }, em);
    }
  }

  /**
   * POST /staff/bookings/:id/contact: a call to a late applicant, on the booking's day (罗山 预约办 四.2).
   * `reached: false` makes a pending no-show count (and a late booking count as soon as its grace is
   * over); `reached: true` with `coming` leaves it uncounted — the applicant may still be checked in
   * today; `gave_up` or `reschedule` cancel it without penalty (status `cancelled`). A counted no-show
   * stays counted. Audited. INVALID_STATE / VALIDATION_FAILED as booking.rules `contactEffect`.
   */
  async contact(caller: AuthUser, id: string, body: ContactRequest): Promise<StaffBookingView> {
    const b = this.access.handled(caller, await this.db.bookings.findOne({ where: { id } }));
    const now = this.clock.now();
    const effect = contactEffect(b, body, now);
    if (typeof effect !== 'string') throw effect.code === 'VALIDATION_FAILED' ? fieldError('outcome', effect.message) : new DomainError(effect.code, effect.message);
    const note = body.note?.trim() ? body.note.trim() : null;
    const fields = { contactReached: body.reached, contactOutcome: body.outcome, contactNote: note, contactAt: now, contactBy: caller.id };
    const guard = { id: b.id, status: b.status, noShowCounts: b.noShowCounts };
    const r = await this.tx.run(async (em) => {
      const repo = em.getRepository(BookingEntity);
      // the change and the person's message in one transaction
      if (effect === 'count') {
        const counted = await repo.update(guard, { ...fields, noShowCounts: true });
        if (counted.affected) await this.tellCounted(em, b);
        return counted;
      }
      if (effect !== 'cancel') return repo.update(guard, fields);
      const done = await repo.update(guard, { ...fields, status: 'cancelled', activeKey: null, cancelledAt: now, cancelReason: body.outcome === 'gave_up' ? '申请人电话告知不再办理' : '申请人电话告知改约其他时间' });
      if (!done.affected) return done;
      if (b.status === 'booked') {
        await em.createQueryBuilder().update(SlotEntity).set({ booked: () => 'booked - 1' }).where('id = :id AND booked > 0', { id: b.slotId }).execute();
        this.places.freed(b.slotId);
      }
      await this.notifications.send(
        {
          userId: b.userId,
          type: 'booking_cancelled',
          title: '预约已取消（不计爽约）',
          body: `您 ${b.day} ${localTime(b.startAt)} 的预约已按您在电话中的答复取消，不计入爽约次数。${body.outcome === 'reschedule' ? '请重新选择时间预约。' : ''}`,
          link: body.outcome === 'reschedule' ? LINKS.book(b.serviceId) : LINKS.booking(b.id),
          dedupeKey: `contact_cancel:${b.id}`,
        },
        em,
      );
      return done;
    });
    if (!r.affected) throw new DomainError('INVALID_STATE', '该预约状态已变化，请刷新');
    if (effect === 'count') await this.standing.changed(b.userId);
    await this.audit.record({ actorId: caller.id, action: 'booking.contact', objectType: 'booking', objectId: b.id, reason: note, data: { reached: body.reached, outcome: body.outcome, effect } });
    return this.one(id);
  }

  async waive(caller: AuthUser, id: string, reason: string): Promise<StaffBookingView> {
    const b = this.access.handled(caller, await this.db.bookings.findOne({ where: { id } }));
    if (b.status !== 'no_show') throw new DomainError('INVALID_STATE', '只有爽约记录才能豁免');
    await this.tx.run((em) => this.waiveIn(em, b, caller.id, reason, true));
    await this.standing.changed(b.userId);
    await this.audit.record({ actorId: caller.id, action: 'booking.waive', objectType: 'booking', objectId: id, reason });
    return this.one(id);
  }

  /**
   * In the transaction `em`: the no-show `b` waived (guarded on its status; INVALID_STATE when it
   * changed), and with `notify` the person told. Not audited (the caller audits).
   */
  async waiveIn(em: EntityManager, b: BookingEntity, by: string, reason: string, notify: boolean): Promise<void> {
    const done = await em.getRepository(BookingEntity).update({ id: b.id, status: 'no_show' }, { status: 'no_show_waived', waivedAt: this.clock.now(), waivedBy: by, waiveReason: reason });
    if (!done.affected) throw new DomainError('INVALID_STATE', '该记录状态已变化，请刷新');
    if (!notify) return;
    await this.notifications.send(
      {
        userId: b.userId,
        type: 'no_show_waived',
        title: '爽约记录已豁免',
        body: `您 ${b.day} 的爽约记录已由工作人员豁免，不再计入爽约次数。说明：${reason}`,
        link: LINKS.noShows(),
      },
      em,
    );
  }

  /**
   * POST /staff/bookings/:id/cancel: the hall cannot keep this appointment (a window down, a staff
   * member ill). The `booked` booking becomes `cancelled_by_centre` — never a no-show, rateable — and
   * the applicant gets the reason and the three nearest free slots (新郑 五(三)3); the freed place goes
   * to the slot's waitlist. Audited. INVALID_STATE unless `booked`; NOT_FOUND outside the caller's hall.
   */
  async cancelByCentre(caller: AuthUser, id: string, reason: string): Promise<StaffBookingView> {
    const b = this.access.handled(caller, await this.db.bookings.findOne({ where: { id } }));
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '只有未签到的预约才能由中心取消');
    const now = this.clock.now();
    const done = await this.tx.run((em) => this.centre.cancelIn(em, [b], reason, now));
    if (!done.length) throw new DomainError('INVALID_STATE', '该预约状态已变化，请刷新');
    await this.audit.record({ actorId: caller.id, action: 'booking.centre_cancel', objectType: 'booking', objectId: b.id, reason });
    if (b.startAt.getTime() > now.getTime()) await this.waitlist.offerNext(b.slotId);
    return this.one(id);
  }

  /** Lift a forfeiture: the count starts afresh from now. Staff may reinstate people who booked at their hall. */
  async reinstate(caller: AuthUser, userId: string, reason: string): Promise<{ userId: string; noShows: number; forfeited: boolean }> {
    const user = await this.db.users.findOne({ where: { id: userId } });
    const known =
      user &&
      (caller.roles.includes('admin') || (caller.hallId !== null && (await this.db.bookings.exist({ where: { userId, hallId: caller.hallId } }))));
    if (!known) throw new DomainError('NOT_FOUND');
    await this.tx.run(async (em) => {
      await em.getRepository(StandingEventEntity).insert({ id: newId(), userId, kind: 'reinstated', actorId: caller.id, reason, at: this.clock.now() });
      await this.notifications.send(
        {
          userId,
          type: 'reinstated',
          title: '预约资格已恢复',
          body: `您的预约资格已由工作人员恢复，爽约次数重新计算。请按时前往或提前取消不能前往的预约。`,
          link: LINKS.noShows(),
        },
        em,
      );
    });
    await this.standing.changed(userId);
    await this.audit.record({ actorId: caller.id, action: 'user.reinstate', objectType: 'user', objectId: userId, reason });
    const s = await this.standing.standing(userId);
    return { userId, noShows: s.noShows, forfeited: s.forfeited };
  }

  /** The applicant's full name, ID and phone numbers for the booking's hall staff, audited (who, when, which). */
  async revealApplicant(caller: AuthUser, id: string): Promise<ApplicantRevealed> {
    const b = this.access.handled(caller, await this.db.bookings.findOne({ where: { id } }));
    await this.audit.record({ actorId: caller.id, action: 'booking.reveal_applicant', objectType: 'booking', objectId: b.id, data: { userId: b.userId, fields: ['name', 'idNumber', 'phone'] } });
    return this.applicants.reveal(b.userId);
  }

  /** One booking as staff see it. */
  async one(id: string): Promise<StaffBookingView> {
    const b = await this.db.bookings.findOneOrFail({ where: { id } });
    return (await this.staffViews([b]))[0];
  }

  /** Bookings as staff see them: the applicant (masked), when a no-show may be recorded by the hall's grace, the last call. */
  async staffViews(rows: BookingEntity[]): Promise<StaffBookingView[]> {
    const [views, applicants, policies] = await Promise.all([this.booking.views(rows), this.applicants.views(rows), this.policies.getMany(rows.map((r) => r.hallId))]);
    const now = this.clock.now();
    return views.map((v, i) => {
      const b = rows[i];
      const policy = policies.get(b.hallId);
      const grace = policy?.noShowGraceMinutes ?? this.config.noShowGraceMinutes;
      return {
        ...v,
        // a person staff registered without verifying: the name they took, masked like any other
        applicant: applicants[i].name === null && b.registeredName ? { ...applicants[i], name: maskName(b.registeredName) } : applicants[i],
        noShowFrom: noShowFrom(b.startAt, grace).toISOString(),
        canMarkNoShow: b.status === 'booked' && graceOver(b.startAt, now, grace),
        contact: b.contactAt && b.contactReached !== null && b.contactOutcome ? { reached: b.contactReached, outcome: b.contactOutcome, note: b.contactNote, at: b.contactAt.toISOString() } : null,
        contactRequired: policy?.noShowContactRequired ?? false,
      };
    });
  }
}
