import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { FieldError } from '@gov/shared';
import { AuditService } from '../common/audit/audit.service';
import { Transactions } from '../common/db/transactions';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError, notFound } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { UsersService } from '../users/users.service';
import { CatalogAnswersService } from './catalog-answers.service';
import { serviceDraftProblems } from './catalog.rules';
import { CatalogService } from './catalog.service';
import { CatalogEvents } from './catalog-events';
import { departmentView, hallView } from './catalog.views';
import { AdminServiceDto, AdminServiceSummaryDto, DepartmentBodyDto, HallBodyDto, ServiceBodyDto } from './dto/admin-catalog.dto';
import { DepartmentEntity } from './entities/department.entity';
import { HallEntity } from './entities/hall.entity';
import { ServiceHallEntity } from './entities/service-hall.entity';
import { ServiceMaterialEntity } from './entities/service-material.entity';
import { ServiceEntity } from './entities/service.entity';
import { repositories } from '../common/db/repositories';

const invalid = (fields: FieldError[]): DomainError => new DomainError('VALIDATION_FAILED', fields[0]?.message, { fields });
const conflict = (field: string, message: string): DomainError => new DomainError('CONFLICT', message, { fields: [{ field, message }] });

export type DepartmentAdminView = ReturnType<typeof departmentView>;
export type HallAdminView = ReturnType<typeof hallView>;

/**
 * Admin writes to the catalogue. Every write is audited and bumps the catalogue version (`record`):
 * this instance's search index and cached public answers are rebuilt at once, other instances' within
 * VERSION_CHECK_MS.
 */
