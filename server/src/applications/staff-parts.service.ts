import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import { ApplicationStatus, PART_STATUS_LABELS, PartAdvanceTarget, PartStatus } from '@gov/shared';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import { CertificatesService } from '../certificates/certificates.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { rolesOf, UsersService } from '../users/users.service';
import { ApplicationAction, checkDecisions, Decision, lockedFlags, slaState } from './applications.rules';
import { CommitmentsService } from './commitments.service';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity, NoticeItem } from './entities/application-notice.entity';
import { ApplicationPartEntity, PartFlag } from './entities/application-part.entity';
import { ApplicationEntity } from './entities/application.entity';
import { Actor, FilingKernel, Step, SYSTEM_ACTOR } from './filing-kernel.service';
import { bundleResult, deemedToAgree, PartAction, partActionOf, partTransition, prereviewOutcome } from './parts.rules';
import { DECISION_REFUSALS, decisionVerdict } from './separation.rules';
import { StaffApplicationsService, StaffApplicationView } from './staff-applications.service';

/** Filing states in which the departments review and decide their parts. */
const REVIEWING: readonly ApplicationStatus[] = ['accepted', 'under_review'];

/**
 * The departments' side of a 一件事 filing (DESIGN.md, Across halls and departments; 罗山 联合办理):
 * each part pre-reviewed and decided in parallel by its department's reviewers (受审分离: never the
 * one who accepted the filing), one combined correction notice once every part has pre-reviewed,
 * one combined result once every part is decided, and 超时默认 for a part whose time ran out.
 * Every part step is a timeline event of the filing; steps of one filing are ordered by its row lock.
 */
