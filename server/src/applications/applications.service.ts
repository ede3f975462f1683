import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { randomInt } from 'node:crypto';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { ApplicationStatus, PART_STATUSES, checkPostalAddress, ForwardTarget, commitmentText, CreditView, DELIVERY_METHOD_LABELS, DeliveryMethod, mayHandInOwed, OnBehalfOf, PostalAddress } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import { CertificatesService } from '../certificates/certificates.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { Transactions } from '../common/db/transactions';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { newPrincipalRow } from '../common/principal-row';
import { AppConfig } from '../config/app-config';
import { Acting, ActingService, isStaffOnly } from '../delegation/acting.service';
import { BundlesService } from '../bundles/bundles.service';
import { FileEntity } from '../files/entities/file.entity';
import { FilesService } from '../files/files.service';
import { ApplicantsService, ApplicantView } from '../users/applicants.service';
import { requireVerified } from '../users/users.rules';
import { UsersService } from '../users/users.service';
import { visibleFiling } from './applications.access';
import { deliveryChoiceProblem, filingNumber, isEditable, missingMaterials, prereviewDeadline, slaState, STATUS_LABELS, uncorrectedMaterials } from './applications.rules';
import { ApplicationEventEntity } from './entities/application-event.entity';
import { ApplicationPartEntity } from './entities/application-part.entity';
import { partOnSubmit } from './parts.rules';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { mayFileAt } from './forwarding.rules';
import { ApplicationEntity } from './entities/application.entity';
import { CommitmentsService } from './commitments.service';
import { Actor, FilingKernel, LISTED_COLUMNS } from './filing-kernel.service';
import type { ApplicationListItem, ApplicationView, LookupView } from '@gov/shared';
export type { TimelineView, MaterialView, PartyView, NoticeView, ApplicationView, LookupView } from '@gov/shared';

/** GET /applications answers at most this many filings (a page of `limit` fewer). */
export const MAX_LISTED = 200;

/** A file as the upload answers it. */
export type UploadedFile = Pick<FileEntity, 'id' | 'name' | 'size' | 'contentType' | 'sha256'>;

