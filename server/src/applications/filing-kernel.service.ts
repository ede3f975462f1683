import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { APPLICATION_ACTION_LABELS, ApplicationPartView, ApplicationStatus, DeliveryView, ForwardTarget, LINKS, maskPostalAddress, PART_STATUS_LABELS, PostalAddress, TransferView, UPLOAD_CONTENT_TYPES, UploadLimits } from '@gov/shared';
import { BundlesService } from '../bundles/bundles.service';
import { IsWorkday, shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { CertificatesService } from '../certificates/certificates.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { Transactions } from '../common/db/transactions';
import { DomainError } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { FileEntity } from '../files/entities/file.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { ApplicantsService } from '../users/applicants.service';
import type { ApplicationListItem } from '@gov/shared';
import type { ApplicationView } from './applications.service';
import {
  acceptBy,
  ActorKind,
  ApplicationAction,
  AWAITING_ACCEPTANCE,
  changedSinceNotice,
  commitmentAtAcceptance,
  commitmentView,
  LAW_PREREVIEW_DAYS,
  OwedState,
  prereviewDaysLeft,
  prereviewDeadline,
  receiptNumber,
  slaState,
  STATUS_LABELS,
  takesResponsibility,
  transition,
} from './applications.rules';
import { clockPaused, forwardTargets, lateReception, receiveBy } from './forwarding.rules';
import { ApplicationEventEntity } from './entities/application-event.entity';
import { ApplicationPartEntity } from './entities/application-part.entity';
import { bundleDueAt, partSla } from './parts.rules';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity } from './entities/application-notice.entity';
import { ApplicationEntity } from './entities/application.entity';
import { smsTemplateFor } from '../outbox/outbox.rules';

/** Who does a step: kind, person and display name, and the principal when an agent acts. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
  principalId: string | null;
  /** staff: their hall, named with them when the step makes them responsible for the filing (首问负责) */
  hallId?: string | null;
}

/** Timeline steps that are the department reviewer's (受审分离), labelled 审核人员. */
const REVIEWER_ACTIONS: ReadonlySet<string> = new Set(['start_review', 'approve', 'deny']);

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: '系统', principalId: null };

/** The transaction a message is written in, and the status its filing reaches there (its SMS follows it). */
export interface Within {
  em: EntityManager;
  to: ApplicationStatus;
}

/** A transition found allowed by `begin`, to be written by `apply`. */
export interface Step {
  filing: ApplicationEntity;
  action: ApplicationAction;
  from: ApplicationStatus;
  to: ApplicationStatus;
}

const group = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
};

