import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, Not, Repository } from 'typeorm';
import { dateLabel, LINKS } from '@gov/shared';
import type { StaffApplicationView } from '@gov/shared';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { forEachClaimed } from '../common/db/claim';
import { Transactions } from '../common/db/transactions';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { OversightService } from '../oversight/oversight.service';
import { UsersService } from '../users/users.service';
import { visibleFiling } from './applications.access';
import { AccessPolicy } from '../access/access-policy.service';
import { slaState } from './applications.rules';
import { ApplicationEntity } from './entities/application.entity';
import { Actor, FilingKernel } from './filing-kernel.service';
import { extendDue, forwardProblem, IN_TRANSIT, lateReception, receiveBy, transitWorkingDays } from './forwarding.rules';
import { StaffApplicationsService } from './staff-applications.service';

const DAY = 86_400_000;

/**
 * 同城通办 / 跨层联办 (DESIGN.md, Across halls and departments; API.md POST /staff/applications/:id/forward
 * and /receive): a window forwards a filing it accepted to the competent hall, whose staff receive it
 * within one working day (the promised-days clock paused in between, `dueAt` extended by the working
 * days in transit); after the decision the competent hall sends the result back, and the filing
 * hall's staff receive it and deliver it. `hallId` is always the hall whose staff act next; the
 * other hall keeps seeing the filing (visibleFiling). A reception later than its working day goes to
 * the supervisors of both halls (a message, and the board's `lateTransfers`). The responsible person
 * (首问负责) and the applicant are never changed by a transfer.
 */
