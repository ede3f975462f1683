import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, In, Not, Repository } from 'typeorm';
import { ApplicationStatus, DELIVERY_METHOD_LABELS, DeliveryMethod, SlaState } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { CatalogService } from '../catalog/catalog.service';
import { CertificatesService } from '../certificates/certificates.service';
import { CalendarService } from '../calendar/calendar.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { ApplicantRevealed, ApplicantsService } from '../users/applicants.service';
import { rolesOf, UsersService } from '../users/users.service';
import { DECISION_REFUSALS, decisionVerdict } from './separation.rules';
import { visibleFiling } from './applications.access';
import { checkDecisions, Decision, lockedFlags, slaState, staffOrder } from './applications.rules';
import { AdvanceTarget } from './dto/applications.dto';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity, NoticeItem } from './entities/application-notice.entity';
import { ApplicationEntity } from './entities/application.entity';
import { CommitmentsService } from './commitments.service';
import { Actor, FilingKernel } from './filing-kernel.service';
import type { StaffApplicationView } from '@gov/shared';
export type { StaffApplicationView } from '@gov/shared';

/** INVALID_STATE for a 一件事 filing: its departments pre-review and decide their parts instead. */
function notBundled(a: ApplicationEntity, message: string): void {
  if (a.bundleId) throw new DomainError('INVALID_STATE', message, { status: a.status, bundleId: a.bundleId });
}

/** A reviewer's note as a sentence of a message (its own full stop when it has none). */
const sentence = (t: string): string => (t && !/[。！？.!?]$/.test(t) ? `${t}。` : t);
const issuedText = (c: { type: string; number: string } | null): string => (c ? `已核发电子证照《${c.type}》（编号 ${c.number}），可在“我的证照”中查看。` : '');

