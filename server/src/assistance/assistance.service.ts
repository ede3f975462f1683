import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, Not, IsNull } from 'typeorm';
import { ASSISTANCE_KIND_LABELS, LINKS, type AssistanceKind, type AssistanceStatus, type AssistanceView, type RatedAssistanceView } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { forEachClaimed } from '../common/db/claim';
import { isId } from '../common/ids';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OversightService } from '../oversight/oversight.service';
import { RatingTarget, RatingTargets } from '../ratings/rating-targets';
import { ratingStage } from '../ratings/ratings.rules';
import { RatingsService } from '../ratings/ratings.service';
import { UsersService } from '../users/users.service';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';
import { DomainError } from '../common/errors/domain-error';
import { newPrincipalRow } from '../common/principal-row';
import { competentHall } from '../consultations/competent-hall';
import { HallRequestsService } from '../consultations/hall-requests.base';
import { UserEntity } from '../users/entities/user.entity';
import { requireVerified } from '../users/users.rules';
import { AssistanceRequestEntity } from './entities/assistance-request.entity';
import { assistanceDueBy, isAssistanceOverdue, mayMarkDone } from './assistance.rules';

/**
 * The centre's own free help (DESIGN.md, Across halls and departments; 罗山 帮办代办, 异地代办, 一对一专办):
 * an applicant asks for help with a service; a supervisor of the competent hall assigns a helper from
 * that hall, shown to the applicant with the hall's number; a `remote` request is due 7 working days
 * after it is accepted (assigned first) and goes to the supervisor when missed. The assigned helper
 * acts on the applicant's filings for that service as an agent does (ActingService asks here), until
 * the helper or a supervisor marks the request done; the applicant then rates the help (好差评,
 * target `assistance`).
 */
@Injectable()
export class AssistanceService extends HallRequestsService<AssistanceRequestEntity, AssistanceView> implements OnModuleInit {
  private readonly db = repositories(this.ds, { requests: AssistanceRequestEntity, services: ServiceEntity, halls: HallEntity, users: UserEntity });
  protected readonly requests = this.db.requests;

  constructor(
    @InjectDataSource() ds: DataSource,
    calendar: CalendarService,
    clock: ClockService,
    acting: ActingService,
    users: UsersService,
    access: AccessPolicy,
    audit: AuditService,
    notifications: NotificationsService,
    private readonly ratings: RatingsService,
    private readonly ratingTargets: RatingTargets,
    private readonly oversight: OversightService,
    tx: Transactions,
  ) {
    super(ds, calendar, clock, acting, users, access, audit, notifications, tx);
  }

  /** The helper acts for the applicant while assigned (not once done); the finished help is a rating target. */
  onModuleInit(): void {
    this.acting.acceptHelpersBy(async (staffId, userId, serviceId) => (await this.db.requests.count({ where: { helperId: staffId, userId, serviceId, status: 'assigned' } })) > 0);
    this.ratingTargets.register('assistance', (caller, id) => this.ratingTarget(caller, id));
  }

  /** GET /assistance-requests: the caller's requests, each with the stage it may be rated at once done. */
  async mine(caller: AuthUser): Promise<RatedAssistanceView[]> {
    return this.ratings.withRatingState(caller, 'assistance', await this.list(caller));
  }