@Injectable()
export class ForwardingService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    private readonly kernel: FilingKernel,
    private readonly staff: StaffApplicationsService,
    private readonly access: AccessPolicy,
    private readonly catalog: CatalogService,
    private readonly calendar: CalendarService,
    private readonly oversight: OversightService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
  ) {}

  /** A filing held by the caller's hall (admin: any), never a draft; else 404. */
  private async held(caller: AuthUser, id: string): Promise<ApplicationEntity> {
    const a = visibleFiling(this.access, caller, await this.kernel.find(id));
    return this.access.handled(caller, a);
  }

  private async actor(caller: AuthUser): Promise<Actor> {
    const u = await this.users.findById(caller.id);
    return { kind: 'staff', id: caller.id, name: u?.displayName ?? null, principalId: null };
  }

  /**
   * POST /staff/applications/:id/forward `{ hallId }`: an accepted filing goes to the competent hall
   * (`forwarding`), a hall that handles the service in the same city chain; a decided one that was
   * forwarded here goes back to the hall where it was filed (`returning`). The clock pauses either
   * way. Returns the staff view. Throws NOT_FOUND (not the caller's hall; unknown target hall),
   * INVALID_STATE, VALIDATION_FAILED (`hallId`: the same hall, the caller's hall handles the service
   * itself, a hall that does not handle the service, another city, or for a result not the filing hall).
   */
  async forward(caller: AuthUser, id: string, hallId: string): Promise<StaffApplicationView> {
    const a = await this.held(caller, id);
    const back = a.status === 'approved' || a.status === 'denied';
    const step = this.kernel.begin(a, back ? 'send_back' : 'forward', 'staff');
    // 一件事: filed at a hall handling every service, and its parts' clocks are not paused by transit
    if (a.bundleId) throw new DomainError('INVALID_STATE', '一件事在能办理全部事项的大厅受理和办结，不转办', { status: a.status, bundleId: a.bundleId });
    const [halls, offering] = await Promise.all([this.catalog.allHalls(), this.catalog.hallsOffering(a.serviceId)]);
    const target = halls.get(hallId);
    if (!target) throw new DomainError('NOT_FOUND', '没有这个大厅');
    const from = halls.get(a.hallId);
    const now = this.clock.now();
    const by = receiveBy(now, (await this.calendar.view()).isWorkday);
    if (back) {
      if (!a.filedHallId || a.filedHallId === a.hallId) throw new DomainError('INVALID_STATE', '该办件不是转办件，请直接送达', { status: a.status });
      if (hallId !== a.filedHallId) throw fieldError('hallId', '办理结果须回传申请人提交申请的大厅', '办理结果须回传受理大厅');
      const told = this.kernel.telling(a, '办理结果回传中', `您的办件 ${a.number} 已由${from?.name ?? '承办大厅'}办结，办理结果正回传${target.name}，届时可在该大厅领取或按您选择的方式送达。`);
      await this.kernel.apply(step, await this.actor(caller), { hallId, transitSince: now, transitEscalatedAt: null }, `办理结果回传${target.name}（在途期间计时暂停），应于 ${dateLabel(by)} 前接收`, told);
    } else {
      const problem = forwardProblem(halls, offering.map((h) => h.id), a.hallId, hallId);
      if (problem === 'SAME_HALL') throw fieldError('hallId', '办件已在该大厅');
      if (problem === 'HANDLED_HERE') throw fieldError('hallId', '本大厅办理该事项，无需转办', '本大厅办理该事项，无需转办');
      if (problem === 'NOT_COMPETENT') throw fieldError('hallId', `${target.name}不办理该事项`, '所选大厅不办理该事项');
      if (problem === 'OTHER_CITY') throw fieldError('hallId', `${target.name}不在同城通办范围内`, '所选大厅不在同城通办范围内');
      const filedHallId = a.filedHallId ?? a.hallId;
      await this.kernel.apply(
        step,
        await this.actor(caller),
        { hallId, filedHallId, competentHallId: hallId, transitSince: now, transitEscalatedAt: null, sla: null },
        `计时暂停：转至${target.name}办理（同城通办），应于 ${dateLabel(by)} 前接收`,
        this.kernel.telling(
          a,
          '办件已转办',
          `您的办件 ${a.number} 已由${from?.name ?? '受理大厅'}转至${target.name}办理（同城通办），转办在途时间不计入承诺办结时限。办理结果将回传${halls.get(filedHallId)?.name ?? '受理大厅'}，您可在该大厅领取或按您选择的方式送达。`,
        ),
      );
    }
    await this.audit.record({ actorId: caller.id, action: back ? 'application.send_back' : 'application.forward', objectType: 'application', objectId: a.id, data: { to: hallId } });
    return (await this.staff.staffViews([a], true))[0];
  }

  /**
   * POST /staff/applications/:id/receive: the competent hall's staff take a forwarded filing (the
   * clock runs again, `dueAt` extended by the working days in transit), or the filing hall's staff
   * take a result back (its decision again, for delivery). A late reception that no scan had put
   * before both halls' supervisors yet is put before them now. Returns the staff view. Throws
   * NOT_FOUND (not held by the caller's hall) or INVALID_STATE (not in transit).
   */
  async receive(caller: AuthUser, id: string): Promise<StaffApplicationView> {
    const a = await this.held(caller, id);
    const returning = a.status === 'returning';
    const decision = returning ? await this.kernel.decisionOf(a.id) : null;
    const step = this.kernel.begin(a, returning ? (decision === 'deny' ? 'receive_denied' : 'receive_approved') : 'receive', 'staff');
    const since = a.transitSince;
    const now = this.clock.now();
    const cal = await this.calendar.view();
    const late = since !== null && lateReception(since, shanghaiDate(now), cal.isWorkday);
    // a late reception no scan had put before the supervisors yet: told in the reception's own transaction
    const escalate = async (em: EntityManager): Promise<void> => {
      if (late && since && a.transitEscalatedAt === null) await this.escalate(a, since, em);
    };
    const lateNote = late ? `（超过接收时限 ${dateLabel(receiveBy(since, cal.isWorkday))}，已报两地督办）` : '';
    if (returning) {
      await this.kernel.apply(step, await this.actor(caller), { transitSince: null, transitEscalatedAt: null }, `已接收回传的办理结果，待送达${lateNote}`, escalate);
    } else {
      const days = since ? transitWorkingDays(since, now, cal.isWorkday) : 0;
      const dueAt = a.dueAt ? extendDue(a.dueAt, days, cal.isWorkday) : null;
      const sla = dueAt ? slaState({ status: 'accepted', dueAt, decidedAt: null }, now, cal.isWorkday) : null;
      const due = dueAt ? `，办结期限${days ? '顺延' : ''}至 ${dateLabel(shanghaiDate(dueAt))}` : '';
      const here = await this.catalog.hall(a.hallId);
      await this.kernel.apply(
        step,
        await this.actor(caller),
        { transitSince: null, transitEscalatedAt: null, transitDays: a.transitDays + days, dueAt, sla: sla === 'overdue' ? null : sla },
        `计时恢复：在途 ${days} 个工作日不计入承诺时限${due}${lateNote}`,
        // back to `accepted`, which the applicant was told of by SMS at the window: no second 受理 SMS
        async (em, to) => {
          await escalate(em);
          await this.kernel.tell(a, '转办已接收', `您的办件 ${a.number} 已由${here?.name ?? '承办大厅'}接收办理${due}。`, null, { em, to, sms: false });
        },
      );
    }
    await this.audit.record({ actorId: caller.id, action: 'application.receive', objectType: 'application', objectId: a.id, data: { late } });
    return (await this.staff.staffViews([a], true))[0];
  }

  /**
   * Part of the `sla-scan` job: every filing in transit past its reception day and not yet put
   * before the supervisors is marked (`transit_escalated_at`, a conditional update, so that of
   * several instances one does it) and put before the supervisors of both halls. Returns how many.
   */
  async scanLate(): Promise<number> {
    const now = this.clock.now();
    const cal = await this.calendar.view();
    const today = shanghaiDate(now);
    // one working day is at least one calendar day: younger transfers cannot be late
    const moving = await this.apps.find({ where: { status: In([...IN_TRANSIT]), transitSince: LessThan(new Date(now.getTime() - DAY)), transitEscalatedAt: IsNull() }, take: 500 });
    const late = moving.filter((a) => a.transitSince && lateReception(a.transitSince, today, cal.isWorkday));
    // the mark and the supervisors' messages in one transaction (forEachClaimed): marked and told, or neither
    return forEachClaimed(
      this.tx,
      late,
      (em, a) => em.update(ApplicationEntity, { id: a.id, status: a.status, transitSince: a.transitSince!, transitEscalatedAt: IsNull() }, { transitEscalatedAt: now }),
      (em, a) => this.escalate(a, a.transitSince!, em),
    );
  }

  /** 督办 of a late reception: the supervisors of the sending and the receiving hall, once per trip. */
  private async escalate(a: ApplicationEntity, since: Date, em?: EntityManager): Promise<void> {
    const halls = await this.catalog.hallsById([a.filedHallId, a.competentHallId]);
    const [fromId, toId] = a.status === 'returning' ? [a.competentHallId, a.filedHallId] : [a.filedHallId, a.competentHallId];
    const service = await this.catalog.service(a.serviceId);
    const by = receiveBy(since, (await this.calendar.view()).isWorkday);
    const what = a.status === 'returning' ? '办理结果回传' : '转办';
    const body = `办件 ${a.number}（${service?.name ?? ''}）由${halls.get(fromId ?? '')?.name ?? ''}${what}至${halls.get(toId ?? '')?.name ?? ''}，应于 ${dateLabel(by)} 前接收，已超时，请督促接收。`;
    for (const hallId of [...new Set([fromId, toId])]) {
      if (!hallId) continue;
      await this.oversight.escalate({ hallId, departmentId: null, title: '督办：转办超时未接收', body, link: LINKS.staffFiling(a.id), dedupeKey: `transfer-late:${a.id}:${since.getTime()}` }, em);
    }
  }

  /**
   * For the supervisor's board: filings sent from or to the caller's hall (every hall for an
   * admin) still in transit past their reception day, the longest waiting first. Raises nothing.
   */
  async lateTransfers(caller: AuthUser): Promise<StaffApplicationView[]> {
    const admin = caller.roles.includes('admin');
    if (!admin && !caller.hallId) return [];
    const inTransit = { status: In([...IN_TRANSIT]), transitSince: Not(IsNull()) };
    const where = admin ? [inTransit] : [{ ...inTransit, filedHallId: caller.hallId! }, { ...inTransit, competentHallId: caller.hallId! }];
    const rows = await this.apps.find({ where, order: { transitSince: 'ASC' }, take: 500 });
    const cal = await this.calendar.view();
    const today = shanghaiDate(this.clock.now());
    const late = rows.filter((a) => a.transitSince && lateReception(a.transitSince, today, cal.isWorkday));
    return this.staff.staffViews(late, false);
  }
}