/** What staff do with filings of their hall: window staff pre-review, accept or refuse and deliver; the department's reviewers review and decide (受审分离). */
@Injectable()
export class StaffApplicationsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    private readonly kernel: FilingKernel,
    private readonly applicants: ApplicantsService,
    private readonly access: AccessPolicy,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly users: UsersService,
    private readonly commitments: CommitmentsService,
    private readonly catalog: CatalogService,
    private readonly certificates: CertificatesService,
  ) {}

  /**
   * GET /staff/applications: the hall's filings (admin: every hall, or `hallId`), optionally of one
   * status or SLA state or of one department's services (`departmentId`, a reviewer's own), key projects first, then overdue (staffOrder); at most 1000. Drafts are the
   * applicant's own and never listed. Staff with no hall get []. Raises nothing.
   */
  async list(caller: AuthUser, q: { status?: ApplicationStatus; sla?: SlaState; hallId?: string; departmentId?: string }): Promise<StaffApplicationView[]> {
    const hallId = caller.roles.includes('admin') ? (q.hallId ?? null) : caller.hallId;
    if (!caller.roles.includes('admin') && !hallId) return [];
    const rows = await this.apps.find({
      where: { ...(hallId ? { hallId } : {}), ...(q.status ? { status: q.status } : { status: Not(In(['draft'])) }) },
      order: { createdAt: 'DESC' },
      take: 1000,
    });
    let visible = rows.filter((r) => r.status !== 'draft');
    if (q.departmentId) {
      // a reviewer's own department (受审分离): filings of that department's services only
      const services = await this.catalog.servicesById(visible.map((r) => r.serviceId));
      // 一件事: a bundle filing is the department's when one of its parts is
      const partDepartments = await this.kernel.partDepartments(visible.filter((r) => r.bundleId).map((r) => r.id));
      visible = visible.filter((r) => (r.bundleId ? partDepartments.get(r.id)?.has(q.departmentId!) : services.get(r.serviceId)?.departmentId === q.departmentId));
    }
    const views = await this.staffViews(visible, false);
    const filtered = q.sla ? views.filter((v) => v.sla === q.sla) : views;
    const at = (s: string | null) => (s ? new Date(s) : null);
    return filtered
      .map((v) => ({ v, k: { keyProject: v.keyProject, sla: v.sla, dueAt: at(v.dueAt), submittedAt: at(v.submittedAt), createdAt: new Date(v.createdAt) } }))
      .sort((x, y) => staffOrder(x.k, y.k))
      .map((x) => x.v);
  }

  /** A filing of the caller's hall (admin: any), never a draft; else 404. */
  async handled(caller: AuthUser, id: string): Promise<ApplicationEntity> {
    const a = visibleFiling(this.access, caller, await this.kernel.find(id));
    return this.access.handled(caller, a);
  }

  /** The caller as the timeline names them (staff, by display name). */
  async staffActor(caller: AuthUser): Promise<Actor> {
    const u = await this.users.findById(caller.id);
    return { kind: 'staff', id: caller.id, name: u?.displayName ?? null, principalId: null, hallId: u?.hallId ?? caller.hallId };
  }

  /**
   * Pre-review: a decision on every material at once. Any flag sends the one notice (一次性告知)
   * naming every flagged material with its reason and a correction deadline; after a notice, only
   * materials it named or that the applicant changed since may be flagged (NOTICE_LOCKED). The
   * originals check at the window (a filing in `prereview_passed`) may still send that notice, under
   * the same rule; with nothing flagged there it answers INVALID_STATE (accept it instead).
   * Returns the staff view. Throws NOT_FOUND, INVALID_STATE, VALIDATION_FAILED (`decisions`: not
   * one decision per material, or a flag without a reason), NOTICE_LOCKED (`materialIds`).
   */
  async prereview(caller: AuthUser, id: string, decisions: Decision[]): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    notBundled(a, '一件事由各部门分别预审（/parts/:partId/prereview），预审结论汇总为一次告知');
    // a notice may go out from both states that take a decision: one check before reading the materials
    const flag = this.kernel.begin(a, 'flag', 'staff');
    const rows = await this.kernel.materialsOf(a.id);
    const problems = checkDecisions(rows.map((r) => r.materialId), decisions);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', '须对全部材料一次性作出结论，需补正的材料须写明原因', { fields: problems });
    const hashes = await this.kernel.materialHashes(a.id);
    const hashesOf = (materialId: string) => hashes.get(materialId) ?? [];
    const locked = lockedFlags(
      {
        notices: a.noticeCount,
        named: new Set(rows.filter((r) => r.reviewOk === false).map((r) => r.materialId)),
        changed: new Set(rows.filter((r) => this.kernel.changedSince(a, r, hashesOf(r.materialId))).map((r) => r.materialId)),
      },
      decisions,
    );
    if (locked.length) {
      const names = rows.filter((r) => locked.includes(r.materialId)).map((r) => r.name);
      throw new DomainError('NOTICE_LOCKED', `一次性告知未列明且申请人未更换的材料不能再要求补正：${names.join('、')}`, { materialIds: locked });
    }
    const byMaterial = new Map(rows.map((r) => [r.materialId, r]));
    const flagged: NoticeItem[] = decisions
      .filter((d) => !d.ok)
      .map((d) => ({ materialId: d.materialId, name: byMaterial.get(d.materialId)!.name, reason: (d.reason ?? '').trim() }));
    const actor = await this.staffActor(caller);
    const now = this.clock.now();
    // a new notice records every material as it stands, to tell later what the applicant changed
    const saveReviews = async (em: EntityManager, notice: boolean) => {
      for (const d of decisions) {
        const r = byMaterial.get(d.materialId)!;
        await em.update(
          ApplicationMaterialEntity,
          { id: r.id },
          {
            reviewOk: d.ok,
            reviewReason: d.ok ? null : (d.reason ?? '').trim(),
            changedAfterNotice: false,
            ...(d.ok ? {} : { flaggedEver: true }),
            ...(notice ? { noticeState: { files: [...new Set(hashesOf(r.materialId))].sort(), committed: r.committedAt !== null } } : {}),
          },
        );
      }
    };

    if (flagged.length === 0) {
      const pass = this.kernel.begin(a, 'pass', 'staff');
      await this.kernel.apply(
        pass,
        actor,
        {},
        '材料齐全，预审通过，请携带原件到窗口办理受理',
        this.kernel.telling(a, '预审通过', `您的办件 ${a.number} 已通过网上预审，请按办事指南携带材料原件到窗口办理受理。`, null, (em) => saveReviews(em, false)),
      );
    } else {
      const round = a.noticeCount + 1;
      const deadline = await this.kernel.correctionDeadline();
      const list = flagged.map((f, i) => `${i + 1}. ${f.name}：${f.reason}`).join('\n');
      const atWindow = a.status === 'prereview_passed' ? '（窗口核验原件）' : '';
      // the notice, its record and the applicant's message in one transaction
      await this.kernel.apply(
        flag,
        actor,
        { noticeCount: round },
        `一次性告知${atWindow}：需补正 ${flagged.length} 项材料，请于 ${deadline} 前补正。\n${list}`,
        this.kernel.telling(
          a,
          '补正材料告知书（一次性告知）',
          `您的办件 ${a.number} 经预审，需补正以下 ${flagged.length} 项材料，请于 ${deadline} 前一并补正后重新提交：\n${list}\n除上述材料外，不会再要求您补正其他材料。`,
          `notice${round}`,
          async (em) => {
            await saveReviews(em, true);
            await em.insert(ApplicationNoticeEntity, { id: newId(), applicationId: a.id, round, issuedAt: now, issuedBy: caller.id, deadline, items: flagged });
          },
        ),
      );
    }
    await this.audit.record({ actorId: caller.id, action: 'application.prereview', objectType: 'application', objectId: a.id, data: { flagged: flagged.map((f) => f.materialId) } });
    return this.staffView(a);
  }

  /**
   * POST /staff/applications/:id/accept — acceptance at the window: a receipt number, and the
   * promised-days clock starts (the day of acceptance not counted). Returns the staff view.
   * Throws NOT_FOUND (not the caller's hall, or a draft) or INVALID_STATE.
   */
  async accept(caller: AuthUser, id: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    const step = this.kernel.begin(a, 'accept', 'staff');
    const actor = await this.staffActor(caller);
    await this.kernel.accept(step, actor, this.clock.now(), '窗口受理');
    await this.audit.record({ actorId: caller.id, action: 'application.accept', objectType: 'application', objectId: a.id });
    return this.staffView(a);
  }

  /**
   * POST /staff/applications/:id/refuse — 不予受理 with a written reason, at once from `submitted`
   * (DESIGN.md: no need to pass pre-review first) or after the originals check (the notice is
   * printable at /applications/:id/refusal.pdf). Returns the staff view. Throws NOT_FOUND or INVALID_STATE.
   */
  async refuse(caller: AuthUser, id: string, reason: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    const told = this.kernel.telling(a, '不予受理通知', `您的办件 ${a.number} 不予受理。理由：${reason.trim()}。如不服，可依法申请行政复议或者提起行政诉讼。可在办件详情中下载不予受理通知书。`);
    await this.kernel.move(a, 'refuse', await this.staffActor(caller), { refuseReason: reason.trim(), sla: null }, `不予受理：${reason.trim()}`, told);
    await this.audit.record({ actorId: caller.id, action: 'application.refuse', objectType: 'application', objectId: a.id, reason });
    return this.staffView(a);
  }

  /**
   * 受审分离 (新郑; 新乡 三分离): only a reviewer of the service's department (or an admin) reviews
   * and decides, and never the person who accepted the filing. Throws FORBIDDEN (not a reviewer, or
   * of another department) or SEPARATION_OF_DUTIES (`deciding` a filing the caller accepted).
   */
  private async mayDecide(caller: AuthUser, a: ApplicationEntity, deciding: boolean): Promise<void> {
    const [me, service, acceptedBy, receivedBy] = await Promise.all([
      this.users.findById(caller.id),
      this.catalog.service(a.serviceId),
      this.kernel.acceptedBy(a.id),
      a.competentHallId ? this.kernel.receivedBy(a.id) : Promise.resolve(null),
    ]);
    const verdict = decisionVerdict(
      { id: caller.id, roles: me ? rolesOf(me) : caller.roles, departmentId: me?.departmentId ?? null },
      { departmentId: service?.departmentId ?? null, acceptedBy, receivedBy },
      deciding,
    );
    if (verdict !== 'ok') throw new DomainError(DECISION_REFUSALS[verdict].code, DECISION_REFUSALS[verdict].message);
  }

  /**
   * POST /staff/applications/:id/advance: into review, or the decision (approved / denied, with a
   * note the applicant reads), by a reviewer of the service's department who did not accept it
   * (mayDecide). Returns the staff view. Throws NOT_FOUND, INVALID_STATE, FORBIDDEN,
   * SEPARATION_OF_DUTIES, VALIDATION_FAILED (`note` missing for a decision), MATERIALS_OUTSTANDING
   * (`materialIds`: approval while a 容缺 material is still owed).
   */
  async advance(caller: AuthUser, id: string, to: AdvanceTarget, note?: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    notBundled(a, '一件事由各部门分别审批（/parts/:partId/advance），全部办结后汇总为一个结果');
    const action = to === 'under_review' ? 'start_review' : to === 'approved' ? 'approve' : 'deny';
    const step = this.kernel.begin(a, action, 'staff');
    await this.mayDecide(caller, a, action !== 'start_review');
    const text = note?.trim() ?? '';
    if (action !== 'start_review' && !text) {
      throw fieldError('note', '请填写决定说明', '作出决定须填写决定说明');
    }
    // 新乡 四(八): no approval before every 容缺 material is in
    if (action === 'approve') await this.commitments.assertNothingOwed(a);
    const now = this.clock.now();
    const cal = await this.calendar.view();
    const patch: Partial<ApplicationEntity> =
      action === 'start_review'
        ? {}
        : { decidedAt: now, decisionNote: text, sla: slaState({ status: to, dueAt: a.dueAt, decidedAt: now }, now, cal.isWorkday) };
    const label = action === 'start_review' ? '进入审查' : action === 'approve' ? '准予许可' : '不予许可';
    // a licence-issuing service's approval issues its certificate in the same transaction (DESIGN.md Results)
    const service = action === 'approve' ? await this.catalog.service(a.serviceId) : null;
    let certificate: { type: string; number: string } | null = null;
    const issue = service?.certificateType
      ? async (em: EntityManager) => {
          certificate = await this.certificates.issueWithin(em, {
            filing: a,
            service: { code: service.code, certificateType: service.certificateType!, certificateYears: service.certificateYears, decidingBody: service.decidingBody, departmentId: service.departmentId },
          });
        }
      : undefined;
    const body = (): string =>
      action === 'start_review'
        ? `您的办件 ${a.number} 已进入审查。`
        : action === 'approve'
          ? `您的办件 ${a.number} 已审批通过（准予许可）。${text ? `审批意见：${sentence(text)}` : ''}${issuedText(certificate)}可在办件详情中下载准予许可决定书。`
          : `您的办件 ${a.number} 经审查不予许可。理由：${text}。如不服，可自收到决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。可在办件详情中下载不予许可决定书。`;
    // the decision, its certificate and the applicant's message in one transaction
    await this.kernel.apply(step, await this.staffActor(caller), patch, text ? `${label}：${text}` : label, async (em, to) => {
      if (issue) await issue(em);
      await this.kernel.tell(a, label, body(), null, { em, to });
    });
    await this.audit.record({ actorId: caller.id, action: `application.${action}`, objectType: 'application', objectId: a.id, reason: text || null });
    return this.staffView(a);
  }

  /**
   * POST /staff/applications/:id/deliver the decision by the method the applicant chose (新乡 四(六));
   * when they chose none, by the method staff record (one the service publishes). At the window
   * the result is first made ready (`ready_for_pickup`, the applicant told where and when to
   * collect) and handed over on the next call; by post it needs the tracking number; online it
   * is in the applicant's 证照夹 (or the decision in the filing). Returns the staff view. Throws
   * NOT_FOUND, INVALID_STATE, VALIDATION_FAILED (`method` not the applicant's choice or not
   * published; `trackingNo` missing for post), INVALID_STATE also for a forwarded filing's result not
   * yet back at the hall where it was filed (同城通办), MATERIALS_OUTSTANDING (`materialIds`: an approval —
   * the licence — while a 容缺 material is still owed; a denial is delivered regardless).
   */
  async deliver(caller: AuthUser, id: string, method: DeliveryMethod, trackingNo?: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    // 同城通办: the result goes back to where it was filed, and is delivered from there
    if (a.filedHallId && a.hallId !== a.filedHallId && a.status !== 'delivered') {
      throw new DomainError('INVALID_STATE', '转办件的办理结果须先回传受理大厅，由受理大厅送达', { status: a.status });
    }
    const service = await this.catalog.service(a.serviceId);
    if (a.status === 'approved') await this.commitments.assertNothingOwed(a);
    const chosen = a.deliveryChosenBy === 'applicant' ? a.deliveryMethod : null;
    if (chosen && method !== chosen) {
      throw fieldError('method', `申请人选择的送达方式为“${DELIVERY_METHOD_LABELS[chosen]}”`, `申请人选择了${DELIVERY_METHOD_LABELS[chosen]}，请按其选择送达`, { chosen });
    }
    if (!chosen && service && !service.delivery.includes(method)) throw fieldError('method', '该事项不提供这种送达方式');
    const actor = await this.staffActor(caller);
    const chosenBy = chosen ? 'applicant' : 'staff';
    if (method === 'window' && a.status !== 'ready_for_pickup') {
      const step = this.kernel.begin(a, 'ready', 'staff');
      const hall = await this.catalog.hall(a.hallId);
      const where = hall ? `${hall.name}（${hall.address}）` : '办理大厅';
      const when = hall?.hours ?? '工作日办公时间';
      const told = this.kernel.telling(
        a,
        '办理结果可以领取了',
        `您的办件 ${a.number} 的办理结果已可领取。领取地点：${where}；领取时间：${when}。请携带本人身份证件原件，委托他人领取的另带授权委托书。`,
        'ready',
      );
      await this.kernel.apply(step, actor, { deliveryMethod: 'window', deliveryChosenBy: chosenBy, readyAt: this.clock.now() }, `办理结果已可领取：${where}，${when}`, told);
      await this.audit.record({ actorId: caller.id, action: 'application.ready', objectType: 'application', objectId: a.id });
      return this.staffView(a);
    }
    const step = this.kernel.begin(a, 'deliver', 'staff');
    if (method === 'post' && !trackingNo?.trim()) throw fieldError('trackingNo', '邮寄送达须填写快递单号');
    const tracking = method === 'post' ? trackingNo!.trim() : null;
    const region = method === 'post' ? this.kernel.postalAddress(a)?.region : undefined;
    // the timeline is also the public look-up's: the address only in the applicant's own message
    const note = `${DELIVERY_METHOD_LABELS[method]}${tracking ? `，快递单号 ${tracking}` : ''}`;
    const online = method === 'online' ? ((await this.certificates.ofFilings([a.id])).size ? '电子证照已放入“我的证照”，' : '可在办件详情中下载决定书，') : '';
    const told = this.kernel.telling(a, '办理结果已送达', `您的办件 ${a.number} 的办理结果已${note}${region ? `，寄往${region}` : ''}。${online}`.replace(/，$/, '。'));
    await this.kernel.apply(step, actor, { deliveryMethod: method, deliveryChosenBy: chosenBy, trackingNo: tracking, deliveredAt: this.clock.now() }, note, told);
    await this.audit.record({ actorId: caller.id, action: 'application.deliver', objectType: 'application', objectId: a.id, data: { method } });
    return this.staffView(a);
  }

  /**
   * POST /staff/applications/:id/return — 退件 after acceptance (accepted or under review), with the
   * reasons the applicant reads; the promised-days clock stops, an open 容缺 commitment is no longer
   * scanned, and a 退件回执 is printable at /applications/:id/return.pdf. Returns the staff view.
   * Throws NOT_FOUND or INVALID_STATE.
   */
  async returnFiling(caller: AuthUser, id: string, reason: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    const why = reason.trim();
    const told = this.kernel.telling(a, '办件已退件', `您的办件 ${a.number} 已退件。理由：${why}。退回的材料请凭退件回执到窗口领取；补齐后可重新申报。可在办件详情中下载退件回执。`);
    await this.kernel.move(a, 'return', await this.staffActor(caller), { returnReason: why, sla: null }, `退件：${why}`, told);
    await this.audit.record({ actorId: caller.id, action: 'application.return', objectType: 'application', objectId: a.id, reason: why });
    return this.staffView(a);
  }

  /**
   * POST /staff/applications/:id/complete — 即办 (临沂 二(三)1): a filing of a service marked
   * `instant`, at the window (submitted or after pre-review), is decided and handed over on the
   * spot: `delivered` at the window, no receipt and no promised-days clock. Returns the staff view.
   * Throws NOT_FOUND, INVALID_STATE (not at the window, or the service is not 即办),
   * MATERIALS_OUTSTANDING (a 容缺 material still owed: nothing is issued before every material is in).
   */
  async complete(caller: AuthUser, id: string, note?: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    const step = this.kernel.begin(a, 'complete', 'staff');
    const service = await this.catalog.service(a.serviceId);
    if (!service?.instant) throw new DomainError('INVALID_STATE', '该事项不是即办件，请受理后按承诺时限办理', { status: a.status });
    await this.commitments.assertNothingOwed(a);
    const text = note?.trim() || '即办件，窗口当场办结';
    const now = this.clock.now();
    const told = this.kernel.telling(a, '即办件已办结', `您的办件 ${a.number}（${service.name}）已在窗口当场办结，办理结果已当场交付。${text}`);
    await this.kernel.apply(step, await this.staffActor(caller), { decidedAt: now, decisionNote: text, deliveryMethod: 'window', deliveredAt: now, sla: null }, `即办：${text}`, told);
    await this.audit.record({ actorId: caller.id, action: 'application.complete', objectType: 'application', objectId: a.id, reason: text });
    return this.staffView(a);
  }

  /**
   * POST /staff/applications/:id/reveal-applicant: the applicant's full name, ID and phone numbers,
   * and the postal address they gave for delivery by post, for the filing's hall staff, audited
   * (who, when, which). Throws NOT_FOUND.
   */
  async revealApplicant(caller: AuthUser, id: string): Promise<ApplicantRevealed> {
    const a = await this.handled(caller, id);
    const postalAddress = this.kernel.postalAddress(a);
    const fields = ['name', 'idNumber', 'phone', ...(postalAddress ? ['postalAddress'] : [])];
    await this.audit.record({ actorId: caller.id, action: 'application.reveal_applicant', objectType: 'application', objectId: a.id, data: { userId: a.userId, fields } });
    return { ...(await this.applicants.reveal(a.userId)), postalAddress };
  }

  /**
   * Filings delivered (送达) between `from` and `to` (instants, inclusive), for the monthly
   * follow-up sample: id, service and hall only. Raises nothing.
   */
  deliveredBetween(from: Date, to: Date): Promise<Array<Pick<ApplicationEntity, 'id' | 'serviceId' | 'hallId'>>> {
    return this.apps.find({ where: { status: 'delivered', deliveredAt: Between(from, to) }, select: { id: true, serviceId: true, hallId: true } });
  }

  /** The filings with these ids (unknown ids absent), for features that list them by reference. Raises nothing. */
  byIds(ids: string[]): Promise<ApplicationEntity[]> {
    return ids.length ? this.apps.find({ where: { id: In([...new Set(ids)]) } }) : Promise.resolve([]);
  }

  /** The staff detail of a filing, built from the row in hand. */
  private async staffView(a: ApplicationEntity): Promise<StaffApplicationView> {
    return (await this.staffViews([a], true))[0];
  }

  /** Filings as staff see them, with the applicant (masked), in the order of `rows`; `detail` adds timelines. Raises nothing. */
  async staffViews(rows: ApplicationEntity[], detail: boolean): Promise<StaffApplicationView[]> {
    const [views, applicants, credit, targets] = await Promise.all([
      this.kernel.views(rows, detail),
      this.applicants.views(rows),
      this.commitments.creditViews(rows),
      detail ? Promise.all(rows.map((r) => this.kernel.forwardTargets(r))) : Promise.resolve(null),
    ]);
    return views.map((v, i) => ({ ...v, applicant: applicants[i], credit: credit[i], ...(targets ? { forwardTargets: targets[i] } : {}) }));
  }

}