@Injectable()
export class AdminCatalogService {
  private readonly db = repositories(this.ds, {
    departments: DepartmentEntity, halls: HallEntity, services: ServiceEntity, materials: ServiceMaterialEntity,
    serviceHalls: ServiceHallEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly catalog: CatalogService,
    private readonly answers: CatalogAnswersService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly events: CatalogEvents,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  // ---- departments ----

  async listDepartments(): Promise<DepartmentAdminView[]> {
    return (await this.db.departments.find({ order: { sortOrder: 'ASC', name: 'ASC' } })).map(departmentView);
  }

  async createDepartment(body: DepartmentBodyDto, actorId: string): Promise<DepartmentAdminView> {
    const now = this.clock.now();
    const row = this.db.departments.create({ id: newId(), name: body.name.trim(), sortOrder: body.sortOrder ?? 0, createdAt: now, updatedAt: now });
    await this.write(() => this.db.departments.insert(row), 'name', '该部门名称已存在');
    await this.record(actorId, 'catalog.department.create', 'department', row.id, { name: row.name });
    return departmentView(row);
  }

  async updateDepartment(id: string, body: DepartmentBodyDto, actorId: string): Promise<DepartmentAdminView> {
    const row = await this.requireDepartment(id);
    row.name = body.name.trim();
    if (body.sortOrder !== undefined) row.sortOrder = body.sortOrder;
    row.updatedAt = this.clock.now();
    await this.write(() => this.db.departments.update({ id }, { name: row.name, sortOrder: row.sortOrder, updatedAt: row.updatedAt }), 'name', '该部门名称已存在');
    await this.record(actorId, 'catalog.department.update', 'department', id, { name: row.name });
    return departmentView(row);
  }

  async deleteDepartment(id: string, actorId: string): Promise<void> {
    const row = await this.requireDepartment(id);
    if (await this.db.services.exist({ where: { departmentId: id } })) throw conflict('id', '该部门下仍有事项，不能删除');
    if (await this.users.hasStaffIn({ departmentId: id })) throw conflict('id', '仍有工作人员属于该部门，不能删除');
    await this.db.departments.delete({ id });
    await this.record(actorId, 'catalog.department.delete', 'department', id, { name: row.name });
  }

  // ---- halls ----

  async listHalls(): Promise<HallAdminView[]> {
    return (await this.db.halls.find({ order: { sortOrder: 'ASC', name: 'ASC' } })).map(hallView);
  }

  async createHall(body: HallBodyDto, actorId: string): Promise<HallAdminView> {
    const now = this.clock.now();
    const row = this.db.halls.create({ id: newId(), latitude: null, longitude: null, parentHallId: null, ...this.hallFields(body), sortOrder: body.sortOrder ?? 0, createdAt: now, updatedAt: now });
    await this.write(() => this.db.halls.insert(row), 'name', '该大厅名称已存在');
    await this.record(actorId, 'catalog.hall.create', 'hall', row.id, { name: row.name });
    return hallView(row);
  }

  async updateHall(id: string, body: HallBodyDto, actorId: string): Promise<HallAdminView> {
    const row = await this.requireHall(id);
    Object.assign(row, this.hallFields(body), body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}, { updatedAt: this.clock.now() });
    await this.write(
      () => this.db.halls.update({ id }, { ...this.hallFields(body), sortOrder: row.sortOrder, updatedAt: row.updatedAt }),
      'name',
      '该大厅名称已存在',
    );
    await this.record(actorId, 'catalog.hall.update', 'hall', id, { name: row.name });
    return hallView(row);
  }

  async deleteHall(id: string, actorId: string): Promise<void> {
    const row = await this.requireHall(id);
    if (await this.db.serviceHalls.exist({ where: { hallId: id } })) throw conflict('id', '仍有事项在该大厅办理，不能删除');
    if (await this.users.hasStaffIn({ hallId: id })) throw conflict('id', '仍有工作人员属于该大厅，不能删除');
    await this.db.halls.delete({ id });
    await this.record(actorId, 'catalog.hall.delete', 'hall', id, { name: row.name });
  }

  // ---- services ----

  /** Every service, or with `hallId` those the hall handles. */
  async listServices(hallId?: string): Promise<AdminServiceSummaryDto[]> {
    const at = hallId === undefined ? null : (await this.db.serviceHalls.find({ where: { hallId }, select: { serviceId: true } })).map((r) => r.serviceId);
    if (at && at.length === 0) return [];
    const [rows, depts] = await Promise.all([
      this.db.services.find({ where: at ? { id: In(at) } : {}, order: { code: 'ASC' } }),
      this.db.departments.find(),
    ]);
    const names = new Map(depts.map((d) => [d.id, d.name]));
    return rows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      departmentId: s.departmentId,
      departmentName: names.get(s.departmentId) ?? '',
      audience: s.audience,
      category: s.category,
      legalDays: s.legalDays,
      promisedDays: s.promisedDays,
      onlinePrereview: s.onlinePrereview,
      keyProject: s.keyProject,
      active: s.active,
    }));
  }

  /** The guide as the admin edits it: inactive services too, with hall ids and template names. */
  async getService(id: string): Promise<AdminServiceDto> {
    const s = await this.catalog.findService(id, true);
    const [guide, mats] = await Promise.all([
      this.catalog.guideOf(s),
      this.db.materials.find({ where: { serviceId: s.id }, order: { sortOrder: 'ASC' } }),
    ]);
    const templates = new Map(mats.map((m) => [m.id, m.templateName]));
    return {
      ...guide,
      materials: guide.materials.map((m) => ({ ...m, templateName: templates.get(m.id) ?? null })),
      hallIds: guide.halls.map((h) => h.id),
      active: s.active,
    } as AdminServiceDto;
  }

  async createService(body: ServiceBodyDto, actorId: string): Promise<AdminServiceDto> {
    await this.checkService(body, null);
    const now = this.clock.now();
    const id = newId();
    await this.write(
      () =>
        this.tx.run(async (m) => {
          await m.insert(ServiceEntity, { id, ...this.serviceFields(body), active: body.active ?? true, createdAt: now, updatedAt: now });
          await this.writeChildren(m, id, body, []);
        }),
      'code',
      '该事项编码已存在',
    );
    await this.record(actorId, 'catalog.service.create', 'service', id, { code: body.code, name: body.name });
    return this.getService(id);
  }

  async updateService(id: string, body: ServiceBodyDto, actorId: string): Promise<AdminServiceDto> {
    const existing = await this.catalog.findService(id, true);
    const hallsBefore = (await this.db.serviceHalls.find({ where: { serviceId: id }, select: { hallId: true } })).map((r) => r.hallId);
    const current = await this.db.materials.find({ where: { serviceId: id } });
    await this.checkService(body, current);
    const now = this.clock.now();
    await this.write(
      () =>
        this.tx.run(async (m) => {
          await m.update(ServiceEntity, { id }, { ...this.serviceFields(body), active: body.active ?? existing.active, updatedAt: now });
          await this.writeChildren(m, id, body, current);
        }),
      'code',
      '该事项编码已存在',
    );
    await this.record(actorId, 'catalog.service.update', 'service', id, { code: body.code, name: body.name });
    const off = existing.active && body.active === false;
    await this.events.serviceWithdrawn({ serviceId: id, hallIds: off ? null : hallsBefore.filter((h) => !body.hallIds.includes(h)), actorId });
    return this.getService(id);
  }

  /**
   * Withdraw a service from the public catalogue. It is deactivated, not deleted: filings and
   * bookings refer to it and to its materials.
   */
  async deactivateService(id: string, actorId: string): Promise<void> {
    const s = await this.catalog.findService(id, true);
    await this.db.services.update({ id }, { active: false, updatedAt: this.clock.now() });
    await this.record(actorId, 'catalog.service.deactivate', 'service', id, { code: s.code });
    await this.events.serviceWithdrawn({ serviceId: id, hallIds: null, actorId });
  }

  // ---- helpers ----

  private async checkService(body: ServiceBodyDto, current: ServiceMaterialEntity[] | null): Promise<void> {
    const problems = serviceDraftProblems({
      legalDays: body.legalDays,
      promisedDays: body.promisedDays,
      fee: body.fee,
      materials: body.materials,
      hallIds: body.hallIds,
      delivery: body.delivery,
    });
    if (!isId(body.departmentId) || !(await this.db.departments.exist({ where: { id: body.departmentId } }))) {
      problems.push({ field: 'departmentId', message: '所选部门不存在' });
    }
    const wanted = [...new Set(body.hallIds)];
    const found = wanted.every(isId) && wanted.length ? await this.db.halls.count({ where: { id: In(wanted) } }) : 0;
    if (found !== wanted.length) problems.push({ field: 'hallIds', message: '所选大厅不存在' });
    const known = new Set((current ?? []).map((m) => m.id));
    const seen = new Set<string>();
    body.materials.forEach((m, i) => {
      if (m.id === undefined) return;
      if (current === null || !known.has(m.id) || seen.has(m.id)) problems.push({ field: `materials.${i}.id`, message: '材料不属于该事项' });
      seen.add(m.id);
    });
    if (problems.length) throw invalid(problems);
  }

  /** Materials keep their ids when the admin sends them back (filings refer to them); halls are replaced. */
  private async writeChildren(m: EntityManager, serviceId: string, body: ServiceBodyDto, current: ServiceMaterialEntity[]): Promise<void> {
    const keep = new Set<string>();
    for (const [i, mat] of body.materials.entries()) {
      const fields = {
        sortOrder: i,
        name: mat.name.trim(),
        required: mat.required,
        tolerable: mat.tolerable,
        copies: mat.copies,
        form: mat.form,
        note: mat.note?.trim() ? mat.note.trim() : null,
        templateName: mat.templateName?.trim() ? mat.templateName.trim() : null,
        certificateType: mat.certificateType?.trim() ? mat.certificateType.trim() : null,
      };
      if (mat.id) {
        keep.add(mat.id);
        await m.update(ServiceMaterialEntity, { id: mat.id, serviceId }, fields);
      } else {
        await m.insert(ServiceMaterialEntity, { id: newId(), serviceId, ...fields });
      }
    }
    const gone = current.filter((c) => !keep.has(c.id)).map((c) => c.id);
    if (gone.length) await m.delete(ServiceMaterialEntity, { id: In(gone), serviceId });
    await m.delete(ServiceHallEntity, { serviceId });
    const hallIds = [...new Set(body.hallIds)];
    if (hallIds.length) await m.insert(ServiceHallEntity, hallIds.map((hallId) => ({ serviceId, hallId })));
  }

  private serviceFields(b: ServiceBodyDto): Omit<ServiceEntity, 'id' | 'active' | 'createdAt' | 'updatedAt'> {
    return {
      code: b.code.trim(),
      name: b.name.trim(),
      subItem: b.subItem?.trim() ? b.subItem.trim() : null,
      departmentId: b.departmentId,
      scope: b.scope,
      acceptingBody: b.acceptingBody,
      decidingBody: b.decidingBody,
      conditions: b.conditions,
      process: b.process,
      basis: b.basis,
      legalDays: b.legalDays,
      promisedDays: b.promisedDays,
      feeFree: b.fee.free,
      feeAmount: b.fee.free ? null : (b.fee.amount ?? null),
      feeBasis: b.fee.basis?.trim() ? b.fee.basis.trim() : null,
      delivery: [...new Set(b.delivery)],
      consultPhone: b.consultPhone,
      complaintPhone: b.complaintPhone,
      audience: b.audience,
      category: b.category.trim(),
      keywords: b.keywords.map((k) => k.trim()).filter(Boolean),
      onlinePrereview: b.onlinePrereview,
      keyProject: b.keyProject,
      certificateType: b.certificateType?.trim() ? b.certificateType.trim() : null,
      certificateYears: b.certificateType?.trim() ? (b.certificateYears ?? null) : null,
      instant: b.instant ?? false,
    };
  }

  /** Coordinates change only when the body names them (null clears them). */
  private hallFields(b: HallBodyDto): Pick<HallEntity, 'name' | 'address' | 'phone' | 'hours' | 'level'> & Partial<Pick<HallEntity, 'latitude' | 'longitude' | 'parentHallId'>> {
    return {
      name: b.name.trim(),
      address: b.address.trim(),
      phone: b.phone.trim(),
      hours: b.hours.trim(),
      level: b.level,
      ...(b.latitude !== undefined ? { latitude: b.latitude } : {}),
      ...(b.longitude !== undefined ? { longitude: b.longitude } : {}),
      ...(b.parentId !== undefined ? { parentHallId: b.parentId } : {}),
    };
  }

  private async requireDepartment(id: string): Promise<DepartmentEntity> {
    const row = isId(id) ? await this.db.departments.findOne({ where: { id } }) : null;
    if (!row) throw notFound();
    return row;
  }

  private async requireHall(id: string): Promise<HallEntity> {
    const row = isId(id) ? await this.db.halls.findOne({ where: { id } }) : null;
    if (!row) throw notFound();
    return row;
  }

  /** Run a write; a duplicate natural key becomes 409 CONFLICT naming the field. */
  private async write<T>(fn: () => Promise<T>, field: string, message: string): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (isDuplicateKey(e)) throw conflict(field, message);
      throw e;
    }
  }

  /** After a write committed: audit it, and tell the public answers the catalogue changed. */
  private async record(actorId: string, action: string, objectType: string, objectId: string, data: Record<string, unknown>): Promise<void> {
    await this.audit.record({ actorId, action, objectType, objectId, data });
    await this.answers.changed();
  }
}
