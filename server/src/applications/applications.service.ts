import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { randomBytes, randomInt } from 'node:crypto';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { ApplicationStatus, maskName, OnBehalfOf, UPLOAD_CONTENT_TYPES, UploadLimits } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService, CalendarView } from '../calendar/calendar.service';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceMaterialEntity } from '../catalog/entities/service-material.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db-errors';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { ActingService } from '../delegation/acting.service';
import { EnterpriseEntity } from '../enterprises/entities/enterprise.entity';
import { FileEntity } from '../files/entities/file.entity';
import { FilesService } from '../files/files.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { ApplicantsService, ApplicantView } from '../users/applicants.service';
import { visibleFiling } from './applications.access';
import {
  ActorKind,
  ApplicationAction,
  changedSinceNotice,
  filingNumber,
  isEditable,
  LAW_PREREVIEW_DAYS,
  missingMaterials,
  prereviewDaysLeft,
  prereviewDeadline,
  slaState,
  STATUS_LABELS,
  transition,
  uncorrectedMaterials,
} from './applications.rules';
import { ApplicationEventEntity } from './entities/application-event.entity';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity } from './entities/application-notice.entity';
import { ApplicationEntity } from './entities/application.entity';
import type { ApplicationView, LookupView } from '@gov/shared';
export type { TimelineView, MaterialView, PartyView, NoticeView, ApplicationView, LookupView } from '@gov/shared';

