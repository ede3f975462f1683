import { Injectable } from '@nestjs/common';
import { In, LessThan, Not, IsNull } from 'typeorm';
import { ASSISTANCE_KIND_LABELS, LINKS, type AssistanceKind, type AssistanceStatus, type AssistanceView } from '@gov/shared';
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
import { assistanceDueBy, isAssistanceOverdue } from './assistance.rules';

/**
 * The centre's own free help (DESIGN.md, Across halls and departments; 罗山 帮办代办, 异地代办, 一对一专办):
 * an applicant asks for help with a service; a supervisor of the competent hall assigns a helper from
 * that hall, shown to the applicant with the hall's number; a `remote` request is due 7 working days
 * after it is accepted (assigned first) and goes to the supervisor when missed.
 */
@Injectable()
export class AssistanceService extends HallRequestsService<AssistanceRequestEntity, AssistanceView> {
  private readonly db = repositories(this.ds, { requests: AssistanceRequestEntity, services: ServiceEntity, halls: HallEntity, users: UserEntity });
  protected readonly requests = this.db.requests;

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
    return this.hallList(caller, { dueBy: LessThan(this.clock.now()) }, { dueBy: 'ASC' });
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
    const now = this.clock.now();
    const first = r.assignedAt === null;
    const dueBy = first ? assistanceDueBy(r.kind, now, (await this.calendar.view()).isWorkday) : r.dueBy;
    // the acceptance time is set once: a conditional update on `assigned_at IS NULL` for the first one
    const changes: Partial<AssistanceRequestEntity> = { status: 'assigned', helperId: helper.id, assignedBy: caller.id, ...(first ? { assignedAt: now, dueBy } : {}), updatedAt: now };
    // the message names the helper as the assigned request will show them
    const [v] = await this.staffViews([{ ...r, ...changes } as AssistanceRequestEntity]);
    // the assignment and the applicant's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(AssistanceRequestEntity).update(first ? { id, assignedAt: IsNull() } : { id, assignedAt: Not(IsNull()) }, changes);
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
        helper: r.helperId ? { name: people.get(r.helperId) ?? '工作人员', hallName: hall?.name ?? '', phone: hall?.phone ?? '' } : null,
      };
    });
  }
}