  /**
   * A new request (POST /assistance-requests), `requested`, at the first hall handling the service.
   * Raises REAL_NAME_REQUIRED, NOT_FOUND (service), AUTHORIZATION_INVALID / AUDIENCE_MISMATCH (acting).
   */
  async create(caller: AuthUser, input: { serviceId: string; kind: AssistanceKind; note?: string }): Promise<AssistanceView> {
    requireVerified(await this.users.requireById(caller.id), '申请帮办代办');
    const hallId = await competentHall(this.ds, input.serviceId, null);
    const who = await this.acting.resolve(caller, undefined, input.serviceId);
    const now = this.clock.now();
    const row = this.db.requests.create({
      ...newPrincipalRow(who),
      serviceId: input.serviceId,
      hallId,
      kind: input.kind,
      note: input.note?.trim() || null,
      status: 'requested',
      helperId: null,
      assignedBy: null,
      assignedAt: null,
      dueBy: null,
      doneAt: null,
      doneBy: null,
      escalatedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.requests.insert(row);
    return (await this.views([row]))[0];
  }

  /** The hall's requests (all halls for an admin), oldest first, at most 500. */
  staffList(caller: AuthUser, status?: AssistanceStatus): Promise<AssistanceView[]> {
    return this.hallList(caller, status ? { status } : {}, { createdAt: 'ASC' });
  }

  /** The supervisor's list (GET /staff/supervision/assistance-requests): remote requests past their 7 working days. */
  overdue(caller: AuthUser): Promise<AssistanceView[]> {
    return this.hallList(caller, { dueBy: LessThan(this.clock.now()), status: 'assigned' }, { dueBy: 'ASC' });
  }

  /**
   * POST /staff/assistance-requests/:id/done: the helper (or a supervisor of the hall) marks the help
   * finished; the applicant is told and asked to rate it. Raises NOT_FOUND (another hall's request),
   * FORBIDDEN (another clerk's request), INVALID_STATE (not assigned, or done already).
   */
  async markDone(caller: AuthUser, id: string): Promise<AssistanceView> {
    const r = this.access.handled(caller, isId(id) ? await this.db.requests.findOne({ where: { id } }) : null);
    const verdict = mayMarkDone(r, caller);
    if (verdict === 'not_yours') throw new DomainError('FORBIDDEN', '只有负责的帮办专员或督办人员可以办结');
    if (verdict === 'not_assigned') throw new DomainError('INVALID_STATE', r.status === 'done' ? '该帮办代办已办结' : '尚未安排帮办专员，不能办结', { status: r.status });
    const now = this.clock.now();
    const done = await this.db.requests.update({ id, status: 'assigned', helperId: r.helperId! }, { status: 'done', doneAt: now, doneBy: caller.id, updatedAt: now });
    if (!done.affected) throw new DomainError('INVALID_STATE', '该申请刚刚已有变化，请刷新后再试');
    await this.audit.record({ actorId: caller.id, action: 'assistance.done', objectType: 'assistance_request', objectId: id });
    const [v] = await this.staffViews([await this.db.requests.findOneByOrFail({ id })]);
    await this.notifications.send({
      userId: r.userId,
      type: 'assistance_done',
      title: `${ASSISTANCE_KIND_LABELS[r.kind]}已办结`,
      body: `您申请的${v.serviceName}${ASSISTANCE_KIND_LABELS[r.kind]}已办结（帮办专员 ${v.helper?.name ?? '工作人员'}）。欢迎对本次帮办服务作出评价。`,
      link: LINKS.assistance(),
    });
    return v;
  }

  /**
   * One pass (with the `sla-scan` job): every `remote` request still not done past its 7 working days
   * and not yet escalated is marked (`escalated_at`, a conditional update: of several instances one
   * does it), put before its hall's supervisors and its department's reviewers, and its applicant is
   * told. Returns how many. Raises nothing of its own.
   */
  async escalateOverdue(): Promise<number> {
    const now = this.clock.now();
    const late = await this.db.requests.find({ where: { status: 'assigned', dueBy: LessThan(now), escalatedAt: IsNull() }, order: { dueBy: 'ASC' }, take: 500 });
    const claim = (em: EntityManager, r: AssistanceRequestEntity) => em.getRepository(AssistanceRequestEntity).update({ id: r.id, status: 'assigned', escalatedAt: IsNull() }, { escalatedAt: now });
    // each claim with its messages in one transaction
    return forEachClaimed(this.tx, late, claim, async (em, r) => {
      const [v] = await this.views([r]);
      const dept = await this.oversight.departmentOfService(r.serviceId);
      await this.oversight.escalate({
        hallId: r.hallId,
        departmentId: dept.id,
        title: '督办：异地代办超期未办结',
        body: `一件${v.serviceName}异地代办（帮办专员 ${v.helper?.name ?? '未知'}）已超过 7 个工作日办结期限（${shanghaiDate(r.dueBy!)}）仍未办结，请督促办理。`,
        link: LINKS.staffAssistance(),
        dedupeKey: `assistance-overdue:${r.id}`,
      }, em);
      await this.notifications.send({
        userId: r.userId,
        type: 'assistance_overdue',
        title: '异地代办已超期，已转督办',
        body: `您申请的${v.serviceName}异地代办未能在承诺的 7 个工作日内（${shanghaiDate(r.dueBy!)} 前）办结，已报大厅督办人员督促办理。`,
        link: LINKS.assistance(),
        dedupeKey: `assistance-overdue:${r.id}`,
      }, em);
    });
  }

  /** The request as a rating target (好差评) for one of its parties; null for anyone else. */
  private async ratingTarget(caller: AuthUser, id: string): Promise<RatingTarget | null> {
    const r = isId(id) ? await this.db.requests.findOne({ where: { id } }) : null;
    if (!r || !this.access.isParty(caller, r)) return null;
    const service = await this.db.services.findOne({ where: { id: r.serviceId }, select: { id: true, departmentId: true } });
    const stage = ratingStage('assistance', r.status);
    return { userId: r.userId, hallId: r.hallId, serviceId: r.serviceId, departmentId: service?.departmentId ?? null, stage, reached: stage ? [stage] : [] };
  }

  /**
   * Assign (or reassign) a helper: a staff member of the request's hall. The first assignment is the
   * acceptance: a `remote` request's 7 working days start then (kept on reassignment). The applicant is
   * told who will help. Raises NOT_FOUND (request of another hall, or `staffId` not staff of that hall).
   */
  async assign(caller: AuthUser, id: string, staffId: string): Promise<AssistanceView> {
    const r = this.access.handled(caller, await this.db.requests.findOne({ where: { id } }));
    const helper = await this.db.users.findOne({ where: { id: staffId, role: 'staff', hallId: r.hallId, disabled: false } });
    if (!helper) throw new DomainError('NOT_FOUND', '该工作人员不在本大厅');
    if (r.status === 'done') throw new DomainError('INVALID_STATE', '该帮办代办已办结', { status: r.status });
    const now = this.clock.now();
    const first = r.assignedAt === null;
    const dueBy = first ? assistanceDueBy(r.kind, now, (await this.calendar.view()).isWorkday) : r.dueBy;
    // the acceptance time is set once: a conditional update on `assigned_at IS NULL` for the first one
    const changes: Partial<AssistanceRequestEntity> = { status: 'assigned', helperId: helper.id, assignedBy: caller.id, ...(first ? { assignedAt: now, dueBy } : {}), updatedAt: now };
    // the message names the helper as the assigned request will show them
    const [v] = await this.staffViews([{ ...r, ...changes } as AssistanceRequestEntity]);
    // the assignment and the applicant's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(AssistanceRequestEntity).update(first ? { id, assignedAt: IsNull() } : { id, assignedAt: Not(IsNull()), status: 'assigned' }, changes);
      if (!done.affected) throw new DomainError('INVALID_STATE', '该申请刚刚已被安排，请刷新后再试');
      await this.notifications.send(
        {
          userId: r.userId,
          type: 'assistance_assigned',
          title: `${ASSISTANCE_KIND_LABELS[r.kind]}已安排专人`,
          body: `您申请的${v.serviceName}${ASSISTANCE_KIND_LABELS[r.kind]}已安排 ${v.helper?.name ?? '工作人员'}（${v.hallName}，电话 ${v.helper?.phone ?? ''}）为您服务，全程免费。`,
          link: LINKS.assistance(),
        },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: 'assistance.assign', objectType: 'assistance_request', objectId: id, data: { helperId: helper.id } });
    return (await this.staffViews([await this.db.requests.findOneByOrFail({ id })]))[0];
  }

  /** Staff see which of them helps (the helper marks the request done). */
  protected override async staffViews(rows: AssistanceRequestEntity[]): Promise<Array<AssistanceView & { applicantName: string | null }>> {
    const views = await super.staffViews(rows);
    return views.map((v, i) => ({ ...v, helperId: rows[i].helperId }));
  }

  protected async views(rows: AssistanceRequestEntity[]): Promise<AssistanceView[]> {
    if (!rows.length) return [];
    const now = this.clock.now();
    const helperIds = [...new Set(rows.flatMap((r) => (r.helperId ? [r.helperId] : [])))];
    const [s, halls, helpers] = await Promise.all([
      namesById(this.db.services, rows.map((r) => r.serviceId)),
      this.db.halls.find({ where: { id: In([...new Set(rows.map((r) => r.hallId))]) }, select: { id: true, name: true, phone: true } }),
      helperIds.length ? this.db.users.find({ where: { id: In(helperIds) }, select: { id: true, displayName: true, username: true } }) : Promise.resolve([]),
    ]);
    const h = new Map(halls.map((x) => [x.id, x]));
    const people = new Map(helpers.map((x) => [x.id, x.displayName ?? x.username ?? '工作人员']));
    return rows.map((r) => {
      const hall = h.get(r.hallId);
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        serviceId: r.serviceId,
        serviceName: s.get(r.serviceId) ?? '',
        hallId: r.hallId,
        hallName: hall?.name ?? '',
        note: r.note,
        createdAt: r.createdAt.toISOString(),
        assignedAt: r.assignedAt ? r.assignedAt.toISOString() : null,
        dueBy: r.dueBy ? r.dueBy.toISOString() : null,
        overdue: isAssistanceOverdue(r, now),
        doneAt: r.doneAt ? r.doneAt.toISOString() : null,
        helper: r.helperId ? { name: people.get(r.helperId) ?? '工作人员', hallName: hall?.name ?? '', phone: hall?.phone ?? '' } : null,
      };
    });
  }
}
