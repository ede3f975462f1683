import { Injectable } from '@nestjs/common';
import { ActingService } from '../delegation/acting.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { LINKS, shanghaiDate, shanghaiTime, TICKET_STATUS_LABELS } from '@gov/shared';
import type { HallQueueFigures, HallQueueView, OvertimeServiceView, StaffTicketView, TicketLane, TicketStatus, TicketView } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { checkInRefusal } from '../booking/booking.rules';
import { BookingEntity } from '../booking/entities/booking.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { closingTimeOn } from '../catalog/hall-policy.rules';
import { HallPolicyService } from '../catalog/hall-policy.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { insertIgnoringDuplicates } from '../common/db/bulk';
import { isDuplicateKey } from '../common/db/db-errors';
import { Transactions } from '../common/db/transactions';
import { DomainError, fieldError, notFound } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/entities/user.entity';
import { OvertimeServiceEntity } from './entities/overtime-service.entity';
import { QueueCounterEntity } from './entities/queue-counter.entity';
import { QueueTicketEntity } from './entities/queue-ticket.entity';
import { QueueWindowEntity } from './entities/queue-window.entity';
import { QueueStreamsService } from './queue-streams.service';
import { HallSnapshot, QueueViewsService } from './queue-views.service';
import { callOrder, hallCodeMatches, MAX_REQUEUES, minutesPastClosing, queueFigures, takingOpen, ticketNumber } from './queue.rules';
import { staffHall, WindowsService } from './windows.service';

/** What a new ticket is made of before it gets its number. */
interface NewTicket {
  hallId: string;
  serviceId: string;
  day: string;
  lane: TicketLane;
  userId: string | null;
  bookingId: string | null;
  dueAt: Date | null;
  phoneEnc: string | null;
  greenRequested: boolean;
  greenConfirmed: boolean;
  greenReason: string | null;
  issuedBy: string | null;
}

/** How many candidates call-next tries (guarded updates) before reading the queue again. */
const CALL_TRIES = 20;

/**
 * The hall's queue (API.md, The hall's queue; Staff: windows, tickets): taking and issuing tickets,
 * the window's calls and the other queue actions, and 延时服务登记. Every state change is one
 * guarded update on the status it expects (two windows never call the same ticket; a double tap
 * changes nothing twice), numbers come from a per-(hall, day, lane) counter row incremented under
 * its lock, and each change bumps the hall's stream version after it commits.
 */
@Injectable()
export class QueueService {

