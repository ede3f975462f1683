import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { ApplicationStatus, DeliveryMethod, SlaState } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db-errors';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { FileEntity } from '../files/entities/file.entity';
import { ApplicantRevealed, ApplicantsService } from '../users/applicants.service';
import { UserEntity } from '../users/entities/user.entity';
import { visibleFiling } from './applications.access';
import { checkDecisions, Decision, lockedFlags, receiptNumber, slaState, staffOrder } from './applications.rules';
import { Actor, ApplicationsService } from './applications.service';
import { AdvanceTarget } from './dto/applications.dto';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity, NoticeItem } from './entities/application-notice.entity';
import { ApplicationEntity } from './entities/application.entity';
import type { StaffApplicationView } from '@gov/shared';
export type { StaffApplicationView } from '@gov/shared';

const METHOD_LABELS: Record<DeliveryMethod, string> = { window: '窗口领取', post: '邮寄送达', online: '网上送达' };

/** What window staff do with filings of their hall: pre-review, accept or refuse, advance, deliver. */
@Injectable()
export class StaffApplicationsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly materials: Repository<ApplicationMaterialEntity>,
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    private readonly filings: ApplicationsService,
    private readonly applicants: ApplicantsService,
    private readonly access: AccessPolicy,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  /** The hall's filings (admin: every hall, or the one asked for), key projects first, then overdue. Drafts are the applicant's own. */
  async list(caller: AuthUser, q: { status?: ApplicationStatus; sla?: SlaState; hallId?: string }): Promise<StaffApplicationView[]> {
    const hallId = caller.roles.includes('admin') ? (q.hallId ?? null) : caller.hallId;
    if (!caller.roles.includes('admin') && !hallId) return [];
    const rows = await this.apps.find({
      where: { ...(hallId ? { hallId } : {}), ...(q.status ? { status: q.status } : { status: Not(In(['draft'])) }) },
      order: { createdAt: 'DESC' },
      take: 1000,
    });
    const visible = rows.filter((r) => r.status !== 'draft');
    const views = await this.staffViews(visible, false);
    const filtered = q.sla ? views.filter((v) => v.sla === q.sla) : views;
    const at = (s: string | null) => (s ? new Date(s) : null);
    return filtered
      .map((v) => ({ v, k: { keyProject: v.keyProject, sla: v.sla, dueAt: at(v.dueAt), submittedAt: at(v.submittedAt), createdAt: new Date(v.createdAt) } }))
      .sort((x, y) => staffOrder(x.k, y.k))
      .map((x) => x.v);
  }

  /** A filing of the caller's hall (admin: any), never a draft; else 404. */
  private async handled(caller: AuthUser, id: string): Promise<ApplicationEntity> {
    const a = visibleFiling(this.access, caller, await this.filings.find(id));
    return this.access.handled(caller, a);
  }

  private async staffActor(caller: AuthUser): Promise<Actor> {
    const u = await this.users.findOne({ where: { id: caller.id }, select: { id: true, displayName: true } });
    return { kind: 'staff', id: caller.id, name: u?.displayName ?? null, principalId: null };
  }

  /**
   * Pre-review: a decision on every material at once. Any flag sends the one notice (一次性告知)
   * naming every flagged material with its reason and a correction deadline; after a notice, only
   * materials it named or that the applicant changed since may be flagged (NOTICE_LOCKED).
   */
  async prereview(caller: AuthUser, id: string, decisions: Decision[]): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    this.filings.check(a, 'pass', 'staff');
    const rows = await this.materials.find({ where: { applicationId: a.id }, order: { sortOrder: 'ASC' } });
    const problems = checkDecisions(rows.map((r) => r.materialId), decisions);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', '须对全部材料一次性作出结论，需补正的材料须写明原因', { fields: problems });
    const hashes = this.filings.hashesByMaterial(await this.files.find({ where: { applicationId: a.id }, select: { id: true, materialId: true, sha256: true } }));
    const hashesOf = (materialId: string) => hashes.get(materialId) ?? [];
    const locked = lockedFlags(
      {
        notices: a.noticeCount,
        named: new Set(rows.filter((r) => r.reviewOk === false).map((r) => r.materialId)),
        changed: new Set(rows.filter((r) => this.filings.changedSince(a, r, hashesOf(r.materialId))).map((r) => r.materialId)),
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
    const saveReviews = async (em: import('typeorm').EntityManager, notice: boolean) => {
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
      await this.filings.move(a, 'pass', actor, {}, '材料齐全，预审通过，请携带原件到窗口办理受理', (em) => saveReviews(em, false));
      await this.filings.tell(a, '预审通过', `您的办件 ${a.number} 已通过网上预审，请按办事指南携带材料原件到窗口办理受理。`);
    } else {
      const round = a.noticeCount + 1;
      const deadline = await this.filings.correctionDeadline();
      const list = flagged.map((f, i) => `${i + 1}. ${f.name}：${f.reason}`).join('\n');
      await this.filings.move(a, 'flag', actor, { noticeCount: round }, `一次性告知：需补正 ${flagged.length} 项材料，请于 ${deadline} 前补正。\n${list}`, async (em) => {
        await saveReviews(em, true);
        await em.insert(ApplicationNoticeEntity, { id: newId(), applicationId: a.id, round, issuedAt: now, issuedBy: caller.id, deadline, items: flagged });
      });
      await this.filings.tell(
        a,
        '补正材料告知书（一次性告知）',
        `您的办件 ${a.number} 经预审，需补正以下 ${flagged.length} 项材料，请于 ${deadline} 前一并补正后重新提交：\n${list}\n除上述材料外，不会再要求您补正其他材料。`,
        `notice${round}`,
      );
    }
    await this.audit.record({ actorId: caller.id, action: 'application.prereview', objectType: 'application', objectId: a.id, data: { flagged: flagged.map((f) => f.materialId) } });
    return this.one(a.id);
  }

  /** Accept at the window: a receipt number, and the promised-days clock starts (the day of acceptance not counted). */
  async accept(caller: AuthUser, id: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    this.filings.check(a, 'accept', 'staff');
    const actor = await this.staffActor(caller);
    await this.acceptAs(a, actor, this.clock.now(), false, '窗口受理');
    await this.audit.record({ actorId: caller.id, action: 'application.accept', objectType: 'application', objectId: a.id });
    return this.one(a.id);
  }

  /**
   * Acceptance by staff or by the law's clock: receipt number under its unique key (redrawn on a
   * clash), due date from the service's promised working days counted from `from`.
   */
  async acceptAs(a: ApplicationEntity, actor: Actor, from: Date, deemed: boolean, note: string): Promise<boolean> {
    const service = await this.services.findOne({ where: { id: a.serviceId } });
    const promised = service?.promisedDays ?? 1;
    const dueAt = await this.calendar.dueAt(from, promised);
    const cal = await this.calendar.view();
    const computed = slaState({ status: 'accepted', dueAt, decidedAt: null }, this.clock.now(), cal.isWorkday);
    // A filing accepted already past its due date (deemed acceptance of an old submission) is left
    // for the sla-scan to mark overdue, so that the applicant gets the overdue message once.
    const sla = computed === 'overdue' ? null : computed;
    for (let attempt = 0; ; attempt++) {
      const receiptNo = receiptNumber(from, this.filings.receiptRandom());
      try {
        await this.filings.move(a, deemed ? 'deem_accept' : 'accept', actor, { receiptNo, acceptedAt: from, dueAt, deemedAccepted: deemed, sla }, note);
        break;
      } catch (e) {
        if (isDuplicateKey(e) && attempt < 5) continue;
        throw e;
      }
    }
    await this.filings.tell(
      a,
      deemed ? '办件已依法视为受理' : '办件已受理',
      `您的办件 ${a.number}（${service?.name ?? ''}）${deemed ? `${note}` : '已受理'}，受理号 ${a.receiptNo}。承诺办结时限 ${promised} 个工作日，预计 ${shanghaiDate(dueAt)} 前办结。可在办件详情中下载受理通知书。`,
      'accepted',
    );
    return true;
  }

  /** 不予受理 with a written reason (the notice is printable at /applications/:id/refusal.pdf). */
  async refuse(caller: AuthUser, id: string, reason: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    await this.filings.move(a, 'refuse', await this.staffActor(caller), { refuseReason: reason.trim(), sla: null }, `不予受理：${reason.trim()}`);
    await this.audit.record({ actorId: caller.id, action: 'application.refuse', objectType: 'application', objectId: a.id, reason });
    await this.filings.tell(a, '不予受理通知', `您的办件 ${a.number} 不予受理。理由：${reason.trim()}。如不服，可依法申请行政复议或者提起行政诉讼。可在办件详情中下载不予受理通知书。`);
    return this.one(a.id);
  }

  async advance(caller: AuthUser, id: string, to: AdvanceTarget, note?: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    const action = to === 'under_review' ? 'start_review' : to === 'approved' ? 'approve' : 'deny';
    this.filings.check(a, action, 'staff');
    const text = note?.trim() ?? '';
    if (action !== 'start_review' && !text) {
      throw fieldError('note', '请填写决定说明', '作出决定须填写决定说明');
    }
    const now = this.clock.now();
    const cal = await this.calendar.view();
    const patch: Partial<ApplicationEntity> =
      action === 'start_review'
        ? {}
        : { decidedAt: now, decisionNote: text, sla: slaState({ status: to, dueAt: a.dueAt, decidedAt: now }, now, cal.isWorkday) };
    const label = action === 'start_review' ? '进入审查' : action === 'approve' ? '准予许可' : '不予许可';
    await this.filings.move(a, action, await this.staffActor(caller), patch, text ? `${label}：${text}` : label);
    await this.audit.record({ actorId: caller.id, action: `application.${action}`, objectType: 'application', objectId: a.id, reason: text || null });
    const body =
      action === 'start_review'
        ? `您的办件 ${a.number} 已进入审查。`
        : action === 'approve'
          ? `您的办件 ${a.number} 已审批通过（准予许可）。${text}`
          : `您的办件 ${a.number} 经审查不予许可。理由：${text}。如不服，可依法申请行政复议或者提起行政诉讼。`;
    await this.filings.tell(a, label, body);
    return this.one(a.id);
  }

  async deliver(caller: AuthUser, id: string, method: DeliveryMethod, trackingNo?: string): Promise<StaffApplicationView> {
    const a = await this.handled(caller, id);
    this.filings.check(a, 'deliver', 'staff');
    if (method === 'post' && !trackingNo) {
      throw fieldError('trackingNo', '邮寄送达须填写快递单号');
    }
    const tracking = method === 'post' ? trackingNo! : null;
    const note = `${METHOD_LABELS[method]}${tracking ? `，快递单号 ${tracking}` : ''}`;
    await this.filings.move(a, 'deliver', await this.staffActor(caller), { deliveryMethod: method, trackingNo: tracking, deliveredAt: this.clock.now() }, note);
    await this.audit.record({ actorId: caller.id, action: 'application.deliver', objectType: 'application', objectId: a.id, data: { method } });
    await this.filings.tell(a, '办理结果已送达', `您的办件 ${a.number} 的办理结果已${note}。`);
    return this.one(a.id);
  }

  /** The applicant's full name, ID and phone numbers for the filing's hall staff, audited (who, when, which). */
  async revealApplicant(caller: AuthUser, id: string): Promise<ApplicantRevealed> {
    const a = await this.handled(caller, id);
    await this.audit.record({ actorId: caller.id, action: 'application.reveal_applicant', objectType: 'application', objectId: a.id, data: { userId: a.userId, fields: ['name', 'idNumber', 'phone'] } });
    return this.applicants.reveal(a.userId);
  }

  private async one(id: string): Promise<StaffApplicationView> {
    const a = await this.apps.findOneOrFail({ where: { id } });
    return (await this.staffViews([a], true))[0];
  }

  /** Filings as staff see them, with the applicant (masked). */
  async staffViews(rows: ApplicationEntity[], detail: boolean): Promise<StaffApplicationView[]> {
    const [views, applicants] = await Promise.all([this.filings.views(rows, detail), this.applicants.views(rows)]);
    return views.map((v, i) => ({ ...v, applicant: applicants[i] }));
  }
}