/** Who does a step: kind, person and display name, and the principal when an agent acts. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
  principalId: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: '系统', principalId: null };

const ACTION_LABELS: Record<ApplicationAction, string> = {
  submit: '提交',
  flag: '出具补正告知',
  pass: '预审通过',
  accept: '受理',
  refuse: '不予受理',
  start_review: '开始审查',
  approve: '准予许可',
  deny: '不予许可',
  deliver: '送达',
  withdraw: '撤回',
  deem_accept: '视为受理',
};

export const COMMITMENT_TEXT = (names: string[], days: number) =>
  `本人自愿作出信用承诺：申请材料“${names.join('”“')}”暂缺，申请容缺受理，承诺自受理之日起 ${days} 个工作日内补交；` +
  '如未按期补交或承诺内容不实，愿意承担相应法律责任，并同意将失信信息记入信用记录。';

const LINK = (id: string) => `/subpackages/applications/pages/detail/index?id=${id}`;

/** Filings from the applicant's side, and the one place every state change goes through (`move`). */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly materials: Repository<ApplicationMaterialEntity>,
    @InjectRepository(ApplicationEventEntity) private readonly events: Repository<ApplicationEventEntity>,
    @InjectRepository(ApplicationNoticeEntity) private readonly notices: Repository<ApplicationNoticeEntity>,
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(ServiceMaterialEntity) private readonly serviceMaterials: Repository<ServiceMaterialEntity>,
    @InjectRepository(ServiceHallEntity) private readonly serviceHalls: Repository<ServiceHallEntity>,
    @InjectRepository(HallEntity) private readonly halls: Repository<HallEntity>,
    @InjectRepository(UserEntity) private readonly userRows: Repository<UserEntity>,
    @InjectRepository(EnterpriseEntity) private readonly companies: Repository<EnterpriseEntity>,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly acting: ActingService,
    private readonly users: UsersService,
    private readonly applicants: ApplicantsService,
    private readonly fileStore: FilesService,
    private readonly notifications: NotificationsService,
  ) {}

  // ---- reading ----

  async find(id: string): Promise<ApplicationEntity | null> {
    return isId(id) ? this.apps.findOne({ where: { id } }) : null;
  }

  /** The filing for one of its parties to act on; 404 to everyone else (staff included). */
  async own(caller: AuthUser, id: string): Promise<ApplicationEntity> {
    return this.access.ownedBy(caller, await this.find(id));
  }

  async get(caller: AuthUser, id: string): Promise<ApplicationView & { applicant?: ApplicantView }> {
    const a = visibleFiling(this.access, caller, await this.find(id));
    const [view] = await this.views([a], true);
    if (!caller.roles.includes('staff') && !caller.roles.includes('admin')) return view;
    // staff at the window see who it is for (and who acts for them), masked
    const [applicant] = await this.applicants.views([a]);
    return { ...view, applicant };
  }

  async list(caller: AuthUser, q: { status?: ApplicationStatus; enterpriseId?: string }): Promise<ApplicationView[]> {
    const qb = this.apps.createQueryBuilder('a').orderBy('a.created_at', 'DESC').take(200);
    if (q.enterpriseId) {
      // a company's filings to its members; to anyone else only their own filings for that company
      const member = (caller.enterpriseIds ?? []).includes(q.enterpriseId);
      qb.where('a.enterprise_id = :e', { e: q.enterpriseId });
      if (!member) qb.andWhere(new Brackets((w) => w.where('a.user_id = :me', { me: caller.id }).orWhere('a.actor_id = :me', { me: caller.id })));
    } else {
      qb.where(new Brackets((w) => w.where('a.user_id = :me', { me: caller.id }).orWhere('a.actor_id = :me', { me: caller.id })));
    }
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    return this.views(await qb.getMany(), false);
  }

  // ---- creating ----

  async create(caller: AuthUser, input: { serviceId: string; hallId?: string; onBehalfOf?: OnBehalfOf }): Promise<ApplicationView> {
    const me = await this.users.requireById(caller.id);
    if (!me.verifiedAt) throw new DomainError('REAL_NAME_REQUIRED', '网上申报前请先完成实名认证');
    const service = isId(input.serviceId) ? await this.services.findOne({ where: { id: input.serviceId, active: true } }) : null;
    if (!service) throw new DomainError('NOT_FOUND', '事项不存在');
    const who = await this.acting.resolve(caller, input.onBehalfOf, service.id);
    const hallId = await this.pickHall(service.id, input.hallId);
    const list = await this.serviceMaterials.find({ where: { serviceId: service.id }, order: { sortOrder: 'ASC' } });
    const now = this.clock.now();
    const row: ApplicationEntity = this.apps.create({
      id: newId(),
      number: '',
      userId: who.userId,
      actorId: who.actorId,
      enterpriseId: who.enterpriseId,
      serviceId: service.id,
      hallId,
      status: 'draft',
      noticeCount: 0,
      receiptNo: null,
      submittedAt: null,
      acceptedAt: null,
      deemedAccepted: false,
      dueAt: null,
      decidedAt: null,
      sla: null,
      refuseReason: null,
      decisionNote: null,
      deliveryMethod: null,
      trackingNo: null,
      deliveredAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const actor = this.applicantActor(caller, row);
    for (let attempt = 0; ; attempt++) {
      row.number = filingNumber(now, randomInt(1_000_000));
      try {
        await this.tx.run(async (em) => {
          await em.insert(ApplicationEntity, row);
          if (list.length) {
            await em.insert(
              ApplicationMaterialEntity,
              list.map((m, i) => ({
                id: newId(),
                applicationId: row.id,
                materialId: m.id,
                sortOrder: i,
                name: m.name,
                required: m.required,
                tolerable: m.tolerable,
                reviewOk: null,
                reviewReason: null,
                flaggedEver: false,
                changedAfterNotice: false,
                noticeState: null,
                committedAt: null,
                commitmentText: null,
              })),
            );
          }
          await this.event(em, row.id, 'draft', 'create', actor, `创建申报草稿（${service.name}）`, now);
        });
        break;
      } catch (e) {
        // a clash of the random number with another filing's: draw again
        if (isDuplicateKey(e) && attempt < 5) continue;
        throw e;
      }
    }
    return (await this.views([row], true))[0];
  }

  /** The service's first hall (by the halls' order) unless the applicant names one of its halls. */
  private async pickHall(serviceId: string, wanted?: string): Promise<string> {
    const links = await this.serviceHalls.find({ where: { serviceId } });
    const halls = links.length ? await this.halls.find({ where: { id: In(links.map((l) => l.hallId)) }, order: { sortOrder: 'ASC', name: 'ASC' } }) : [];
    if (wanted !== undefined) {
      if (!halls.some((h) => h.id === wanted)) {
        throw fieldError('hallId', '所选大厅不办理该事项');
      }
      return wanted;
    }
    if (!halls.length) throw new DomainError('INVALID_STATE', '该事项暂无办理大厅，不能网上申报');
    return halls[0].id;
  }

  // ---- materials ----

  async upload(caller: AuthUser, id: string, materialId: string, req: Request): Promise<{ id: string; name: string; size: number; contentType: string; sha256: string }> {
    const a = await this.own(caller, id);
    const m = await this.material(a.id, materialId);
    this.assertEditable(a);
    const max = this.config.upload.maxFilesPerMaterial;
    if ((await this.files.count({ where: { applicationId: a.id, materialId } })) >= max) throw this.tooMany(max);

    const f = await this.fileStore.receive(req);
    const now = this.clock.now();
    const row: FileEntity = { id: newId(), applicationId: a.id, materialId, name: f.name, size: f.size, contentType: f.contentType, sha256: f.sha256, uploadedBy: caller.id, createdAt: now };
    await this.tx.run(async (em) => {
      // the filing's row is the lock that orders uploads against each other and against submission
      const fresh = await this.lockFiling(em, a.id);
      this.assertEditable(fresh);
      if ((await em.count(FileEntity, { where: { applicationId: a.id, materialId } })) >= max) throw this.tooMany(max);
      await em.insert(FileEntity, row);
      if (fresh.noticeCount > 0) await em.update(ApplicationMaterialEntity, { id: m.id }, { changedAfterNotice: true });
      await em.update(ApplicationEntity, { id: a.id }, { updatedAt: now });
    });
    return { id: row.id, name: row.name, size: row.size, contentType: row.contentType, sha256: row.sha256 };
  }

  async deleteFile(caller: AuthUser, id: string, materialId: string, fileId: string): Promise<void> {
    const a = await this.own(caller, id);
    const m = await this.material(a.id, materialId);
    const f = isId(fileId) ? await this.files.findOne({ where: { id: fileId, applicationId: a.id, materialId } }) : null;
    if (!f) throw new DomainError('NOT_FOUND');
    this.assertEditable(a);
    await this.tx.run(async (em) => {
      const fresh = await this.lockFiling(em, a.id);
      this.assertEditable(fresh);
      await em.delete(FileEntity, { id: f.id });
      if (fresh.noticeCount > 0) await em.update(ApplicationMaterialEntity, { id: m.id }, { changedAfterNotice: true });
      await em.update(ApplicationEntity, { id: a.id }, { updatedAt: this.clock.now() });
    });
  }

  /** 容缺受理: a written credit commitment for missing tolerable materials, recorded with its time and text. */
  async commit(caller: AuthUser, id: string, materialIds: string[]): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    this.assertEditable(a);
    const rows = await this.materials.find({ where: { applicationId: a.id }, order: { sortOrder: 'ASC' } });
    const byId = new Map(rows.map((r) => [r.materialId, r]));
    const wanted = [...new Set(materialIds)];
    const problems = wanted
      .map((mid, i) => {
        const r = byId.get(mid);
        if (!r) return { field: `materialIds.${i}`, message: '该材料不在本事项的材料清单中' };
        if (!r.tolerable) return { field: `materialIds.${i}`, message: `“${r.name}”不可容缺，须提交材料` };
        return null;
      })
      .filter((p): p is { field: string; message: string } => p !== null);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', '只有可容缺的材料才能以信用承诺代替', { fields: problems });
    const chosen = wanted.map((mid) => byId.get(mid)!);
    const now = this.clock.now();
    const text = COMMITMENT_TEXT(chosen.map((r) => r.name), this.config.filings.correctionDays);
    await this.tx.run(async (em) => {
      const fresh = await this.lockFiling(em, a.id);
      this.assertEditable(fresh);
      await em.update(
        ApplicationMaterialEntity,
        { id: In(chosen.map((r) => r.id)) },
        { committedAt: now, commitmentText: text, ...(fresh.noticeCount > 0 ? { changedAfterNotice: true } : {}) },
      );
      await this.event(em, a.id, fresh.status, 'commit', this.applicantActor(caller, a), `签署信用承诺，申请容缺受理：${chosen.map((r) => r.name).join('、')}`, now);
    });
    return this.get(caller, id);
  }

  // ---- the applicant's steps ----

  async submit(caller: AuthUser, id: string): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    this.check(a, 'submit', 'applicant');
    const rows = await this.materials.find({ where: { applicationId: a.id }, order: { sortOrder: 'ASC' } });
    const files = await this.files.find({ where: { applicationId: a.id }, select: { id: true, materialId: true, sha256: true } });
    const hashes = this.hashesByMaterial(files);
    const missing = missingMaterials(rows.map((r) => ({ materialId: r.materialId, required: r.required, tolerable: r.tolerable, fileCount: hashes.get(r.materialId)?.length ?? 0, committed: r.committedAt !== null })));
    const namesOf = (ids: string[]) => rows.filter((r) => ids.includes(r.materialId)).map((r) => r.name);
    if (missing.length) {
      throw new DomainError('MATERIALS_MISSING', `还有必需材料未上传：${namesOf(missing).join('、')}`, { materialIds: missing });
    }
    const again = a.status === 'correction_required';
    if (again) {
      const notice = await this.notices.findOne({ where: { applicationId: a.id }, order: { round: 'DESC' } });
      const byId = new Map(rows.map((r) => [r.materialId, r]));
      const unchanged = uncorrectedMaterials(notice?.items.map((i) => i.materialId) ?? [], (mid) => {
        const r = byId.get(mid);
        return !r || this.changedSince(a, r, hashes.get(mid) ?? []) !== false;
      });
      if (unchanged.length) {
        const ordered = rows.filter((r) => unchanged.includes(r.materialId)).map((r) => r.materialId);
        throw new DomainError(
          'NOTHING_CORRECTED',
          `一次性告知要求补正的材料尚未更改：${namesOf(ordered).join('、')}。请上传补正后的材料（可容缺的材料也可作出信用承诺）后再提交`,
          { materialIds: ordered },
        );
      }
    }
    const now = this.clock.now();
    await this.move(a, 'submit', this.applicantActor(caller, a), { submittedAt: now }, again ? '补正材料后重新提交' : '提交申请，等待预审');
    const deadline = shanghaiDate(prereviewDeadline(now, (await this.calendar.view()).isWorkday));
    await this.tell(a, again ? '补正材料已提交' : '申请已提交', `您的办件 ${a.number} 已提交，窗口将在 ${deadline} 前完成预审；逾期未告知补正的，自提交之日起视为受理。`);
    return this.get(caller, id);
  }

  async withdraw(caller: AuthUser, id: string, reason?: string): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    await this.move(a, 'withdraw', this.applicantActor(caller, a), {}, reason?.trim() ? `申请人撤回：${reason.trim()}` : '申请人撤回申请');
    await this.tell(a, '申请已撤回', `您的办件 ${a.number} 已撤回。`);
    return this.get(caller, id);
  }

  // ---- public progress look-up ----

  async lookup(number: string, phoneTail: string): Promise<LookupView> {
    const a = await this.apps.findOne({ where: { number } });
    const owner = a ? await this.users.findById(a.userId) : null;
    // a wrong phone tail is answered exactly like a missing number
    if (!a || a.status === 'draft' || !owner || owner.phoneTail !== phoneTail) throw new DomainError('NOT_FOUND', '未找到该办件，请核对办件编号和手机号后四位');
    const [service, events, cal] = await Promise.all([
      this.services.findOne({ where: { id: a.serviceId }, select: { id: true, name: true } }),
      this.events.find({ where: { applicationId: a.id }, order: { seq: 'ASC' } }),
      this.calendar.view(),
    ]);
    return {
      number: a.number,
      serviceName: service?.name ?? '',
      status: a.status,
      statusLabel: STATUS_LABELS[a.status],
      sla: slaState(a, this.clock.now(), cal.isWorkday),
      dueAt: a.dueAt?.toISOString() ?? null,
      timeline: events.filter((e) => e.action !== 'create').map((e) => ({ at: e.at.toISOString(), status: e.status, actor: this.actorLabel(e, true), note: e.note })),
    };
  }

  // ---- the one way a filing changes state ----

  /** Throws INVALID_STATE (or FORBIDDEN) unless `action` is allowed now; returns the next state. */
  check(a: ApplicationEntity, action: ApplicationAction, by: ActorKind): ApplicationStatus {
    const t = transition(a.status, action, by);
    if (!t.ok) {
      throw t.code === 'FORBIDDEN'
        ? new DomainError('FORBIDDEN')
        : new DomainError('INVALID_STATE', `办件当前状态为“${STATUS_LABELS[a.status]}”，不能${ACTION_LABELS[action]}`, { status: a.status });
    }
    return t.to;
  }

  /**
   * Apply one transition of the state machine: a conditional update on the state it was read in
   * (so that of two racing steps one wins and the other gets INVALID_STATE), the timeline event, and
   * any further writes, in one short transaction.
   */
  async move(
    a: ApplicationEntity,
    action: ApplicationAction,
    actor: Actor,
    patch: Partial<ApplicationEntity>,
    note: string | null,
    more?: (em: EntityManager, to: ApplicationStatus) => Promise<void>,
    at: Date = this.clock.now(),
  ): Promise<ApplicationStatus> {
    const to = this.check(a, action, actor.kind);
    await this.tx.run(async (em) => {
      const r = await em
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({ ...patch, status: to, updatedAt: this.clock.now() })
        .where('id = :id AND status = :from', { id: a.id, from: a.status })
        .execute();
      if (!r.affected) throw new DomainError('INVALID_STATE', '办件状态已变化，请刷新后重试');
      await this.event(em, a.id, to, action, actor, note, at);
      if (more) await more(em, to);
    });
    Object.assign(a, patch, { status: to });
    return to;
  }

  /**
   * Append a timeline event. Callers hold the filing's row lock (the conditional update in `move`,
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

  /** A message to the applicant (and to the agent or member who made the filing, when that is someone else). */
  async tell(a: ApplicationEntity, title: string, body: string, dedupeKey?: string): Promise<void> {
    for (const userId of [...new Set([a.userId, a.actorId])]) {
      await this.notifications.send({ userId, type: 'application', title, body, link: LINK(a.id), dedupeKey: dedupeKey ? `${dedupeKey}:${a.id}` : null });
    }
  }

  applicantActor(caller: AuthUser, a: Pick<ApplicationEntity, 'userId'>): Actor {
    return { kind: 'applicant', id: caller.id, name: null, principalId: caller.id !== a.userId ? a.userId : null };
  }

  actorLabel(e: Pick<ApplicationEventEntity, 'actorKind' | 'actorName' | 'principalId'>, anonymous = false): string {
    if (e.actorKind === 'system') return '系统';
    if (e.actorKind === 'staff') return anonymous || !e.actorName ? '窗口工作人员' : `窗口工作人员（${e.actorName}）`;
    return e.principalId ? '代办人' : '申请人';
  }

  async lockFiling(em: EntityManager, id: string): Promise<ApplicationEntity> {
    const a = await em.getRepository(ApplicationEntity).findOne({ where: { id }, ...(this.tx.isMysql ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!a) throw new DomainError('NOT_FOUND');
    return a;
  }

  private async material(applicationId: string, materialId: string): Promise<ApplicationMaterialEntity> {
    const m = isId(materialId) ? await this.materials.findOne({ where: { applicationId, materialId } }) : null;
    if (!m) throw new DomainError('NOT_FOUND', '该材料不在本事项的材料清单中');
    return m;
  }

  /** The sha256 of each material's files, by material. */
  hashesByMaterial(files: ReadonlyArray<Pick<FileEntity, 'materialId' | 'sha256'>>): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const f of files) out.set(f.materialId, [...(out.get(f.materialId) ?? []), f.sha256]);
    return out;
  }

  /** Whether a material changed since the filing's latest correction notice; null before any notice. */
  changedSince(a: Pick<ApplicationEntity, 'noticeCount'>, m: ApplicationMaterialEntity, hashes: readonly string[]): boolean | null {
    if (a.noticeCount === 0) return null;
    return changedSinceNotice(m.noticeState, { files: hashes, committed: m.committedAt !== null }, m.changedAfterNotice);
  }

  private assertEditable(a: ApplicationEntity): void {
    if (!isEditable(a.status)) {
      throw new DomainError('INVALID_STATE', `办件当前状态为“${STATUS_LABELS[a.status]}”，只有草稿或待补正的办件可以修改材料`, { status: a.status });
    }
  }

  private tooMany(max: number): DomainError {
    const message = `每项材料最多上传 ${max} 个文件`;
    return fieldError('file', message, message, { maxFiles: max });
  }

  // ---- views ----

  /** Views for many filings in a handful of queries. */
  async views(rows: ApplicationEntity[], withTimeline: boolean): Promise<ApplicationView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const personIds = [...new Set(rows.flatMap((r) => (r.actorId !== r.userId ? [r.userId, r.actorId] : [r.userId])))];
    const companyIds = [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))];
    const [mats, files, services, halls, events, notices, cal, people, companies] = await Promise.all([
      this.materials.find({ where: { applicationId: In(ids) }, order: { sortOrder: 'ASC' } }),
      this.files.find({ where: { applicationId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.services.find({ where: { id: In([...new Set(rows.map((r) => r.serviceId))]) } }),
      this.halls.find({ where: { id: In([...new Set(rows.map((r) => r.hallId))]) } }),
      withTimeline ? this.events.find({ where: { applicationId: In(ids) }, order: { seq: 'ASC' } }) : Promise.resolve([] as ApplicationEventEntity[]),
      this.notices.find({ where: { applicationId: In(ids) }, order: { round: 'DESC' } }),
      this.calendar.view(),
      this.userRows.find({ where: { id: In(personIds) }, select: { id: true, realName: true } }),
      companyIds.length ? this.companies.find({ where: { id: In(companyIds) }, select: { id: true, name: true } }) : Promise.resolve([] as EnterpriseEntity[]),
    ]);
    const nameOf = new Map(people.map((u) => [u.id, maskName(u.realName)]));
    const companyName = new Map(companies.map((c) => [c.id, c.name]));
    const matIds = [...new Set(mats.map((m) => m.materialId))];
    const serviceMats = matIds.length ? await this.serviceMaterials.find({ where: { id: In(matIds) } }) : [];
    const guide = new Map(serviceMats.map((m) => [m.id, m]));
    const byService = new Map(services.map((s) => [s.id, s]));
    const byHall = new Map(halls.map((h) => [h.id, h]));
    const group = <T>(items: T[], key: (t: T) => string): Map<string, T[]> => {
      const m = new Map<string, T[]>();
      for (const it of items) {
        const k = key(it);
        const list = m.get(k);
        if (list) list.push(it);
        else m.set(k, [it]);
      }
      return m;
    };
    const matsOf = group(mats, (m) => m.applicationId);
    const filesOf = group(files, (f) => `${f.applicationId}:${f.materialId}`);
    const now = this.clock.now();
    return rows.map((a) => {
      const s = byService.get(a.serviceId);
      const latest = notices.find((n) => n.applicationId === a.id) ?? null;
      const waiting = a.status === 'submitted' || a.status === 'prereview_passed';
      const view: ApplicationView = {
        id: a.id,
        number: a.number,
        status: a.status,
        statusLabel: STATUS_LABELS[a.status],
        serviceId: a.serviceId,
        serviceName: s?.name ?? '',
        hallId: a.hallId,
        hallName: byHall.get(a.hallId)?.name ?? '',
        keyProject: s?.keyProject ?? false,
        promisedDays: s?.promisedDays ?? 0,
        materials: (matsOf.get(a.id) ?? []).map((m) => {
            const g = guide.get(m.materialId);
            const own = filesOf.get(`${a.id}:${m.materialId}`) ?? [];
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
            };
          }),
        dueAt: a.dueAt?.toISOString() ?? null,
        sla: slaState(a, now, cal.isWorkday),
        createdAt: a.createdAt.toISOString(),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        acceptedAt: a.acceptedAt?.toISOString() ?? null,
        deemedAccepted: a.deemedAccepted,
        receiptNo: a.receiptNo,
        prereview:
          waiting && a.submittedAt
            ? { deadline: shanghaiDate(prereviewDeadline(a.submittedAt, cal.isWorkday)), daysLeft: prereviewDaysLeft(a.submittedAt, now, cal.isWorkday, LAW_PREREVIEW_DAYS) }
            : null,
        notice: latest && a.status === 'correction_required' ? { round: latest.round, issuedAt: latest.issuedAt.toISOString(), deadline: latest.deadline, items: latest.items } : null,
        refuseReason: a.refuseReason,
        decisionNote: a.decisionNote,
        delivery: a.deliveryMethod ? { method: a.deliveryMethod, trackingNo: a.trackingNo, at: a.deliveredAt?.toISOString() ?? null } : null,
        enterpriseId: a.enterpriseId,
        onBehalf: a.actorId !== a.userId,
        party: {
          type: a.enterpriseId ? 'enterprise' : a.actorId !== a.userId ? 'agent' : 'self',
          enterpriseId: a.enterpriseId,
          enterpriseName: a.enterpriseId ? companyName.get(a.enterpriseId) ?? null : null,
          principalId: a.userId,
          principalName: nameOf.get(a.userId) ?? null,
          agentId: a.actorId !== a.userId ? a.actorId : null,
          agentName: a.actorId !== a.userId ? nameOf.get(a.actorId) ?? null : null,
        },
      };
      if (withTimeline) {
        view.uploadLimits = this.uploadLimits();
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

  /** The limits UploadReceiver enforces, as every filing's detail publishes them. */
  uploadLimits(): UploadLimits {
    return { maxBytes: this.config.upload.maxBytes, maxFilesPerMaterial: this.config.upload.maxFilesPerMaterial, contentTypes: UPLOAD_CONTENT_TYPES };
  }

  /** The calendar view, for the staff service and the job. */
  calendarView(): Promise<CalendarView> {
    return this.calendar.view();
  }

  /** End of the correction deadline day, `correctionDays` working days from today. */
  async correctionDeadline(): Promise<string> {
    return this.calendar.addWorkingDays(shanghaiDate(this.clock.now()), this.config.filings.correctionDays);
  }

  /** Receipt number draw (collisions are retried by the caller under the unique key). */
  receiptRandom(): Uint8Array {
    return randomBytes(6);
  }
}