/** The columns of a filing its list item is made of (LISTED_COLUMNS): the list reads no others. */
export const LISTED_COLUMNS = [
  'id',
  'userId',
  'actorId',
  'enterpriseId',
  'number',
  'serviceId',
  'bundleId',
  'hallId',
  'status',
  'submittedAt',
  'acceptedAt',
  'dueAt',
  'decidedAt',
  'commitmentStatus',
  'commitmentDueAt',
  'responsibleId',
  'responsibleHallId',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof ApplicationEntity>;
export type ListedFiling = Pick<ApplicationEntity, (typeof LISTED_COLUMNS)[number]>;

/** What the views of a batch of filings read once: see FilingKernel.summaryContext. */
interface SummaryContext {
  byService: Map<string, ServiceEntity>;
  byHall: Map<string, HallEntity>;
  /** each filing's latest notice (correction_required only) */
  latest: Map<string, ApplicationNoticeEntity>;
  isWorkday: IsWorkday;
  nameOf: Map<string, string | null>;
  companyName: Map<string, string>;
  /** names of the responsible staff (首问负责) and their halls */
  staffName: Map<string, string>;
  responsibleHalls: Map<string, string>;
  /** 一件事: the names of the bundles filed for (a bundle filing is named by its bundle) */
  bundleNames: Map<string, string>;
  now: Date;
}

const certificateRef = (c: { id: string; type: string; number: string; verifyCode: string } | undefined) =>
  c ? { id: c.id, type: c.type, number: c.number, verifyCode: c.verifyCode } : null;

/**
 * The filing kernel, shared by the applicant's service, the staff service and the jobs: the one
 * place every state change goes through (`begin` + `apply`), the timeline, the applicant's
 * messages, acceptance with its receipt number, and the views of filings.
 */
@Injectable()
export class FilingKernel {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly materials: Repository<ApplicationMaterialEntity>,
    @InjectRepository(ApplicationEventEntity) private readonly events: Repository<ApplicationEventEntity>,
    @InjectRepository(ApplicationNoticeEntity) private readonly notices: Repository<ApplicationNoticeEntity>,
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    @InjectRepository(ApplicationPartEntity) private readonly parts: Repository<ApplicationPartEntity>,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogService,
    private readonly applicants: ApplicantsService,
    private readonly certificates: CertificatesService,
    private readonly crypto: CryptoService,
    private readonly bundles: BundlesService,
  ) {}

  // ---- reading ----

  /** The filing by id; null for a malformed or unknown id (callers answer NOT_FOUND). */
  async find(id: string): Promise<ApplicationEntity | null> {
    return isId(id) ? this.apps.findOne({ where: { id } }) : null;
  }

  /**
   * The filing's row, locked for the rest of the transaction `em` (MySQL `FOR UPDATE`; SQLite runs
   * one transaction at a time). Throws NOT_FOUND.
   */
  async lockFiling(em: EntityManager, id: string): Promise<ApplicationEntity> {
    const a = await em.getRepository(ApplicationEntity).findOne({ where: { id }, ...(this.tx.isMysql ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!a) throw new DomainError('NOT_FOUND');
    return a;
  }

  /** The filing's materials (its copy of the service's list), in the list's order. */
  materialsOf(applicationId: string): Promise<ApplicationMaterialEntity[]> {
    return this.materials.find({ where: { applicationId }, order: { sortOrder: 'ASC' } });
  }

  /** A 一件事 filing's parts in the bundle's order ([] for a filing of one service). */
  partsOf(applicationId: string): Promise<ApplicationPartEntity[]> {
    return this.parts.find({ where: { applicationId }, order: { sortOrder: 'ASC' } });
  }

  /** The departments of each 一件事 filing's parts, by filing id. Raises nothing. */
  async partDepartments(applicationIds: string[]): Promise<Map<string, Set<string>>> {
    const rows = applicationIds.length ? await this.parts.find({ where: { applicationId: In(applicationIds) }, select: { applicationId: true, departmentId: true } }) : [];
    const out = new Map<string, Set<string>>();
    for (const r of rows) out.set(r.applicationId, (out.get(r.applicationId) ?? new Set()).add(r.departmentId));
    return out;
  }

  /** The sha256 of each material's files, by material id, for one filing. */
  async materialHashes(applicationId: string): Promise<Map<string, string[]>> {
    const files = await this.files.find({ where: { applicationId }, select: { id: true, materialId: true, sha256: true } });
    const out = new Map<string, string[]>();
    for (const f of files) out.set(f.materialId, [...(out.get(f.materialId) ?? []), f.sha256]);
    return out;
  }

  /** The filing's decision (准予 or 不予许可) from its timeline; null before one. */
  async decisionOf(applicationId: string): Promise<'approve' | 'deny' | null> {
    const e = await this.events.findOne({ where: { applicationId, action: In(['approve', 'deny']) }, order: { seq: 'DESC' } });
    return e ? (e.action as 'approve' | 'deny') : null;
  }

  /**
   * The staff member who accepted the filing at the window (its latest `accept` step), or null when
   * staff did not (deemed acceptance by the law's clock). For 受审分离.
   */
  async acceptedBy(applicationId: string): Promise<string | null> {
    const e = await this.events.findOne({ where: { applicationId, action: 'accept', actorKind: 'staff' }, order: { seq: 'DESC' } });
    return e?.actorId ?? null;
  }

  /** The staff member who received a forwarded filing at the competent hall (its latest `receive` step), or null. For 受审分离. */
  async receivedBy(applicationId: string): Promise<string | null> {
    const e = await this.events.findOne({ where: { applicationId, action: 'receive', actorKind: 'staff' }, order: { seq: 'DESC' } });
    return e?.actorId ?? null;
  }

  /** The filing's latest correction notice (highest round), or null before any. */
  latestNotice(applicationId: string): Promise<ApplicationNoticeEntity | null> {
    return this.notices.findOne({ where: { applicationId }, order: { round: 'DESC' } });
  }

  /** Whether a material changed since the filing's latest correction notice; null before any notice. */
  changedSince(a: Pick<ApplicationEntity, 'noticeCount'>, m: ApplicationMaterialEntity, hashes: readonly string[]): boolean | null {
    if (a.noticeCount === 0) return null;
    return changedSinceNotice(m.noticeState, { files: hashes, committed: m.committedAt !== null }, m.changedAfterNotice);
  }

  // ---- the one way a filing changes state ----

  /**
   * Whether `by` may do `action` on the filing now (the state machine of applications.rules).
   * Returns the step for `apply`. Throws INVALID_STATE (naming the current status) or FORBIDDEN.
   */
  begin(a: ApplicationEntity, action: ApplicationAction, by: ActorKind): Step {
    const t = transition(a.status, action, by);
    if (!t.ok) {
      throw t.code === 'FORBIDDEN'
        ? new DomainError('FORBIDDEN')
        : new DomainError('INVALID_STATE', `办件当前状态为“${STATUS_LABELS[a.status]}”，不能${APPLICATION_ACTION_LABELS[action]}`, { status: a.status });
    }
    return { filing: a, action, from: a.status, to: t.to };
  }

  /**
   * Write a step: a conditional update on the state it was begun in (so that of two racing steps
   * one wins and the other gets INVALID_STATE), the timeline event at `at`, and `more` writes, in
   * one short transaction. Returns the filing row as now stored (the same object, patched), so that
   * callers answer from it without reading it again. Throws INVALID_STATE when the state changed.
   */
  async apply(
    step: Step,
    actor: Actor,
    patch: Partial<ApplicationEntity>,
    note: string | null,
    more?: (em: EntityManager, to: ApplicationStatus) => Promise<void>,
    at: Date = this.clock.now(),
  ): Promise<ApplicationEntity> {
    const { filing: a, to } = step;
    const { updatedAt, written } = await this.tx.run(async (em) => {
      const stamped = await this.applyWithin(em, step, actor, patch, note, at);
      if (more) await more(em, to);
      return stamped;
    });
    return Object.assign(a, written, { status: to, updatedAt });
  }

  /**
   * `apply` inside a transaction the caller holds (several steps written together, as a 一件事
   * filing's combined notice or result): the conditional update and the timeline event. Does not
   * patch the row in hand. Returns the update time and what was written. Throws INVALID_STATE when the state changed.
   */
  async applyWithin(
    em: EntityManager,
    step: Step,
    actor: Actor,
    patch: Partial<ApplicationEntity>,
    note: string | null,
    at: Date = this.clock.now(),
  ): Promise<{ updatedAt: Date; written: Partial<ApplicationEntity> }> {
    const a = step.filing;
    const updatedAt = this.clock.now();
    // 首问负责: the first staff member to take the filing is named on it, and stays named
    const takes = actor.kind === 'staff' && !!actor.id && takesResponsibility(a.responsibleId, step.action);
    const written: Partial<ApplicationEntity> = takes ? { ...patch, responsibleId: actor.id, responsibleHallId: actor.hallId ?? a.hallId } : patch;
    const r = await em
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ ...written, status: step.to, updatedAt })
      .where('id = :id AND status = :from', { id: step.filing.id, from: step.from })
      .execute();
    if (!r.affected) throw new DomainError('INVALID_STATE', '办件状态已变化，请刷新后重试');
    await this.event(em, step.filing.id, step.to, step.action, actor, note, at);
    return { updatedAt, written };
  }

  /** `begin` and `apply` at once, for a step with no checks between them. Same errors. */
  move(a: ApplicationEntity, action: ApplicationAction, actor: Actor, patch: Partial<ApplicationEntity>, note: string | null, more?: (em: EntityManager, to: ApplicationStatus) => Promise<void>): Promise<ApplicationEntity> {
    return this.apply(this.begin(a, action, actor.kind), actor, patch, note, more);
  }

  /**
   * A `more` for `apply`/`move` that tells the applicant (`tell`) in the step's own transaction, so
   * that the step and its message commit or roll back together; `before` runs first in it.
   */
  telling(a: ApplicationEntity, title: string, body: string, dedupeKey?: string | null, before?: (em: EntityManager, to: ApplicationStatus) => Promise<void>) {
    return async (em: EntityManager, to: ApplicationStatus): Promise<void> => {
      if (before) await before(em, to);
      await this.tell(a, title, body, dedupeKey, { em, to });
    };
  }

  /**
   * Append a timeline event. Callers hold the filing's row lock (the conditional update in `apply`,
   * or `lockFiling`), so the next `seq` is read safely; the unique key guards it regardless.
   */
  async event(em: EntityManager, applicationId: string, status: ApplicationStatus, action: string, actor: Actor, note: string | null, at = this.clock.now()): Promise<void> {
    const last = await em
      .getRepository(ApplicationEventEntity)
      .createQueryBuilder('e')
      .select('MAX(e.seq)', 'max')
      .where('e.application_id = :id', { id: applicationId })
      .getRawOne<{ max: number | string | null }>();
    await em.insert(ApplicationEventEntity, {
      id: newId(),
      applicationId,
      seq: Number(last?.max ?? 0) + 1,
      at,
      status,
      action,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name?.slice(0, 64) ?? null,
      principalId: actor.principalId,
      note,
    });
  }

  /**
   * Acceptance by staff or by the law's clock (`step` begun as `accept` or `deem_accept`): a receipt
   * number under its unique key (redrawn on a clash), the due date `promisedDays` working days
   * from `from`, the SLA state, and the applicant's message. A 容缺 commitment starts here: owed
   * materials are due COMMITMENT_DAYS working days from now (the moment the applicant learns of the
   * acceptance, also for a deemed one), and the message names them with that date.
   * Returns the accepted filing. Throws INVALID_STATE when another step moved the filing first.
   */
  async accept(step: Step, actor: Actor, from: Date, note: string): Promise<ApplicationEntity> {
    const a = step.filing;
    const deemed = step.action === 'deem_accept';
    const service = await this.catalog.service(a.serviceId);
    // 一件事: each part's clock from the same acceptance, the filing due with its slowest part
    const parts = a.bundleId ? await this.partsOf(a.id) : [];
    const partDue = await Promise.all(parts.map((p) => this.calendar.dueAt(from, p.promisedDays)));
    const promised = parts.length ? Math.max(...parts.map((p) => p.promisedDays)) : (service?.promisedDays ?? 1);
    const dueAt = parts.length ? bundleDueAt(partDue.map((d) => ({ dueAt: d })))! : await this.calendar.dueAt(from, promised);
    const startParts = parts.length
      ? async (em: EntityManager) => {
          for (const [i, p] of parts.entries()) await em.update(ApplicationPartEntity, { id: p.id }, { status: 'accepted', acceptedAt: from, dueAt: partDue[i], updatedAt: this.clock.now() });
        }
      : undefined;
    const what = a.bundleId ? ((await this.bundles.names([a.bundleId])).get(a.bundleId) ?? '') : (service?.name ?? '');
    const cal = await this.calendar.view();
    const computed = slaState({ status: 'accepted', dueAt, decidedAt: null }, this.clock.now(), cal.isWorkday);
    // A filing accepted already past its due date (deemed acceptance of an old submission) is left
    // for the sla-scan to mark overdue, so that the applicant gets the overdue message once.
    const sla = computed === 'overdue' ? null : computed;
    const owing = await this.committedMaterials(a.id);
    const commitmentStatus = commitmentAtAcceptance(owing);
    const commitmentDueAt = commitmentStatus ? await this.calendar.dueAt(this.clock.now(), this.config.filings.commitmentDays) : null;
    const owedNames = owing.filter((m) => m.fileCount === 0).map((m) => m.name);
    const text = (receiptNo: string) =>
      `您的办件 ${a.number}（${what}）${deemed ? `${note}` : '已受理'}，受理号 ${receiptNo}。${parts.length ? `${parts.length} 个部门并联审批，最长` : ''}承诺办结时限 ${promised} 个工作日，预计 ${shanghaiDate(dueAt)} 前办结。可在办件详情中下载受理通知书。` +
      (commitmentStatus === 'open' && commitmentDueAt
        ? `\n容缺受理：请于 ${shanghaiDate(commitmentDueAt)} 前在办件详情中补交 ${owedNames.join('、')}；材料补齐前不能作出准予决定，逾期未补交将记入信用记录。`
        : '');
    for (let attempt = 0; ; attempt++) {
      const receiptNo = receiptNumber(from, randomBytes(6));
      try {
        // the acceptance (with its 一件事 parts) and its message in one transaction
        const told = this.telling(a, deemed ? '办件已依法视为受理' : '办件已受理', text(receiptNo), 'accepted', startParts);
        await this.apply(step, actor, { receiptNo, acceptedAt: from, dueAt, deemedAccepted: deemed, sla, commitmentStatus, commitmentDueAt }, note, told);
        break;
      } catch (e) {
        if (isDuplicateKey(e) && attempt < 5) continue;
        throw e;
      }
    }
    return a;
  }

  /** The filing's committed (容缺) materials with their names and file counts, in the list's order. */
  async committedMaterials(applicationId: string): Promise<Array<{ materialId: string; name: string; committed: boolean; fileCount: number }>> {
    const mats = (await this.materialsOf(applicationId)).filter((m) => m.committedAt !== null);
    if (!mats.length) return [];
    const hashes = await this.materialHashes(applicationId);
    return mats.map((m) => ({ materialId: m.materialId, name: m.name, committed: true, fileCount: hashes.get(m.materialId)?.length ?? 0 }));
  }

  /** End of the correction deadline day (YYYY-MM-DD), `correctionDays` working days from today. */
  async correctionDeadline(): Promise<string> {
    return this.calendar.addWorkingDays(shanghaiDate(this.clock.now()), this.config.filings.correctionDays);
  }

  // ---- messages and actors ----

  /**
   * A message to the applicant (and to the agent or member who made the filing, when that is
   * someone else), linking to the filing. `dedupeKey` makes it once per filing.
   */
  async tell(a: ApplicationEntity, title: string, body: string, dedupeKey?: string | null, within?: Within): Promise<void> {
    for (const userId of [...new Set([a.userId, a.actorId])]) {
      // by SMS too for the steps a person must not miss (the status the filing reached)
      await this.notifications.send(
        { userId, type: 'application', title, body, link: LINKS.filing(a.id), dedupeKey: dedupeKey ? `${dedupeKey}:${a.id}` : null, sms: smsTemplateFor('application', within?.to ?? a.status) },
        within?.em,
      );
    }
  }

  /** The caller acting on their own filing, or as agent (then the filing's person is the principal). */
  applicantActor(callerId: string, a: Pick<ApplicationEntity, 'userId'>): Actor {
    return { kind: 'applicant', id: callerId, name: null, principalId: callerId !== a.userId ? a.userId : null };
  }

  /** How a timeline event names who did it; `anonymous` (the public look-up) never names staff. */
  actorLabel(e: Pick<ApplicationEventEntity, 'actorKind' | 'actorName' | 'principalId'> & { action?: string }, anonymous = false): string {
    if (e.actorKind === 'system') return '系统';
    // 受审分离: review and decisions are the department reviewer's, the rest the window's
    const who = e.action && REVIEWER_ACTIONS.has(e.action) ? '审核人员' : '窗口工作人员';
    if (e.actorKind === 'staff') return anonymous || !e.actorName ? who : `${who}（${e.actorName}）`;
    // the centre's assigned helper (帮办代办) acts as an agent does, and is named: the applicant knows them
    if (e.principalId && e.actorName) return anonymous ? '帮办专员' : `帮办专员（${e.actorName}）`;
    return e.principalId ? '代办人' : '申请人';
  }

  // ---- views ----

  /**
   * Views for many filings in a handful of queries, in the order of `rows`; `withTimeline` (the
   * detail) adds the timeline and the upload limits.
   */
  async views(rows: ApplicationEntity[], withTimeline: boolean): Promise<ApplicationView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const bundled = rows.filter((r) => r.bundleId);
    const parts = bundled.length ? await this.parts.find({ where: { applicationId: In(bundled.map((r) => r.id)) }, order: { sortOrder: 'ASC' } }) : [];
    const [departments, partCerts] = bundled.length
      ? await Promise.all([this.catalog.listDepartments(), this.certificates.ofFilingServices(bundled.map((r) => r.id))])
      : [[] as Array<{ id: string; name: string }>, new Map<string, { id: string; type: string; number: string; verifyCode: string }>()];
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    const partsOf = group(parts, (p) => p.applicationId);
    const [mats, files, events, shared] = await Promise.all([
      this.materials.find({ where: { applicationId: In(ids) }, order: { sortOrder: 'ASC' } }),
      this.files.find({ where: { applicationId: In(ids) }, order: { createdAt: 'ASC' } }),
      withTimeline ? this.events.find({ where: { applicationId: In(ids) }, order: { seq: 'ASC' } }) : Promise.resolve([] as ApplicationEventEntity[]),
      // the halls a forwarded filing passed through, for its transfer
      this.summaryContext(rows, ids, rows.flatMap((r) => [r.filedHallId, r.competentHallId]), parts.map((p) => p.serviceId)),
    ]);
    const { byService, byHall } = shared;
    const matIds = [...new Set(mats.map((m) => m.materialId))];
    const [guide, reused, issued] = await Promise.all([
      this.catalog.materialsById(matIds),
      this.certificates.byIds(mats.flatMap((m) => (m.reusedCertificateId ? [m.reusedCertificateId] : []))),
      this.certificates.ofFilings(rows.filter((r) => r.decidedAt !== null).map((r) => r.id)),
    ]);
    const matsOf = group(mats, (m) => m.applicationId);
    const filesOf = group(files, (f) => `${f.applicationId}:${f.materialId}`);
    return rows.map((a) => {
      const s = byService.get(a.serviceId);
      const mine = partsOf.get(a.id) ?? [];
      const partView = (p: ApplicationPartEntity): ApplicationPartView => ({
        id: p.id,
        serviceId: p.serviceId,
        serviceName: byService.get(p.serviceId)?.name ?? '',
        departmentId: p.departmentId,
        departmentName: departmentName.get(p.departmentId) ?? '',
        status: p.status,
        statusLabel: PART_STATUS_LABELS[p.status],
        promisedDays: p.promisedDays,
        materialIds: p.materialIds,
        flaggedMaterialIds: p.flags.map((f) => f.materialId),
        acceptedAt: p.acceptedAt?.toISOString() ?? null,
        dueAt: p.dueAt?.toISOString() ?? null,
        sla: partSla(p, shared.now, shared.isWorkday),
        decidedAt: p.decidedAt?.toISOString() ?? null,
        decisionNote: p.decisionNote,
        deemed: p.deemed,
        certificate: certificateRef(partCerts.get(`${a.id}:${p.serviceId}`)),
      });
      // 一件事: the methods every part's service publishes
      const methods = mine.length ? (s?.delivery ?? []).filter((m) => mine.every((p) => byService.get(p.serviceId)?.delivery.includes(m))) : (s?.delivery ?? []);
      const owed = (matsOf.get(a.id) ?? []).map((m) => ({ materialId: m.materialId, committed: m.committedAt !== null, fileCount: filesOf.get(`${a.id}:${m.materialId}`)?.length ?? 0 }));
      const view: ApplicationView = {
        ...this.summary(a, shared, owed),
        keyProject: mine.length ? mine.some((p) => byService.get(p.serviceId)?.keyProject) : (s?.keyProject ?? false),
        promisedDays: mine.length ? Math.max(...mine.map((p) => p.promisedDays)) : (s?.promisedDays ?? 0),
        instant: mine.length ? false : (s?.instant ?? false),
        materials: (matsOf.get(a.id) ?? []).map((m) => {
          const g = guide.get(m.materialId);
          const own = filesOf.get(`${a.id}:${m.materialId}`) ?? [];
          const from = m.reusedCertificateId ? reused.get(m.reusedCertificateId) : undefined;
          return {
            materialId: m.materialId,
            name: m.name,
            required: m.required,
            tolerable: m.tolerable,
            copies: g?.copies ?? 1,
            form: g?.form ?? 'electronic',
            note: g?.note ?? null,
            files: own.map((f) => ({ id: f.id, name: f.name, size: f.size, contentType: f.contentType, sha256: f.sha256 })),
            review: m.reviewOk === null ? null : { ok: m.reviewOk, reason: m.reviewReason },
            commitment: m.committedAt ? { at: m.committedAt.toISOString(), text: m.commitmentText ?? '' } : null,
            changedSinceNotice: this.changedSince(a, m, own.map((f) => f.sha256)),
            reusedFrom: from ? { certificateId: from.id, type: from.type, number: from.number } : null,
            ...(mine.length ? { serviceIds: mine.filter((p) => p.materialIds.includes(m.materialId)).map((p) => p.serviceId) } : {}),
          };
        }),
        deemedAccepted: a.deemedAccepted,
        receiptNo: a.receiptNo,
        returnReason: a.returnReason,
        refuseReason: a.refuseReason,
        decisionNote: a.decisionNote,
        delivery: this.deliveryView(a, byHall.get(a.hallId)),
        deliveryMethods: methods,
        certificate: mine.length ? null : certificateRef(issued.get(a.id)),
        transfer: this.transferView(a, byHall, shared.now, shared.isWorkday),
        bundleId: a.bundleId,
        ...(mine.length ? { parts: mine.map(partView) } : {}),
      };
      if (withTimeline) {
        view.uploadLimits = this.uploadLimits();
        view.commitmentDays = this.config.filings.commitmentDays;
        view.timeline = events
          .filter((e) => e.applicationId === a.id)
          .map((e) => ({
            at: e.at.toISOString(),
            status: e.status,
            action: e.action,
            actor: this.actorLabel(e),
            actorKind: e.actorKind,
            actorId: e.actorId,
            principalId: e.principalId,
            note: e.note,
          }));
      }
      return view;
    });
  }

  /**
   * GET /applications: the list's items (ApplicationListItem), in the order of `rows`: no
   * materials, files, timeline, delivery or certificate; only committed materials are read, for
   * what a 容缺 commitment still owes.
   */
  async listViews(rows: ListedFiling[]): Promise<ApplicationListItem[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [committed, shared] = await Promise.all([
      this.materials.find({ where: { applicationId: In(ids), committedAt: Not(IsNull()) }, select: { applicationId: true, materialId: true, sortOrder: true }, order: { sortOrder: 'ASC' } }),
      this.summaryContext(rows, ids),
    ]);
    const withCommitment = [...new Set(committed.map((m) => m.applicationId))];
    const files = withCommitment.length ? await this.files.find({ where: { applicationId: In(withCommitment) }, select: { applicationId: true, materialId: true } }) : [];
    const committedOf = group(committed, (m) => m.applicationId);
    const fileCount = new Map<string, number>();
    for (const f of files) fileCount.set(`${f.applicationId}:${f.materialId}`, (fileCount.get(`${f.applicationId}:${f.materialId}`) ?? 0) + 1);
    return rows.map((a) => {
      const owed = (committedOf.get(a.id) ?? []).map((m) => ({ materialId: m.materialId, committed: true, fileCount: fileCount.get(`${a.id}:${m.materialId}`) ?? 0 }));
      return { ...this.summary(a, shared, owed), updatedAt: a.updatedAt.toISOString() };
    });
  }

  /**
   * What both the list and the detail read besides the rows: services, halls (with `moreHalls`),
   * latest notices, the calendar, party names, the responsible staff and their halls.
   */
  private async summaryContext(rows: ListedFiling[], ids: string[], moreHalls: Array<string | null> = [], moreServices: string[] = []): Promise<SummaryContext> {
    const personIds = rows.flatMap((r) => (r.actorId !== r.userId ? [r.userId, r.actorId] : [r.userId]));
    const companyIds = rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : []));
    const responsibleIds = rows.flatMap((r) => (r.responsibleId ? [r.responsibleId] : []));
    const waiting = ids.filter((_, i) => rows[i].status === 'correction_required');
    const [byService, byHall, notices, cal, names, staffName, responsibleHalls, bundleNames] = await Promise.all([
      this.catalog.servicesById([...rows.map((r) => r.serviceId), ...moreServices]),
      this.catalog.hallsById([...rows.map((r) => r.hallId), ...moreHalls]),
      waiting.length ? this.notices.find({ where: { applicationId: In(waiting) }, order: { round: 'DESC' } }) : Promise.resolve([] as ApplicationNoticeEntity[]),
      this.calendar.view(),
      this.applicants.partyNames(personIds, companyIds),
      this.applicants.staffNames(responsibleIds),
      this.catalog.hallNames(rows.map((r) => r.responsibleHallId)),
      rows.some((r) => r.bundleId) ? this.bundles.names(rows.map((r) => r.bundleId)) : Promise.resolve(new Map<string, string>()),
    ]);
    const latest = new Map<string, ApplicationNoticeEntity>();
    for (const n of notices) if (!latest.has(n.applicationId)) latest.set(n.applicationId, n);
    return { byService, byHall, latest, isWorkday: cal.isWorkday, nameOf: names.people, companyName: names.enterprises, staffName, responsibleHalls, bundleNames, now: this.clock.now() };
  }

  /** The fields the list and the detail share, from the row, its commitment's materials (`owed`) and the context. */
  private summary(a: ListedFiling, c: SummaryContext, owed: OwedState[]): Omit<ApplicationListItem, 'updatedAt'> {
    const s = c.byService.get(a.serviceId);
    const latest = c.latest.get(a.id) ?? null;
    // the law's pre-review clock runs only while the centre owes the pre-review, not while the applicant's originals are awaited
    const waiting = a.status === 'submitted';
    return {
      id: a.id,
      number: a.number,
      status: a.status,
      statusLabel: STATUS_LABELS[a.status],
      serviceId: a.serviceId,
      serviceName: (a.bundleId ? c.bundleNames.get(a.bundleId) : undefined) ?? s?.name ?? '',
      hallId: a.hallId,
      hallName: c.byHall.get(a.hallId)?.name ?? '',
      keyProject: s?.keyProject ?? false,
      instant: s?.instant ?? false,
      dueAt: a.dueAt?.toISOString() ?? null,
      sla: slaState(a, c.now, c.isWorkday),
      createdAt: a.createdAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      acceptedAt: a.acceptedAt?.toISOString() ?? null,
      acceptBy: AWAITING_ACCEPTANCE.includes(a.status) && a.submittedAt ? acceptBy(a.submittedAt, c.isWorkday) : null,
      commitment: commitmentView(a, owed, c.now, c.isWorkday),
      prereview:
        waiting && a.submittedAt
          ? { deadline: shanghaiDate(prereviewDeadline(a.submittedAt, c.isWorkday)), daysLeft: prereviewDaysLeft(a.submittedAt, c.now, c.isWorkday, LAW_PREREVIEW_DAYS) }
          : null,
      notice: latest && a.status === 'correction_required' ? { round: latest.round, issuedAt: latest.issuedAt.toISOString(), deadline: latest.deadline, items: latest.items } : null,
      clockPaused: clockPaused(a.status),
      enterpriseId: a.enterpriseId,
      onBehalf: a.actorId !== a.userId,
      responsible: a.responsibleId
        ? { name: c.staffName.get(a.responsibleId) ?? '工作人员', hallName: (a.responsibleHallId && c.responsibleHalls.get(a.responsibleHallId)) || '' }
        : null,
      party: {
        type: a.enterpriseId ? 'enterprise' : a.actorId !== a.userId ? 'agent' : 'self',
        enterpriseId: a.enterpriseId,
        enterpriseName: a.enterpriseId ? c.companyName.get(a.enterpriseId) ?? null : null,
        principalId: a.userId,
        principalName: c.nameOf.get(a.userId) ?? null,
        agentId: a.actorId !== a.userId ? a.actorId : null,
        // the centre's helper (帮办代办) has no real name on file: their working name, as on the timeline
        agentName: a.actorId !== a.userId ? (c.nameOf.get(a.actorId) ?? (a.actorId === a.responsibleId ? `帮办专员${c.staffName.get(a.actorId) ?? ''}` : null)) : null,
      },
    };
  }

  /**
   * How the result reaches the applicant: the method chosen and by whom, the postal address (name
   * and phone masked), the tracking number, and where and when to collect once it is ready.
   */
  private deliveryView(a: ApplicationEntity, hall: { name: string; address: string; hours: string } | undefined): DeliveryView | null {
    if (!a.deliveryMethod) return null;
    const address = this.postalAddress(a);
    return {
      method: a.deliveryMethod,
      chosenBy: a.deliveryChosenBy ?? 'staff',
      address: address ? maskPostalAddress(address) : null,
      trackingNo: a.trackingNo,
      pickup: a.deliveryMethod === 'window' && a.readyAt && hall ? { place: `${hall.name}（${hall.address}）`, hours: hall.hours, readyAt: a.readyAt.toISOString() } : null,
      at: a.deliveredAt?.toISOString() ?? null,
    };
  }

  /** 同城通办: where it was filed and which hall decides, and while in transit the day it must be received by. */
  private transferView(a: ApplicationEntity, halls: ReadonlyMap<string, { name: string }>, now: Date, isWorkday: IsWorkday): TransferView | null {
    if (!a.filedHallId || !a.competentHallId) return null;
    const moving = clockPaused(a.status) && a.transitSince !== null;
    return {
      filedHallId: a.filedHallId,
      filedHallName: halls.get(a.filedHallId)?.name ?? '',
      competentHallId: a.competentHallId,
      competentHallName: halls.get(a.competentHallId)?.name ?? '',
      receiveBy: moving ? receiveBy(a.transitSince!, isWorkday) : null,
      late: moving && lateReception(a.transitSince!, shanghaiDate(now), isWorkday),
      pausedDays: a.transitDays,
    };
  }

  /**
   * Where the filing may be forwarded now (同城通办, forwarding.rules): an accepted filing to the
   * service's halls of the same city chain; a decided one that was forwarded, back to its filing hall.
   * For staff views. Raises nothing.
   */
  async forwardTargets(a: ApplicationEntity): Promise<ForwardTarget[]> {
    const view = (h: { id: string; name: string; level: string }) => ({ id: h.id, name: h.name, level: h.level });
    if (a.status === 'accepted') {
      const [halls, offering] = await Promise.all([this.catalog.allHalls(), this.catalog.hallsOffering(a.serviceId)]);
      return forwardTargets(halls, offering.map((h) => h.id), a.hallId).flatMap((id) => {
        const h = halls.get(id);
        return h ? [view(h)] : [];
      });
    }
    if ((a.status === 'approved' || a.status === 'denied') && a.filedHallId && a.filedHallId !== a.hallId) {
      const h = await this.catalog.hall(a.filedHallId);
      return h ? [view(h)] : [];
    }
    return [];
  }

  /** The postal address the applicant gave, decrypted (for posting it); null when none. */
  postalAddress(a: Pick<ApplicationEntity, 'deliveryAddressEnc'>): PostalAddress | null {
    return a.deliveryAddressEnc ? (JSON.parse(this.crypto.decrypt(a.deliveryAddressEnc)) as PostalAddress) : null;
  }

  /** The limits UploadReceiver enforces, as every filing's detail publishes them. */
  private uploadLimits(): UploadLimits {
    return { maxBytes: this.config.upload.maxBytes, maxFilesPerMaterial: this.config.upload.maxFilesPerMaterial, contentTypes: UPLOAD_CONTENT_TYPES };
  }
}