@Injectable()
export class StaffPartsService {
  constructor(
    @InjectRepository(ApplicationPartEntity) private readonly parts: Repository<ApplicationPartEntity>,
    private readonly staff: StaffApplicationsService,
    private readonly kernel: FilingKernel,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly catalog: CatalogService,
    private readonly certificates: CertificatesService,
    private readonly commitments: CommitmentsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** A part of a 一件事 filing of the caller's hall; NOT_FOUND otherwise (also for a filing of one service). */
  private async part(caller: AuthUser, id: string, partId: string): Promise<{ a: ApplicationEntity; part: ApplicationPartEntity; department: string }> {
    const a = await this.staff.handled(caller, id);
    const part = a.bundleId && isId(partId) ? await this.parts.findOne({ where: { id: partId, applicationId: a.id } }) : null;
    if (!part) throw new DomainError('NOT_FOUND');
    const department = (await this.catalog.listDepartments()).find((d) => d.id === part.departmentId)?.name ?? '';
    return { a, part, department };
  }

  /**
   * 受审分离 for a part: a reviewer of the part's department (or an admin) pre-reviews and decides
   * it, and never the person who accepted the filing (`deciding`). Throws FORBIDDEN or SEPARATION_OF_DUTIES.
   */
  private async mayAct(caller: AuthUser, a: ApplicationEntity, part: ApplicationPartEntity, deciding: boolean): Promise<void> {
    const [me, acceptedBy] = await Promise.all([this.users.findById(caller.id), deciding ? this.kernel.acceptedBy(a.id) : Promise.resolve(null)]);
    const verdict = decisionVerdict({ id: caller.id, roles: me ? rolesOf(me) : caller.roles, departmentId: me?.departmentId ?? null }, { departmentId: part.departmentId, acceptedBy }, deciding);
    if (verdict !== 'ok') throw new DomainError(DECISION_REFUSALS[verdict].code, DECISION_REFUSALS[verdict].message);
  }

  private invalid(status: ApplicationStatus | PartStatus, message: string): DomainError {
    return new DomainError('INVALID_STATE', message, { status });
  }

  /**
   * POST /staff/applications/:id/parts/:partId/prereview: the department's conclusion on each of its
   * part's materials, while the filing waits for pre-review (`submitted`). When it is the last part
   * to answer, the filing moves: one combined notice (一次性告知) naming every part's flags, or
   * `prereview_passed`. After a notice, only materials it named or the applicant changed may be
   * flagged. Returns the staff view. Throws NOT_FOUND, FORBIDDEN, INVALID_STATE, VALIDATION_FAILED,
   * NOTICE_LOCKED (`materialIds`).
   */
  async prereview(caller: AuthUser, id: string, partId: string, decisions: Decision[]): Promise<StaffApplicationView> {
    const { a, part, department } = await this.part(caller, id, partId);
    await this.mayAct(caller, a, part, false);
    if (a.status !== 'submitted') throw this.invalid(a.status, `办件当前不在预审阶段（${a.status}），不能预审`);
    const action: PartAction = decisions.some((d) => !d.ok) ? 'part_flag' : 'part_pass';
    const to = partTransition(part.status, action);
    if (!to) throw this.invalid(part.status, `该部门事项当前为“${PART_STATUS_LABELS[part.status]}”，不能预审`);
    const rows = (await this.kernel.materialsOf(a.id)).filter((r) => part.materialIds.includes(r.materialId));
    const problems = checkDecisions(part.materialIds, decisions);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', '须对本部门事项的全部材料一次性作出结论，需补正的材料须写明原因', { fields: problems });
    const hashes = await this.kernel.materialHashes(a.id);
    const locked = lockedFlags(
      {
        notices: a.noticeCount,
        named: new Set(rows.filter((r) => r.reviewOk === false).map((r) => r.materialId)),
        changed: new Set(rows.filter((r) => this.kernel.changedSince(a, r, hashes.get(r.materialId) ?? [])).map((r) => r.materialId)),
      },
      decisions,
    );
    if (locked.length) {
      const names = rows.filter((r) => locked.includes(r.materialId)).map((r) => r.name);
      throw new DomainError('NOTICE_LOCKED', `一次性告知未列明且申请人未更换的材料不能再要求补正：${names.join('、')}`, { materialIds: locked });
    }
    const flags: PartFlag[] = decisions.filter((d) => !d.ok).map((d) => ({ materialId: d.materialId, reason: (d.reason ?? '').trim() }));
    const actor = await this.staff.staffActor(caller);
    const deadline = await this.kernel.correctionDeadline();
    const now = this.clock.now();
    const departments = new Map((await this.catalog.listDepartments()).map((d) => [d.id, d.name]));
    let outcome = 'waiting' as 'waiting' | 'flag' | 'pass';
    let items: NoticeItem[] = [];
    await this.tx.run(async (em) => {
      const fresh = await this.kernel.lockFiling(em, a.id);
      if (fresh.status !== 'submitted') throw this.invalid(fresh.status, '办件状态已变化，请刷新后重试');
      await this.movePart(em, part, to, { flags });
      const own = flags.length ? `需补正 ${flags.length} 项：${flags.map((f) => rows.find((r) => r.materialId === f.materialId)!.name).join('、')}` : '本部门材料齐全';
      await this.kernel.event(em, a.id, fresh.status, action, actor, `【${department}】${own}`);
      const all = await em.find(ApplicationPartEntity, { where: { applicationId: a.id }, order: { sortOrder: 'ASC' } });
      outcome = prereviewOutcome(all);
      if (outcome === 'waiting') return;
      const materials = await em.find(ApplicationMaterialEntity, { where: { applicationId: a.id }, order: { sortOrder: 'ASC' } });
      items = combinedNotice(all, materials, departments);
      if (outcome === 'pass') {
        for (const m of materials) await em.update(ApplicationMaterialEntity, { id: m.id }, { reviewOk: true, reviewReason: null, changedAfterNotice: false });
        await this.kernel.applyWithin(em, this.kernel.begin(fresh, 'pass', 'staff'), actor, {}, '各部门预审通过（一件事联合预审），请携带原件到窗口办理受理');
        return;
      }
      // one combined notice: every part's flags at once, each material as it stands recorded
      const round = fresh.noticeCount + 1;
      const flagged = new Map(items.map((i) => [i.materialId, i]));
      for (const m of materials) {
        const f = flagged.get(m.materialId);
        const files = [...new Set(hashes.get(m.materialId) ?? [])].sort();
        await em.update(
          ApplicationMaterialEntity,
          { id: m.id },
          { reviewOk: !f, reviewReason: f ? f.reason : null, changedAfterNotice: false, ...(f ? { flaggedEver: true } : {}), noticeState: { files, committed: m.committedAt !== null } },
        );
      }
      await em.insert(ApplicationNoticeEntity, { id: newId(), applicationId: a.id, round, issuedAt: now, issuedBy: caller.id, deadline, items });
      const list = items.map((f, i) => `${i + 1}. ${f.name}（${f.departmentName}）：${f.reason}`).join('\n');
      await this.kernel.applyWithin(em, this.kernel.begin(fresh, 'flag', 'staff'), actor, { noticeCount: round }, `一次性告知（一件事联合预审）：需补正 ${items.length} 项材料，请于 ${deadline} 前补正。\n${list}`);
    });
    await this.audit.record({ actorId: caller.id, action: 'application.part_prereview', objectType: 'application', objectId: a.id, data: { partId: part.id, flagged: flags.map((f) => f.materialId) } });
    const fresh = (await this.kernel.find(a.id))!;
    if (outcome === 'pass') await this.kernel.tell(fresh, '预审通过', `您的办件 ${fresh.number} 已通过各部门网上预审，请按办事指南携带材料原件到窗口办理受理。`);
    if (outcome === 'flag') {
      const list = items.map((f, i) => `${i + 1}. ${f.name}（${f.departmentName}）：${f.reason}`).join('\n');
      await this.kernel.tell(
        fresh,
        '补正材料告知书（一次性告知）',
        `您的办件 ${fresh.number} 经各部门联合预审，需补正以下 ${items.length} 项材料，请于 ${deadline} 前一并补正后重新提交：\n${list}\n除上述材料外，不会再要求您补正其他材料。`,
        `notice${fresh.noticeCount}`,
      );
    }
    return (await this.staff.staffViews([fresh], true))[0];
  }

  /**
   * POST /staff/applications/:id/parts/:partId/advance: the department opens its review, or decides
   * its part (a note the applicant reads), by a reviewer of that department who did not accept the
   * filing; an approval of a licence-issuing service issues its certificate. The first step of any
   * part puts the filing under review; the last decision gives the combined result. Returns the
   * staff view. Throws NOT_FOUND, FORBIDDEN, SEPARATION_OF_DUTIES, INVALID_STATE, VALIDATION_FAILED
   * (`note` missing for a decision), MATERIALS_OUTSTANDING (approval while a 容缺 material is owed).
   */
  async advance(caller: AuthUser, id: string, partId: string, target: PartAdvanceTarget, note?: string): Promise<StaffApplicationView> {
    const { a, part, department } = await this.part(caller, id, partId);
    const action = partActionOf(target);
    if (!REVIEWING.includes(a.status)) throw this.invalid(a.status, '办件尚未受理或已办结，部门不能审批');
    const to = partTransition(part.status, action);
    if (!to) throw this.invalid(part.status, `该部门事项当前为“${PART_STATUS_LABELS[part.status]}”，不能${target === 'under_review' ? '开始审查' : '作出决定'}`);
    await this.mayAct(caller, a, part, action !== 'part_start_review');
    const text = note?.trim() ?? '';
    if (action !== 'part_start_review' && !text) throw fieldError('note', '请填写决定说明', '作出决定须填写决定说明');
    if (action === 'part_approve') await this.commitments.assertNothingOwed(a);
    const actor = await this.staff.staffActor(caller);
    const label = action === 'part_start_review' ? '开始审查' : action === 'part_approve' ? '准予许可' : '不予许可';
    const result = await this.step(a, part, to, action, actor, `【${department}】${label}${text ? `：${text}` : ''}`, { decidedBy: action === 'part_start_review' ? null : caller.id, decisionNote: text || null });
    await this.audit.record({ actorId: caller.id, action: `application.${action}`, objectType: 'application', objectId: a.id, reason: text || null, data: { partId: part.id } });
    const service = await this.catalog.service(part.serviceId);
    if (action !== 'part_start_review') {
      await this.kernel.tell(result.filing, `${service?.name ?? ''}：${label}`, `您的一件事办件 ${a.number} 中“${service?.name ?? ''}”（${department}）${label}。${text}`);
    }
    await this.tellResult(result);
    return (await this.staff.staffViews([result.filing], true))[0];
  }

  /**
   * The `deemed-agreement` job (超时默认, 罗山 联合办理 六(二)): every part accepted or under review
   * whose due time has passed undecided is deemed to agree as at that time, recorded as such on the
   * timeline (a licence-issuing part's certificate issued); the last part decided gives the
   * combined result. Idempotent conditional updates: any number of instances may run it. Returns
   * how many parts were deemed and how many filings got their result.
   */
  async deemedAgreement(): Promise<{ deemed: number; combined: number }> {
    const now = this.clock.now();
    const late = await this.parts.find({ where: { status: In(['accepted', 'under_review']), dueAt: LessThan(now) }, order: { dueAt: 'ASC' }, take: 500 });
    const departments = new Map((await this.catalog.listDepartments()).map((d) => [d.id, d.name]));
    let deemed = 0;
    let combined = 0;
    for (const p of late) {
      if (!deemedToAgree(p, now)) continue;
      const a = await this.kernel.find(p.applicationId);
      if (!a || !REVIEWING.includes(a.status)) continue;
      const due = shanghaiDate(p.dueAt!);
      const note = `【${departments.get(p.departmentId) ?? ''}】未在承诺时限（${due}）内作出决定，依联合办理规定视为同意（超时默认）`;
      try {
        const result = await this.step(a, p, 'deemed_approved', 'part_deemed', SYSTEM_ACTOR, note, { decidedBy: null, decisionNote: '超时默认同意', deemed: true }, p.dueAt!);
        deemed++;
        const service = await this.catalog.service(p.serviceId);
        await this.kernel.tell(result.filing, `${service?.name ?? ''}：超时默认同意`, `您的一件事办件 ${a.number} 中“${service?.name ?? ''}”，承办部门未在承诺时限（${due}）内作出决定，依规定视为同意。`, `deemed:${p.id}`);
        if (await this.tellResult(result)) combined++;
      } catch (e) {
        // another instance (or the department) moved it first
        if ((e as { code?: string }).code !== 'INVALID_STATE') throw e;
      }
    }
    return { deemed, combined };
  }

  /**
   * One part step in one transaction under the filing's lock: the part moved (conditionally), the
   * timeline event at `at`, a licence-issuing part's certificate on approval, the filing put under
   * review on its first part step, and the combined result once every part is decided.
   * Throws INVALID_STATE when the part or the filing moved meanwhile.
   */
  private async step(
    a: ApplicationEntity,
    part: ApplicationPartEntity,
    to: PartStatus,
    action: PartAction,
    actor: Actor,
    note: string,
    patch: Partial<ApplicationPartEntity>,
    at: Date = this.clock.now(),
  ): Promise<{ filing: ApplicationEntity; result: 'approve' | 'deny' | null }> {
    const now = this.clock.now();
    const decided = to === 'approved' || to === 'denied' || to === 'deemed_approved';
    const service = to === 'approved' || to === 'deemed_approved' ? await this.catalog.service(part.serviceId) : null;
    const cal = await this.calendar.view();
    let result: 'approve' | 'deny' | null = null;
    await this.tx.run(async (em) => {
      const fresh = await this.kernel.lockFiling(em, a.id);
      if (!REVIEWING.includes(fresh.status)) throw this.invalid(fresh.status, '办件状态已变化，请刷新后重试');
      await this.movePart(em, part, to, { ...patch, ...(decided ? { decidedAt: at } : {}) });
      await this.kernel.event(em, a.id, fresh.status, action, actor, note, at);
      if (service?.certificateType) {
        await this.certificates.issueWithin(em, {
          filing: fresh,
          service: { id: service.id, code: service.code, certificateType: service.certificateType, certificateYears: service.certificateYears, decidingBody: service.decidingBody, departmentId: service.departmentId },
        });
      }
      if (fresh.status === 'accepted') {
        await this.kernel.applyWithin(em, this.systemStep(fresh, 'start_review', 'under_review'), actor.kind === 'system' ? SYSTEM_ACTOR : actor, {}, '各部门并联审查');
        fresh.status = 'under_review';
      }
      const all = await em.find(ApplicationPartEntity, { where: { applicationId: a.id }, order: { sortOrder: 'ASC' } });
      result = bundleResult(all);
      if (!result) return;
      const count = (st: PartStatus) => all.filter((p) => p.status === st).length;
      const summary = `一件事办结：${all.length} 个部门事项中，准予 ${count('approved')} 项、超时默认同意 ${count('deemed_approved')} 项、不予许可 ${count('denied')} 项`;
      // decided when its last part was (a part deemed to agree counts as of its due time, not the job's run)
      const decidedAt = new Date(Math.max(...all.map((p) => p.decidedAt?.getTime() ?? now.getTime())));
      const sla = slaState({ status: result === 'approve' ? 'approved' : 'denied', dueAt: fresh.dueAt, decidedAt }, now, cal.isWorkday);
      await this.kernel.applyWithin(em, this.systemStep(fresh, result, result === 'approve' ? 'approved' : 'denied'), SYSTEM_ACTOR, { decidedAt, decisionNote: summary, sla }, summary);
      Object.assign(fresh, { status: result === 'approve' ? 'approved' : 'denied', decidedAt, decisionNote: summary, sla });
    });
    return { filing: (await this.kernel.find(a.id))!, result };
  }

  /** A step of the filing's own state machine taken for the parts (by the centre, not by a person). Throws INVALID_STATE. */
  private systemStep(a: ApplicationEntity, action: ApplicationAction, to: ApplicationStatus): Step {
    const allowed = this.kernel.begin(a, action, 'staff');
    if (allowed.to !== to) throw this.invalid(a.status, '办件状态已变化，请刷新后重试');
    return allowed;
  }

  /** Moves a part from the status it was read in; INVALID_STATE when another step moved it first. */
  private async movePart(em: EntityManager, part: ApplicationPartEntity, to: PartStatus, patch: Partial<ApplicationPartEntity>): Promise<void> {
    const r = await em.update(ApplicationPartEntity, { id: part.id, status: part.status }, { ...patch, status: to, updatedAt: this.clock.now() });
    if (!r.affected) throw this.invalid(part.status, '该部门事项状态已变化，请刷新后重试');
  }

  /** The applicant's message of the combined result, when the step gave one. Returns whether it did. */
  private async tellResult(r: { filing: ApplicationEntity; result: 'approve' | 'deny' | null }): Promise<boolean> {
    if (!r.result) return false;
    const certs = [...(await this.certificates.ofFilingServices([r.filing.id])).values()];
    const issued = certs.length ? `已核发电子证照：${certs.map((c) => `《${c.type}》（编号 ${c.number}）`).join('、')}，可在“我的证照”中查看。` : '';
    await this.kernel.tell(
      r.filing,
      r.result === 'approve' ? '一件事已办结（准予许可）' : '一件事已办结',
      `您的一件事办件 ${r.filing.number} 各部门均已办结。${r.filing.decisionNote ?? ''}。${issued}可在办件详情中查看各部门结果。`,
      'bundle-result',
    );
    return true;
  }
}

/**
 * The combined notice: every part's flags, a material two departments flagged named once with
 * both reasons, in the checklist's order.
 */
function combinedNotice(parts: ApplicationPartEntity[], materials: ApplicationMaterialEntity[], departments: Map<string, string>): NoticeItem[] {
  const items: NoticeItem[] = [];
  for (const m of materials) {
    const by = parts.flatMap((p) => p.flags.filter((f) => f.materialId === m.materialId).map((f) => ({ department: departments.get(p.departmentId) ?? '', reason: f.reason })));
    if (!by.length) continue;
    items.push({
      materialId: m.materialId,
      name: m.name,
      reason: by.length === 1 ? by[0].reason : by.map((b) => `${b.department}：${b.reason}`).join('；'),
      departmentName: by.map((b) => b.department).join('、'),
    });
  }
  return items;
}