/** Filings from the applicant's side: create, materials, commitment, submit, withdraw, the public look-up. State changes go through FilingKernel. */
@Injectable()
export class ApplicationsService implements OnModuleInit {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly materials: Repository<ApplicationMaterialEntity>,
    @InjectRepository(ApplicationEventEntity) private readonly events: Repository<ApplicationEventEntity>,
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly acting: ActingService,
    private readonly users: UsersService,
    private readonly applicants: ApplicantsService,
    private readonly fileStore: FilesService,
    private readonly kernel: FilingKernel,
    private readonly catalog: CatalogService,
    private readonly commitments: CommitmentsService,
    private readonly certificates: CertificatesService,
    private readonly crypto: CryptoService,
    private readonly bundles: BundlesService,
  ) {}

  /** GET /files/:id answers a file only to whoever may see its filing (visibleFiling). */
  onModuleInit(): void {
    this.fileStore.guardReadsWith(async (caller, applicationId) => {
      visibleFiling(this.access, caller, await this.kernel.find(applicationId));
    });
  }

  // ---- reading ----

  /** The filing for one of its parties to act on; NOT_FOUND to everyone else (staff included). */
  private async own(caller: AuthUser, id: string): Promise<ApplicationEntity> {
    const a = this.access.ownedBy(caller, await this.kernel.find(id));
    // acting for its principal now: an agent while authorised, a member while in the company, the
    // centre's helper while the assignment stands (not once done or given to another helper)
    await this.acting.assertMayActFor(caller, a, a.serviceId);
    return a;
  }

  /**
   * Who does an applicant-side step: the applicant, their agent, or the centre's assigned helper
   * (帮办代办), who is named on the timeline; the filing's person is the principal of the latter two.
   */
  private async actorOf(caller: AuthUser, a: Pick<ApplicationEntity, 'userId'>): Promise<Actor> {
    const actor = this.kernel.applicantActor(caller.id, a);
    if (!isStaffOnly(caller)) return actor;
    return { ...actor, name: (await this.applicants.staffNames([caller.id])).get(caller.id) ?? '工作人员' };
  }

  /**
   * GET /applications/:id: the filing's detail (timeline, upload limits) for whoever may see it;
   * staff and admins also get the applicant, masked, and where it may be forwarded. Throws NOT_FOUND (missing, not theirs, or
   * someone else's draft).
   */
  async get(caller: AuthUser, id: string): Promise<ApplicationView & { applicant?: ApplicantView; credit?: CreditView; forwardTargets?: ForwardTarget[] }> {
    return this.detail(caller, visibleFiling(this.access, caller, await this.kernel.find(id)));
  }

  /** The detail of a filing the caller may see, built from the row in hand. */
  private async detail(caller: AuthUser, a: ApplicationEntity): Promise<ApplicationView & { applicant?: ApplicantView; credit?: CreditView; forwardTargets?: ForwardTarget[] }> {
    const [view] = await this.kernel.views([a], true);
    if (!caller.roles.includes('staff') && !caller.roles.includes('admin')) return view;
    // staff at the window see who it is for (and who acts for them), masked, and their credit record
    const [[applicant], [credit], forwardTargets] = await Promise.all([this.applicants.views([a]), this.commitments.creditViews([a]), this.kernel.forwardTargets(a)]);
    return { ...view, applicant, credit, forwardTargets };
  }

  /**
   * GET /applications: the caller's filings and those made by them as list items (no materials or
   * timeline), newest first, at most 200, or `limit` of them created before the filing `before`
   * (the last of the previous page); optionally of one status; with `enterpriseId`, the
   * enterprise's filings to its members and only their own to anyone else. Throws
   * VALIDATION_FAILED when `before` is not a filing of the same list.
   */
  async list(caller: AuthUser, q: { status?: ApplicationStatus; enterpriseId?: string; limit?: number; before?: string }): Promise<ApplicationListItem[]> {
    const scoped = (): SelectQueryBuilder<ApplicationEntity> => {
      const qb = this.apps.createQueryBuilder('a');
      if (q.enterpriseId) {
        qb.where('a.enterprise_id = :e', { e: q.enterpriseId });
        if (!this.access.isMember(caller, q.enterpriseId)) qb.andWhere(this.access.partyScope('a', caller));
      } else {
        qb.where(this.access.partyScope('a', caller));
      }
      if (q.status) qb.andWhere('a.status = :status', { status: q.status });
      return qb;
    };
    const qb = scoped()
      .select(LISTED_COLUMNS.map((c) => `a.${c}`))
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(Math.min(q.limit ?? MAX_LISTED, MAX_LISTED));
    if (q.before !== undefined) {
      const from = isId(q.before) ? await scoped().select(['a.id', 'a.createdAt']).andWhere('a.id = :before', { before: q.before }).getOne() : null;
      if (!from) throw fieldError('before', '不是本列表中的办件');
      qb.andWhere(new Brackets((w) => w.where('a.created_at < :at', { at: from.createdAt }).orWhere('a.created_at = :at AND a.id < :from', { from: from.id })));
    }
    return this.kernel.listViews(await qb.getMany());
  }

  // ---- creating ----

  /**
   * POST /applications: a draft for an active service at `hallId` (or the service's first hall),
   * or with `bundleId` for a 一件事 bundle (createBundle), in the caller's name or `onBehalfOf` a
   * principal, with the service's material list. Returns the draft's detail. Throws
   * REAL_NAME_REQUIRED, NOT_FOUND (service), VALIDATION_FAILED (hallId not offering it; neither or
   * both of serviceId and bundleId), INVALID_STATE (no hall offers it), and what ActingService.resolve raises.
   */
  async create(caller: AuthUser, input: { serviceId?: string; bundleId?: string; hallId?: string; onBehalfOf?: OnBehalfOf }): Promise<ApplicationView> {
    if ((input.serviceId === undefined) === (input.bundleId === undefined)) {
      throw fieldError(input.serviceId === undefined ? 'serviceId' : 'bundleId', '请选择一个事项或一件事（二者选一）');
    }
    // the centre's helper (hall staff) files for the applicant, whose real name is what counts
    const helping = isStaffOnly(caller) && !!input.onBehalfOf;
    if (!helping) requireVerified(await this.users.requireById(caller.id), '网上申报');
    if (input.bundleId !== undefined) return this.createBundle(caller, { ...input, bundleId: input.bundleId }, helping);
    const service = isId(input.serviceId!) ? await this.catalog.activeService(input.serviceId!) : null;
    if (!service) throw new DomainError('NOT_FOUND', '事项不存在');
    const who = await this.acting.resolve(caller, input.onBehalfOf, service.id);
    if (helping) requireVerified(await this.users.requireById(who.userId), '网上申报');
    const hallId = await this.pickHall([service.id], input.hallId);
    const list = await this.catalog.materialList(service.id);
    return this.draft(caller, who, { serviceId: service.id, bundleId: null, hallId, title: service.name, helping }, list.map((m) => ({ ...m, materialId: m.id })), []);
  }

  /**
   * A 一件事 draft: one filing of the bundle (its first service as `serviceId`), at a hall offering
   * every service, with the merged checklist (a shared material once) and a part per service, each
   * with its promised days within the bundle. Throws NOT_FOUND (bundle), VALIDATION_FAILED (hallId),
   * INVALID_STATE (no hall offers all of it), and what ActingService.resolveBundle raises.
   */
  private async createBundle(caller: AuthUser, input: { bundleId: string; hallId?: string; onBehalfOf?: OnBehalfOf }, helping: boolean): Promise<ApplicationView> {
    const plan = await this.bundles.plan(input.bundleId);
    const serviceIds = plan.services.map((p) => p.service.id);
    const who = await this.acting.resolveBundle(caller, input.onBehalfOf, { name: plan.bundle.name, audience: plan.audience, serviceIds });
    if (helping) requireVerified(await this.users.requireById(who.userId), '网上申报');
    const hallId = await this.pickHall(serviceIds, input.hallId);
    const now = this.clock.now();
    const parts = plan.services.map((p, i) => ({
      serviceId: p.service.id,
      departmentId: p.service.departmentId,
      sortOrder: i,
      promisedDays: p.promisedDays,
      materialIds: p.materialIds,
    }));
    return this.draft(caller, who, { serviceId: serviceIds[0], bundleId: plan.bundle.id, hallId, title: `一件事：${plan.bundle.name}，含 ${serviceIds.length} 个事项`, helping }, plan.materials, parts, now);
  }

  /**
   * Writes a draft: the filing under a fresh random number (redrawn on a clash), its materials
   * (免提交 where a valid certificate of the applicant's proves one), a 一件事 filing's parts, and
   * the `create` step. Returns the draft's detail.
   */
  private async draft(
    caller: AuthUser,
    who: Acting,
    f: { serviceId: string; bundleId: string | null; hallId: string; title: string; helping: boolean },
    list: Array<{ materialId: string; name: string; required: boolean; tolerable: boolean; certificateType: string | null }>,
    parts: Array<Pick<ApplicationPartEntity, 'serviceId' | 'departmentId' | 'sortOrder' | 'promisedDays' | 'materialIds'>>,
    now = this.clock.now(),
  ): Promise<ApplicationView> {
    // 免提交: what a valid certificate of the applicant's (or their company's) already proves
    const reuse = await this.certificates.reusableFor({ userId: who.userId, enterpriseId: who.enterpriseId }, list.map((m) => ({ materialId: m.materialId, certificateType: m.certificateType })));
    const row: ApplicationEntity = this.apps.create({
      ...newPrincipalRow(who),
      number: '',
      serviceId: f.serviceId,
      bundleId: f.bundleId,
      hallId: f.hallId,
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
      // 首问负责: the assigned helper who makes the filing is the first to take it
      responsibleId: f.helping ? caller.id : null,
      responsibleHallId: f.helping ? caller.hallId : null,
      createdAt: now,
      updatedAt: now,
    });
    const actor = await this.actorOf(caller, row);
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
                materialId: m.materialId,
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
                reusedCertificateId: reuse.get(m.materialId)?.id ?? null,
              })),
            );
          }
          if (parts.length) {
            await em.insert(
              ApplicationPartEntity,
              parts.map((p) => ({ ...p, id: newId(), applicationId: row.id, status: 'draft' as const, flags: [], acceptedAt: null, dueAt: null, decidedAt: null, decidedBy: null, decisionNote: null, deemed: false, createdAt: now, updatedAt: now })),
            );
          }
          const filled = list.filter((m) => reuse.has(m.materialId)).map((m) => `${m.name}（${reuse.get(m.materialId)!.type} ${reuse.get(m.materialId)!.number}）`);
          const note = `创建申报草稿（${f.title}）${filled.length ? `；已由电子证照免提交：${filled.join('、')}` : ''}`;
          await this.kernel.event(em, row.id, 'draft', 'create', actor, note, now);
        });
        break;
      } catch (e) {
        // a clash of the random number with another filing's: draw again
        if (isDuplicateKey(e) && attempt < 5) continue;
        throw e;
      }
    }
    return (await this.kernel.views([row], true))[0];
  }

  /**
   * The first hall (by the halls' order) offering every one of the services, unless the applicant
   * names one of them — or, for one service, a hall of the same city chain (同城通办: accepted there
   * and forwarded, forwarding.rules; a 一件事 filing is filed where all of it is handled).
   */
  private async pickHall(serviceIds: readonly string[], wanted?: string): Promise<string> {
    const offering = await Promise.all(serviceIds.map((id) => this.catalog.hallsOffering(id)));
    const halls = offering[0].filter((h) => offering.every((list) => list.some((x) => x.id === h.id)));
    const bundle = serviceIds.length > 1;
    if (wanted !== undefined) {
      if (!halls.some((h) => h.id === wanted) && (bundle || !mayFileAt(await this.catalog.allHalls(), halls.map((h) => h.id), wanted))) {
        throw fieldError('hallId', bundle ? '所选大厅不能办理该一件事的全部事项' : '所选大厅不办理该事项，也不能同城通办');
      }
      return wanted;
    }
    if (!halls.length) throw new DomainError('INVALID_STATE', serviceIds.length > 1 ? '暂无能办理该一件事全部事项的大厅，不能网上申报' : '该事项暂无办理大厅，不能网上申报');
    return halls[0].id;
  }

  // ---- materials ----

  /**
   * POST /applications/:id/materials/:materialId/files: one multipart `file` for a material of a
   * draft or of a filing waiting for correction, or — 容缺 kept — for a committed material of an
   * accepted filing while its commitment is open and not past `dueAt` (the timeline records it, and
   * the commitment is fulfilled once nothing is owed). Returns the stored file. Throws NOT_FOUND
   * (filing or material), INVALID_STATE (not editable, or the hand-in time passed), VALIDATION_FAILED
   * (`file`: more than maxFilesPerMaterial), and the receiver's FILE_TOO_LARGE /
   * UNSUPPORTED_FILE_TYPE / VALIDATION_FAILED.
   */
  async upload(caller: AuthUser, id: string, materialId: string, req: Request): Promise<UploadedFile> {
    const a = await this.own(caller, id);
    const m = await this.material(a.id, materialId);
    this.assertMayUpload(a, m);
    const max = this.config.upload.maxFilesPerMaterial;
    if ((await this.files.count({ where: { applicationId: a.id, materialId } })) >= max) throw this.tooMany(max);

    const f = await this.fileStore.receive(req);
    const now = this.clock.now();
    const actor = await this.actorOf(caller, a);
    const row: FileEntity = { id: newId(), applicationId: a.id, materialId, name: f.name, size: f.size, contentType: f.contentType, sha256: f.sha256, uploadedBy: caller.id, createdAt: now };
    await this.tx.run(async (em) => {
      // the filing's row is the lock that orders uploads against each other and against submission
      const fresh = await this.kernel.lockFiling(em, a.id);
      this.assertMayUpload(fresh, m);
      if ((await em.count(FileEntity, { where: { applicationId: a.id, materialId } })) >= max) throw this.tooMany(max);
      await em.insert(FileEntity, row);
      // the centre's helper works on the applicant's behalf: each file they hand in is on the timeline
      if (isStaffOnly(caller)) await this.kernel.event(em, a.id, fresh.status, 'upload', actor, `上传材料：${m.name}（${f.name}）`, now);
      if (!isEditable(fresh.status)) {
        await this.commitments.handedIn(em, fresh, m.name, actor);
      } else if (fresh.noticeCount > 0) {
        await em.update(ApplicationMaterialEntity, { id: m.id }, { changedAfterNotice: true });
      }
      await em.update(ApplicationEntity, { id: a.id }, { updatedAt: now });
    });
    return { id: row.id, name: row.name, size: row.size, contentType: row.contentType, sha256: row.sha256 };
  }

  /**
   * DELETE /applications/:id/materials/:materialId/files/:fileId, while the filing is editable.
   * Throws NOT_FOUND (filing, material or file) or INVALID_STATE.
   */
  async deleteFile(caller: AuthUser, id: string, materialId: string, fileId: string): Promise<void> {
    const a = await this.own(caller, id);
    const m = await this.material(a.id, materialId);
    const f = isId(fileId) ? await this.files.findOne({ where: { id: fileId, applicationId: a.id, materialId } }) : null;
    if (!f) throw new DomainError('NOT_FOUND');
    this.assertEditable(a);
    await this.tx.run(async (em) => {
      const fresh = await this.kernel.lockFiling(em, a.id);
      this.assertEditable(fresh);
      await em.delete(FileEntity, { id: f.id });
      if (fresh.noticeCount > 0) await em.update(ApplicationMaterialEntity, { id: m.id }, { changedAfterNotice: true });
      await em.update(ApplicationEntity, { id: a.id }, { updatedAt: this.clock.now() });
    });
  }

  /**
   * POST /applications/:id/commitment — 容缺受理: a written credit commitment for missing tolerable
   * materials, recorded with its time and the one commitment text (shared `commitmentText`). Returns
   * the filing's detail. Throws NOT_FOUND, INVALID_STATE (not editable), VALIDATION_FAILED
   * (`materialIds.N`: not in the list or not tolerable), FORBIDDEN (`details.reason`
   * `commitment_barred`, `until`: a breached commitment on the person's or company's credit record
   * bars 容缺 for COMMITMENT_BAR_DAYS).
   */
  async commit(caller: AuthUser, id: string, materialIds: string[]): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    this.assertEditable(a);
    await this.commitments.assertNotBarred(a);
    const rows = await this.kernel.materialsOf(a.id);
    const byId = new Map(rows.map((r) => [r.materialId, r]));
    const wanted = [...new Set(materialIds)];
    const standing = await this.certificates.inEffect(rows.flatMap((r) => (r.reusedCertificateId ? [r.reusedCertificateId] : [])));
    const problems = wanted
      .map((mid, i) => {
        const r = byId.get(mid);
        if (!r) return { field: `materialIds.${i}`, message: '该材料不在本事项的材料清单中' };
        if (!r.tolerable) return { field: `materialIds.${i}`, message: `“${r.name}”不可容缺，须提交材料` };
        // 免提交: a certificate in effect already stands for it, nothing to owe
        if (r.reusedCertificateId && standing.has(r.reusedCertificateId)) return { field: `materialIds.${i}`, message: `“${r.name}”已由电子证照免提交，无需承诺` };
        return null;
      })
      .filter((p): p is { field: string; message: string } => p !== null);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', '只有可容缺的材料才能以信用承诺代替', { fields: problems });
    const chosen = wanted.map((mid) => byId.get(mid)!);
    const now = this.clock.now();
    const text = commitmentText(chosen.map((r) => r.name), this.config.filings.commitmentDays);
    const actor = await this.actorOf(caller, a);
    const fresh = await this.tx.run(async (em) => {
      const locked = await this.kernel.lockFiling(em, a.id);
      this.assertEditable(locked);
      await em.update(
        ApplicationMaterialEntity,
        { id: In(chosen.map((r) => r.id)) },
        { committedAt: now, commitmentText: text, ...(locked.noticeCount > 0 ? { changedAfterNotice: true } : {}) },
      );
      await this.kernel.event(em, a.id, locked.status, 'commit', actor, `签署信用承诺，申请容缺受理：${chosen.map((r) => r.name).join('、')}`, now);
      return locked;
    });
    return this.detail(caller, fresh);
  }

  // ---- the applicant's steps ----

  /**
   * PUT /applications/:id/delivery: how the result is to reach the applicant, among the service's
   * published methods (新乡 四(六)); for `post`, the address (stored encrypted, shown masked). May
   * be changed until the result is handed over. Returns the filing's detail. Throws NOT_FOUND,
   * INVALID_STATE (delivered, withdrawn, refused), VALIDATION_FAILED (`method` not published by
   * the service; `address.*` missing or bad for post).
   */
  async chooseDelivery(caller: AuthUser, id: string, method: DeliveryMethod, address?: Partial<PostalAddress>): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    const service = await this.catalog.service(a.serviceId);
    const published = service?.delivery ?? [];
    const problem = deliveryChoiceProblem(a.status, method, published);
    if (problem === 'INVALID_STATE') throw new DomainError('INVALID_STATE', `办件当前状态为“${STATUS_LABELS[a.status]}”，不能再选择送达方式`, { status: a.status });
    if (problem === 'NOT_PUBLISHED') {
      throw fieldError('method', `该事项可选的送达方式：${published.map((m) => DELIVERY_METHOD_LABELS[m]).join('、')}`, '该事项不提供这种送达方式');
    }
    let enc: string | null = null;
    // the timeline is also the public look-up's: no part of the address in it
    const note = `选择送达方式：${DELIVERY_METHOD_LABELS[method]}`;
    const actor = await this.actorOf(caller, a);
    if (method === 'post') {
      const checked = checkPostalAddress(address);
      if (!checked.address) throw new DomainError('VALIDATION_FAILED', '邮寄送达须填写完整的收件地址', { fields: checked.problems });
      enc = this.crypto.encrypt(JSON.stringify(checked.address));
    }
    const fresh = await this.tx.run(async (em) => {
      const locked = await this.kernel.lockFiling(em, a.id);
      if (deliveryChoiceProblem(locked.status, method, published) === 'INVALID_STATE') throw new DomainError('INVALID_STATE', '办件状态已变化，请刷新后重试', { status: locked.status });
      const patch = { deliveryMethod: method, deliveryAddressEnc: enc, deliveryChosenBy: 'applicant' as const, updatedAt: this.clock.now() };
      await em.update(ApplicationEntity, { id: a.id }, patch);
      await this.kernel.event(em, a.id, locked.status, 'choose_delivery', actor, note);
      return Object.assign(locked, patch);
    });
    return this.detail(caller, fresh);
  }

  /**
   * POST /applications/:id/submit: a draft, or a filing after its correction notice, goes to
   * pre-review; the applicant is told the law's pre-review deadline. Returns the filing's detail.
   * Throws NOT_FOUND, INVALID_STATE, MATERIALS_MISSING (`materialIds`), NOTHING_CORRECTED
   * (`materialIds` the notice named and the applicant left unchanged).
   */
  async submit(caller: AuthUser, id: string): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    const step = this.kernel.begin(a, 'submit', 'applicant');
    const rows = await this.kernel.materialsOf(a.id);
    const hashes = await this.kernel.materialHashes(a.id);
    const inEffect = await this.certificates.inEffect(rows.flatMap((r) => (r.reusedCertificateId ? [r.reusedCertificateId] : [])));
    const missing = missingMaterials(
      rows.map((r) => ({
        materialId: r.materialId,
        required: r.required,
        tolerable: r.tolerable,
        fileCount: hashes.get(r.materialId)?.length ?? 0,
        committed: r.committedAt !== null,
        // a certificate revoked or expired since the draft no longer proves anything
        reused: r.reusedCertificateId !== null && inEffect.has(r.reusedCertificateId),
      })),
    );
    const namesOf = (ids: string[]) => rows.filter((r) => ids.includes(r.materialId)).map((r) => r.name);
    if (missing.length) {
      throw new DomainError('MATERIALS_MISSING', `还有必需材料未上传：${namesOf(missing).join('、')}`, { materialIds: missing });
    }
    const again = a.status === 'correction_required';
    if (again) {
      const notice = await this.kernel.latestNotice(a.id);
      const byId = new Map(rows.map((r) => [r.materialId, r]));
      const unchanged = uncorrectedMaterials(notice?.items.map((i) => i.materialId) ?? [], (mid) => {
        const r = byId.get(mid);
        return !r || this.kernel.changedSince(a, r, hashes.get(mid) ?? []) !== false;
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
    // 一件事: the parts that flagged (or a new filing's) go to their departments' pre-review again
    const toParts = a.bundleId
      ? async (em: EntityManager) => {
          await em.update(ApplicationPartEntity, { applicationId: a.id, status: In(PART_STATUSES.filter((st) => partOnSubmit(st) !== st)) }, { status: 'prereview', flags: [], updatedAt: now });
        }
      : undefined;
    const deadline = shanghaiDate(prereviewDeadline(now, (await this.calendar.view()).isWorkday));
    const told = this.kernel.telling(a, again ? '补正材料已提交' : '申请已提交', `您的办件 ${a.number} 已提交，窗口将在 ${deadline} 前完成预审；逾期未告知补正的，自提交之日起视为受理。`, null, toParts);
    await this.kernel.apply(step, await this.actorOf(caller, a), { submittedAt: now }, again ? '补正材料后重新提交' : '提交申请，等待预审', told);
    return this.detail(caller, a);
  }

  /**
   * POST /applications/:id/withdraw before acceptance, with an optional reason for the timeline.
   * Returns the filing's detail. Throws NOT_FOUND or INVALID_STATE.
   */
  async withdraw(caller: AuthUser, id: string, reason?: string): Promise<ApplicationView> {
    const a = await this.own(caller, id);
    await this.kernel.move(a, 'withdraw', await this.actorOf(caller, a), {}, reason?.trim() ? `申请人撤回：${reason.trim()}` : '申请人撤回申请', this.kernel.telling(a, '申请已撤回', `您的办件 ${a.number} 已撤回。`));
    return this.detail(caller, a);
  }

  // ---- public progress look-up ----

  /**
   * GET /applications/lookup: progress by filing number and the last four digits of the
   * applicant's phone, with no personal data (staff are not named). Throws NOT_FOUND, the same for
   * a wrong number, a wrong phone tail or a draft.
   */
  async lookup(number: string, phoneTail: string): Promise<LookupView> {
    const a = await this.apps.findOne({ where: { number } });
    const owner = a ? await this.users.findById(a.userId) : null;
    // a wrong phone tail is answered exactly like a missing number
    if (!a || a.status === 'draft' || !owner || owner.phoneTail !== phoneTail) throw new DomainError('NOT_FOUND', '未找到该办件，请核对办件编号和手机号后四位');
    const [serviceNames, events, cal] = await Promise.all([
      a.bundleId ? this.bundles.names([a.bundleId]).then((m) => new Map([[a.serviceId, m.get(a.bundleId!) ?? '']])) : this.catalog.serviceNames([a.serviceId]),
      this.events.find({ where: { applicationId: a.id }, order: { seq: 'ASC' } }),
      this.calendar.view(),
    ]);
    return {
      number: a.number,
      serviceName: serviceNames.get(a.serviceId) ?? '',
      status: a.status,
      statusLabel: STATUS_LABELS[a.status],
      sla: slaState(a, this.clock.now(), cal.isWorkday),
      dueAt: a.dueAt?.toISOString() ?? null,
      timeline: events.filter((e) => e.action !== 'create').map((e) => ({ at: e.at.toISOString(), status: e.status, actor: this.kernel.actorLabel(e, true), note: e.note })),
    };
  }

  private async material(applicationId: string, materialId: string): Promise<ApplicationMaterialEntity> {
    const m = isId(materialId) ? await this.materials.findOne({ where: { applicationId, materialId } }) : null;
    if (!m) throw new DomainError('NOT_FOUND', '该材料不在本事项的材料清单中');
    return m;
  }

  private assertEditable(a: ApplicationEntity): void {
    if (!isEditable(a.status)) {
      throw new DomainError('INVALID_STATE', `办件当前状态为“${STATUS_LABELS[a.status]}”，只有草稿或待补正的办件可以修改材料`, { status: a.status });
    }
  }

  /** A draft or a filing waiting for correction; after acceptance, only a committed material while its commitment is open and not past due. */
  private assertMayUpload(a: ApplicationEntity, m: ApplicationMaterialEntity): void {
    if (isEditable(a.status)) return;
    if (m.committedAt && a.commitmentStatus === 'open' && a.commitmentDueAt) {
      if (mayHandInOwed(a.status, { status: a.commitmentStatus, dueAt: a.commitmentDueAt.toISOString() }, this.clock.now())) return;
      if (a.commitmentDueAt.getTime() < this.clock.now().getTime()) {
        throw new DomainError('INVALID_STATE', `容缺材料的补交期限（${shanghaiDate(a.commitmentDueAt)}）已过，请联系窗口`, { status: a.status, dueAt: a.commitmentDueAt.toISOString() });
      }
    }
    this.assertEditable(a);
  }

  private tooMany(max: number): DomainError {
    const message = `每项材料最多上传 ${max} 个文件`;
    return fieldError('file', message, message, { maxFiles: max });
  }
}