  private readonly db = repositories(this.ds, { tickets: QueueTicketEntity, windows: QueueWindowEntity, overtime: OvertimeServiceEntity, bookings: BookingEntity, halls: HallEntity, serviceHalls: ServiceHallEntity, services: ServiceEntity, users: UserEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly views: QueueViewsService,
    private readonly streams: QueueStreamsService,
    private readonly windowsService: WindowsService,
    private readonly policies: HallPolicyService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly crypto: CryptoService,
    private readonly notifications: NotificationsService,
    private readonly callers: CallerContextCache,
    private readonly acting: ActingService,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** `HH:mm` the hall closes on `day` by its policy (its opening hours), null when it does not open that weekday. */
  async closingTime(hallId: string, day: string): Promise<string | null> {
    return closingTimeOn(await this.policies.get(hallId), day);
  }

  /** The service, active and handled at the hall; NOT_FOUND otherwise. */
  private async requireServiceAt(hallId: string, serviceId: string): Promise<void> {
    if (!isId(serviceId)) throw notFound();
    const [handled, service] = await Promise.all([this.db.serviceHalls.exist({ where: { hallId, serviceId } }), this.db.services.findOne({ where: { id: serviceId }, select: { id: true, active: true } })]);
    if (!handled || !service?.active) throw new DomainError('NOT_FOUND', '本大厅不办理该事项');
  }

  /**
   * POST /halls/:id/tickets. `hallCode` must be today's code of the hall (VALIDATION_FAILED on
   * `hallCode` otherwise: proves presence). With `bookingId`: the caller's booking (or one made for
   * them; NOT_FOUND otherwise), today, at this hall, `booked` or a no-show of today (a late applicant
   * is served whatever the hall's policy; booking.rules checkInRefusal) → checked in within the same
   * transaction, ticket in lane `appointment`; the booking's ticket is answered again if it already
   * has one. `green` asks for the green lane (number `G…`), called among the normal tickets until
   * staff confirm it. Refused (INVALID_STATE, `details.reason = 'after_closing'`) from the hall's
   * closing time on: whoever took a ticket before it is served that day (罗山 延时办), with no cap on
   * the number of tickets (罗山 延时办 一(二)).
   */
  async take(caller: AuthUser, hallId: string, body: { serviceId: string; bookingId?: string; hallCode: string; green?: { reason: string } }): Promise<TicketView> {
    await this.requireHall(hallId);
    const now = this.clock.now();
    const day = shanghaiDate(now);
    if (!hallCodeMatches(body.hallCode, this.windowsService.codeFor(hallId, day))) throw fieldError('hallCode', '取号码无效或已过期，请重新扫描大厅的取号二维码');
    let booking: BookingEntity | null = null;
    if (body.bookingId) {
      booking = this.access.ownedBy(caller, isId(body.bookingId) ? await this.db.bookings.findOne({ where: { id: body.bookingId } }) : null);
      // an agent checks in for the principal only while still authorised (a member while in the company)
      await this.acting.assertMayActFor(caller, booking, booking.serviceId);
      const existing = await this.db.tickets.findOne({ where: { bookingId: booking.id } });
      if (existing) return this.ticketView(existing);
      if (booking.hallId !== hallId) throw new DomainError('INVALID_STATE', '这不是本大厅的预约');
      // a late applicant (a no-show of today, pending or counted) is checked in and served whatever the policy
      const refused = checkInRefusal(booking, now);
      if (refused) throw new DomainError('INVALID_STATE', refused);
      if (booking.serviceId !== body.serviceId) throw fieldError('serviceId', '取号事项与预约的事项不一致');
    }
    await this.requireServiceAt(hallId, body.serviceId);
    const closing = await this.closingTime(hallId, day);
    if (!booking && !takingOpen(now, day, closing)) throw new DomainError('INVALID_STATE', `今天的取号时间已过（${closing} 截止）`, { reason: 'after_closing', closingTime: closing });
    const b = booking;
    const row = await this.issue(
      {
        hallId,
        serviceId: body.serviceId,
        day,
        lane: b ? 'appointment' : body.green ? 'green' : 'normal',
        userId: caller.id,
        bookingId: b?.id ?? null,
        dueAt: b?.startAt ?? null,
        phoneEnc: null,
        greenRequested: !b && !!body.green,
        greenConfirmed: false,
        greenReason: !b && body.green ? body.green.reason.trim() : null,
        issuedBy: null,
      },
      b
        ? async (em) => {
            const r = await em.update(BookingEntity, { id: b.id, status: b.status }, { status: 'checked_in', checkedInAt: now, checkedInBy: caller.id });
            if (!r.affected) throw new DomainError('INVALID_STATE', '该预约状态已变化，请刷新');
            await this.audit.record({ actorId: caller.id, action: 'booking.check_in', objectType: 'booking', objectId: b.id, data: { via: 'ticket', ...(b.status === 'no_show' ? { late: true } : {}) } }, em);
          }
        : undefined,
    );
    // a late applicant checked in: a counted no-show no longer counts (StandingService reads it afresh)
    if (b?.status === 'no_show' && b.noShowCounts) await this.callers.invalidate(b.userId);
    return this.ticketView(row);
  }

  /**
   * POST /staff/tickets: a ticket issued at the desk of the caller's hall (no hall code, no closing
   * limit: staff decide). `green` is confirmed at once; `phone` is kept encrypted for the call notice.
   */
  async issueAtDesk(caller: AuthUser, body: { serviceId: string; green?: { reason: string }; phone?: string }, hallIdParam?: string): Promise<StaffTicketView> {
    const hallId = staffHall(caller, hallIdParam);
    await this.requireServiceAt(hallId, body.serviceId);
    const row = await this.issue({
      hallId,
      serviceId: body.serviceId,
      day: this.today(),
      lane: body.green ? 'green' : 'normal',
      userId: null,
      bookingId: null,
      dueAt: null,
      phoneEnc: body.phone ? this.crypto.encrypt(body.phone) : null,
      greenRequested: !!body.green,
      greenConfirmed: !!body.green,
      greenReason: body.green ? body.green.reason.trim() : null,
      issuedBy: caller.id,
    });
    await this.audit.record({ actorId: caller.id, action: 'queue.ticket.issue', objectType: 'queue_ticket', objectId: row.id, data: { number: row.number } });
    return this.staffView(row.id);
  }

  /**
   * Gives the ticket the next number of its hall, day and lane and stores it, in one short
   * transaction: `work` first (the booking's check-in), then the counter row's guarded increment
   * (its row lock orders concurrent takers on every instance), then the insert under the unique
   * (hall, day, lane, seq). The counter row is made beforehand outside the transaction.
   */
  private async issue(t: NewTicket, work?: (em: EntityManager) => Promise<void>): Promise<QueueTicketEntity> {
    const key = { hallId: t.hallId, day: t.day, lane: t.lane };
    await insertIgnoringDuplicates(this.ds.manager, QueueCounterEntity, [{ ...key, lastSeq: 0 }]);
    const row = await this.tx.run(async (em) => {
      if (work) await work(em);
      await em.createQueryBuilder().update(QueueCounterEntity).set({ lastSeq: () => 'last_seq + 1' }).where('hall_id = :hallId AND day = :day AND lane = :lane', key).execute();
      const counter = await em.findOneOrFail(QueueCounterEntity, { where: key });
      const now = this.clock.now();
      const ticket: QueueTicketEntity = Object.assign(new QueueTicketEntity(), {
        id: newId(),
        ...t,
        seq: counter.lastSeq,
        number: ticketNumber(t.lane, counter.lastSeq),
        status: 'waiting' as TicketStatus,
        takenAt: now,
        queuedAt: now,
        windowId: null,
        calledBy: null,
        calledAt: null,
        callCount: 0,
        servingAt: null,
        finishedAt: null,
        finishedBy: null,
        skippedAt: null,
        requeueCount: 0,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(QueueTicketEntity, ticket);
      return ticket;
    });
    await this.streams.bump(t.hallId);
    return row;
  }

  /** A view of one ticket with `ahead` from a fresh snapshot of its hall's day. */
  private async ticketView(t: QueueTicketEntity): Promise<TicketView> {
    const s = await this.views.snapshot(t.hallId, t.day);
    return this.views.ticketView(s, s.byId.get(t.id) ?? t);
  }

  private async staffView(id: string): Promise<StaffTicketView> {
    const t = await this.db.tickets.findOneOrFail({ where: { id } });
    const s = await this.views.snapshot(t.hallId, t.day);
    return (await this.views.staffViews(s, [s.byId.get(id) ?? t]))[0];
  }

  /** The caller's own ticket (the holder), else NOT_FOUND. */
  async own(caller: AuthUser, id: string): Promise<QueueTicketEntity> {
    const t = isId(id) ? await this.db.tickets.findOne({ where: { id } }) : null;
    if (!t || t.userId !== caller.id) throw notFound();
    return t;
  }

  /** GET /tickets/:id: the holder's ticket (NOT_FOUND for anyone else). */
  async get(caller: AuthUser, id: string): Promise<TicketView> {
    return this.ticketView(await this.own(caller, id));
  }

  /** GET /me/tickets: the caller's tickets of today (Shanghai), newest first. */
  async mine(caller: AuthUser): Promise<TicketView[]> {
    const rows = await this.db.tickets.find({ where: { userId: caller.id, day: this.today() }, order: { takenAt: 'DESC' } });
    const snaps = new Map<string, HallSnapshot>();
    const out: TicketView[] = [];
    for (const t of rows) {
      let s = snaps.get(t.hallId);
      if (!s) snaps.set(t.hallId, (s = await this.views.snapshot(t.hallId, t.day)));
      out.push(this.views.ticketView(s, s.byId.get(t.id) ?? t));
    }
    return out;
  }

  /** POST /tickets/:id/leave: the holder gives up a waiting or skipped ticket (`left`). INVALID_STATE otherwise. */
  async leave(caller: AuthUser, id: string): Promise<TicketView> {
    const t = await this.own(caller, id);
    await this.guarded(t, ['waiting', 'skipped'], { status: 'left' });
    return this.ticketView(t);
  }

  /** GET /halls/:id/queue: the public screen of the hall (NOT_FOUND for an unknown hall). */
  async hallQueue(hallId: string): Promise<HallQueueView> {
    await this.requireHall(hallId);
    return this.views.hallView(await this.views.snapshot(hallId, this.today()));
  }

  /** GET /staff/tickets?status=: today's tickets of the caller's hall, waiting ones in the call order first, then by taking time. */
  async staffList(caller: AuthUser, q: { status?: TicketStatus; hallId?: string }): Promise<StaffTicketView[]> {
    const s = await this.views.snapshot(staffHall(caller, q.hallId), this.today());
    const waiting = callOrder(s.tickets, s.at);
    const rest = s.tickets.filter((t) => t.status !== 'waiting').sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    const rows = [...waiting, ...rest].filter((t) => !q.status || t.status === q.status);
    return this.views.staffViews(s, rows);
  }

  /**
   * POST /staff/windows/:id/call-next: the first waiting ticket by the call order (due appointments,
   * confirmed green, normal; each first-come) among the window's services is `called` to the window.
   * A guarded update per candidate: when another window (on any instance) took it first, the next
   * candidate is tried, so two windows never call the same ticket. NOT_FOUND for another hall's
   * window; INVALID_STATE while the window still has a called or serving ticket, or when nobody waits
   * (`details.reason = 'queue_empty'`).
   */
  async callNext(caller: AuthUser, windowId: string): Promise<StaffTicketView> {
    const w = this.access.handled(caller, isId(windowId) ? await this.db.windows.findOne({ where: { id: windowId } }) : null);
    const day = this.today();
    // One call at a time per window: the window's row is locked for the claim (SQLite runs transactions
    // one after another), so two taps on one window never call two tickets to it. On MySQL the row is
    // locked by writing it, not by FOR UPDATE: a FOR UPDATE lock is one node's own on a Galera cluster,
    // while a written row is certified on every node, so two taps on two nodes meet at commit (the
    // loser is told 1213, retried, and finds the window busy). The two writes cancel out.
    const called = await this.tx.run(async (em) => {
      if (this.tx.isMysql) await this.touchWindow(em, w.id);
      const tickets = em.getRepository(QueueTicketEntity);
      const busy = await tickets.findOne({ where: { windowId: w.id, day, status: In(['called', 'serving']) }, select: { id: true, number: true } });
      if (busy) throw new DomainError('INVALID_STATE', `本窗口的 ${busy.number} 号还未办结或过号`, { reason: 'window_busy', ticketId: busy.id });
      for (let round = 0; round < 5; round++) {
        const now = this.clock.now();
        const waiting = await tickets.find({ where: { hallId: w.hallId, day, status: 'waiting', ...(w.serviceIds.length ? { serviceId: In(w.serviceIds) } : {}) } });
        const order = callOrder(waiting, now);
        if (order.length === 0) throw new DomainError('INVALID_STATE', '当前没有等候的号', { reason: 'queue_empty' });
        for (const t of order.slice(0, CALL_TRIES)) {
          const r = await tickets.update(
            { id: t.id, status: 'waiting' },
            { status: 'called', windowId: w.id, calledBy: caller.id, calledAt: now, callCount: () => 'call_count + 1', updatedAt: now },
          );
          if (r.affected) {
            await this.tellCalled(em, t.id); // the call and the holder's message commit together
            return t;
          }
        }
      }
      throw new DomainError('CONFLICT', '叫号繁忙，请重试');
    });
    await this.streams.bump(w.hallId);
    await this.audit.record({ actorId: caller.id, action: 'queue.ticket.call', objectType: 'queue_ticket', objectId: called.id, data: { windowId: w.id, number: called.number } });
    return this.staffView(called.id);
  }

  /** Writes the window's row and puts it back (the row lock of callNext, certified across a Galera cluster). */
  private async touchWindow(em: EntityManager, id: string): Promise<void> {
    for (const change of ['sort_order + 1', 'sort_order - 1']) {
      await em.createQueryBuilder().update(QueueWindowEntity).set({ sortOrder: () => change }).where('id = :id', { id }).execute();
    }
  }

  /**
   * Tells the holder (an account's ticket) that the ticket is called: an in-app message `ticket_called`
   * linking to the ticket page, and a WeChat subscribe message where they consented (the reminder
   * template). Once per call (dedupe key: ticket and call count). Through `em`, in the transaction
   * that calls the ticket (read there, with its new call count); the SMS and WeChat sends are the
   * outbox worker's, after the commit.
   */
  private async tellCalled(em: EntityManager, ticketId: string): Promise<void> {
    const t = await em.getRepository(QueueTicketEntity).findOne({ where: { id: ticketId } });
    if (!t?.userId || !t.calledAt) return;
    const w = t.windowId ? await em.getRepository(QueueWindowEntity).findOne({ where: { id: t.windowId }, select: { id: true, name: true } }) : null;
    const where = w?.name ?? '窗口';
    await this.notifications.send(
      {
      userId: t.userId,
      type: 'ticket_called',
      title: `${t.number} 号请到${where}办理`,
      body: `您的 ${t.number} 号已叫到，请到${where}办理。过号后可请工作人员重新排队一次。`,
      link: LINKS.ticket(t.id),
      dedupeKey: `ticket-called:${t.id}:${t.callCount}`,
      subscribe: { key: 'booking_reminder', data: { thing1: `${t.number} 号请到${where}`, time2: `${t.day} ${shanghaiTime(t.calledAt)}`, thing3: '请尽快到窗口办理' } },
      },
      em,
    );
  }

  /** A staff action on a ticket of the caller's hall (NOT_FOUND otherwise). */
  private async handled(caller: AuthUser, id: string): Promise<QueueTicketEntity> {
    return this.access.handled(caller, isId(id) ? await this.db.tickets.findOne({ where: { id } }) : null);
  }

  /**
   * One guarded update from the expected statuses; INVALID_STATE (naming the current status) when the
   * ticket is no longer in one. Bumps the hall's version — after `within`, when given, has run in the
   * same transaction (e.g. the holder's message).
   */
  private async guarded(
    t: QueueTicketEntity,
    from: TicketStatus[],
    set: Partial<QueueTicketEntity> | Record<string, unknown>,
    extra: Record<string, unknown> = {},
    within?: (em: EntityManager) => Promise<void>,
  ): Promise<void> {
    const update = (em: EntityManager) => em.getRepository(QueueTicketEntity).update({ id: t.id, status: In(from), ...extra }, { ...set, updatedAt: this.clock.now() } as Partial<QueueTicketEntity>);
    const r = within
      ? await this.tx.run(async (em) => {
          const done = await update(em);
          if (done.affected) await within(em);
          return done;
        })
      : await update(this.db.tickets.manager);
    if (!r.affected) {
      const cur = await this.db.tickets.findOne({ where: { id: t.id }, select: { id: true, status: true } });
      throw new DomainError('INVALID_STATE', `该号当前为“${TICKET_STATUS_LABELS[cur?.status ?? t.status]}”，不能这样操作`, { status: cur?.status ?? t.status });
    }
    await this.streams.bump(t.hallId);
  }

  /** POST /staff/tickets/:id/recall: call a `called` ticket again (call count +1, new call time). */
  async recall(caller: AuthUser, id: string): Promise<StaffTicketView> {
    const t = await this.handled(caller, id);
    await this.guarded(t, ['called'], { calledAt: this.clock.now(), callCount: () => 'call_count + 1' }, {}, (em) => this.tellCalled(em, t.id));
    return this.staffView(t.id);
  }

  /** POST /staff/tickets/:id/skip: a called ticket whose holder did not come (过号); it may come back once (requeue). */
  async skip(caller: AuthUser, id: string): Promise<StaffTicketView> {
    const t = await this.handled(caller, id);
    await this.guarded(t, ['called'], { status: 'skipped', skippedAt: this.clock.now() });
    await this.audit.record({ actorId: caller.id, action: 'queue.ticket.skip', objectType: 'queue_ticket', objectId: t.id });
    return this.staffView(t.id);
  }

  /** POST /staff/tickets/:id/serve: the holder is at the window (`serving`). */
  async serve(caller: AuthUser, id: string): Promise<StaffTicketView> {
    const t = await this.handled(caller, id);
    await this.guarded(t, ['called'], { status: 'serving', servingAt: this.clock.now() });
    return this.staffView(t.id);
  }

  /**
   * POST /staff/tickets/:id/requeue: a skipped ticket whose holder came back goes to the end of its
   * lane once (MAX_REQUEUES); INVALID_STATE when it is not skipped or already came back.
   */
  async requeue(caller: AuthUser, id: string): Promise<StaffTicketView> {
    const t = await this.handled(caller, id);
    if (t.status === 'skipped' && t.requeueCount >= MAX_REQUEUES) throw new DomainError('INVALID_STATE', '过号只能重新排队一次');
    await this.guarded(t, ['skipped'], { status: 'waiting', queuedAt: this.clock.now(), windowId: null, requeueCount: () => 'requeue_count + 1' }, { requeueCount: LessThan(MAX_REQUEUES) });
    await this.audit.record({ actorId: caller.id, action: 'queue.ticket.requeue', objectType: 'queue_ticket', objectId: t.id });
    return this.staffView(t.id);
  }

  /** POST /staff/tickets/:id/confirm-green: staff decide a waiting ticket's green-lane request (老弱病残孕); INVALID_STATE when there is none. */
  async confirmGreen(caller: AuthUser, id: string, confirmed: boolean): Promise<StaffTicketView> {
    const t = await this.handled(caller, id);
    if (!t.greenRequested) throw new DomainError('INVALID_STATE', '该号没有申请绿色通道');
    await this.guarded(t, ['waiting'], { greenConfirmed: confirmed });
    await this.audit.record({ actorId: caller.id, action: confirmed ? 'queue.green.confirm' : 'queue.green.decline', objectType: 'queue_ticket', objectId: t.id });
    return this.staffView(t.id);
  }

  /**
   * POST /staff/tickets/:id/finish: the service is done (from `called` or `serving`). Finished after
   * the hall's closing time of the ticket's day, it is recorded in 延时服务登记 (window, staff, whole
   * minutes past closing; 罗山 延时办), once per ticket.
   */
  async finish(caller: AuthUser, id: string): Promise<StaffTicketView> {
    const t = await this.handled(caller, id);
    const now = this.clock.now();
    await this.guarded(t, ['called', 'serving'], { status: 'done', finishedAt: now, finishedBy: caller.id });
    const closing = await this.closingTime(t.hallId, t.day);
    const past = minutesPastClosing(now, t.day, closing);
    if (past !== null && closing) {
      const fresh = await this.db.tickets.findOneOrFail({ where: { id: t.id } });
      try {
        await this.db.overtime.insert({
          id: newId(),
          ticketId: t.id,
          hallId: t.hallId,
          day: t.day,
          windowId: fresh.windowId ?? '',
          staffId: caller.id,
          closingTime: closing,
          finishedAt: now,
          minutesPastClosing: past,
          createdAt: now,
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    return this.staffView(t.id);
  }

  /** GET /staff/overtime-services?date=: 延时服务登记 of the caller's hall on a day (default today), latest first, for the supervisor's follow-up calls. */
  async overtimeList(caller: AuthUser, q: { date?: string; hallId?: string }): Promise<OvertimeServiceView[]> {
    const hallId = staffHall(caller, q.hallId);
    const day = q.date ?? this.today();
    const rows = await this.db.overtime.find({ where: { hallId, day }, order: { finishedAt: 'DESC' } });
    if (rows.length === 0) return [];
    const [tickets, windows, staff] = await Promise.all([
      this.db.tickets.find({ where: { id: In(rows.map((r) => r.ticketId)) }, select: { id: true, number: true, serviceId: true } }),
      this.db.windows.find({ where: { id: In([...new Set(rows.map((r) => r.windowId))]) } }),
      this.db.users.find({ where: { id: In([...new Set(rows.map((r) => r.staffId))]) }, select: { id: true, displayName: true, realName: true } }),
    ]);
    const ticketById = new Map(tickets.map((t) => [t.id, t]));
    const serviceName = await namesById(this.db.services, tickets.map((t) => t.serviceId));
    const windowName = new Map(windows.map((w) => [w.id, w.name]));
    const staffName = new Map(staff.map((u) => [u.id, u.displayName ?? u.realName]));
    return rows.map((r) => {
      const t = ticketById.get(r.ticketId);
      return {
        id: r.id,
        ticketId: r.ticketId,
        number: t?.number ?? '',
        hallId: r.hallId,
        date: r.day,
        serviceName: t ? (serviceName.get(t.serviceId) ?? '') : '',
        window: { id: r.windowId, name: windowName.get(r.windowId) ?? '' },
        staffId: r.staffId,
        staffName: staffName.get(r.staffId) ?? null,
        closingTime: r.closingTime,
        finishedAt: r.finishedAt.toISOString(),
        minutesPastClosing: r.minutesPastClosing,
      };
    });
  }

  /**
   * GET /staff/supervision/queues: today's queue of each hall in figures (queue.rules queueFigures) —
   * the caller's hall for staff, every hall for an admin (or the one asked with `hallId`), longest
   * queue first. One read of today's tickets (status and place in line only).
   */
  async hallFigures(caller: AuthUser, hallIdParam?: string): Promise<HallQueueFigures[]> {
    const only = caller.roles.includes('admin') && !hallIdParam ? null : staffHall(caller, hallIdParam);
    const now = this.clock.now();
    const [halls, tickets] = await Promise.all([
      this.db.halls.find({ where: only ? { id: only } : {}, select: { id: true, name: true } }),
      this.db.tickets.find({ where: { day: shanghaiDate(now), ...(only ? { hallId: only } : {}) }, select: { id: true, hallId: true, status: true, queuedAt: true } }),
    ]);
    const byHall = new Map<string, QueueTicketEntity[]>();
    for (const t of tickets) byHall.set(t.hallId, [...(byHall.get(t.hallId) ?? []), t]);
    return halls
      .map((h) => ({ hallId: h.id, hallName: h.name, ...queueFigures(byHall.get(h.id) ?? [], now) }))
      .sort((a, b) => b.waiting - a.waiting || b.longestWaitMinutes - a.longestWaitMinutes || a.hallName.localeCompare(b.hallName, 'zh'));
  }

  /** NOT_FOUND for an unknown hall. */
  async requireHall(hallId: string): Promise<void> {
    if (!isId(hallId) || !(await this.db.halls.exist({ where: { id: hallId } }))) throw notFound();
  }
}
