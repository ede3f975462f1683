import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Audience, BundleDetail, BundleSummary, CreateBundleRequest } from '@gov/shared';
import { CatalogService } from '../catalog/catalog.service';
import { materialTerms } from '../catalog/catalog.views';
import type { ServiceEntity } from '../catalog/entities/service.entity';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { bundleAudience, bundleProblems, MergedMaterial, mergeMaterials, partPromisedDays } from './bundles.rules';
import { BundleEntity } from './entities/bundle.entity';

/** What a 一件事 filing is made from: the bundle, its services in order with each part's promise, and the merged checklist. */
export interface BundlePlan {
  bundle: BundleEntity;
  audience: Audience;
  services: Array<{ service: ServiceEntity; promisedDays: number; materialIds: string[] }>;
  materials: MergedMaterial[];
}

/** 一件事 bundles in the catalogue (API.md, One-thing bundles): public list and detail, the admin's definition, and the plan a filing is made from. */
@Injectable()
export class BundlesService {
  constructor(
    @InjectRepository(BundleEntity) private readonly bundles: Repository<BundleEntity>,
    private readonly catalog: CatalogService,
    private readonly clock: ClockService,
  ) {}

  /** GET /bundles: the active bundles whose services are all active, in display order. Raises nothing. */
  async list(): Promise<BundleSummary[]> {
    const rows = await this.bundles.find({ where: { active: true }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    const services = await this.catalog.servicesById(rows.flatMap((b) => b.serviceIds));
    const departments = new Map((await this.catalog.listDepartments()).map((d) => [d.id, d.name]));
    return rows
      .filter((b) => b.serviceIds.every((id) => services.get(id)?.active))
      .map((b) => this.summary(b, b.serviceIds.map((id) => services.get(id)!), departments));
  }

  /** GET /bundles/:id: the bundle with its services, the merged checklist and the departments. Throws NOT_FOUND (unknown, inactive, or a service withdrawn). */
  async get(id: string): Promise<BundleDetail> {
    const plan = await this.plan(id);
    const departments = new Map((await this.catalog.listDepartments()).map((d) => [d.id, d.name]));
    const services = plan.services.map((s) => s.service);
    const deptIds = [...new Set(services.map((s) => s.departmentId))];
    return {
      ...this.summary(plan.bundle, services, departments),
      audience: plan.audience,
      services: plan.services.map(({ service: s, promisedDays }) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        departmentId: s.departmentId,
        departmentName: departments.get(s.departmentId) ?? '',
        promisedDays,
        certificateType: s.certificateType,
      })),
      materials: plan.materials.map((m) => ({ materialId: m.materialId, ...materialTerms(m), serviceIds: m.serviceIds })),
      departments: deptIds.map((d) => ({ id: d, name: departments.get(d) ?? '' })),
    };
  }

  /**
   * The bundle as a filing is made from it: its active services in order, each part's promised
   * days (the service's, capped by the bundle's) and materials, and the merged checklist.
   * Throws NOT_FOUND (unknown or inactive bundle, or one of its services withdrawn).
   */
  async plan(id: string): Promise<BundlePlan> {
    const bundle = isId(id) ? await this.bundles.findOne({ where: { id, active: true } }) : null;
    if (!bundle) throw new DomainError('NOT_FOUND', '该一件事不存在');
    const byId = await this.catalog.servicesById(bundle.serviceIds);
    const services = bundle.serviceIds.map((sid) => byId.get(sid));
    if (services.some((s) => !s?.active)) throw new DomainError('NOT_FOUND', '该一件事所含事项已调整，暂不能办理');
    const lists = await Promise.all(services.map((s) => this.catalog.materialList(s!.id)));
    const materials = mergeMaterials(
      services.map((s, i) => ({
        id: s!.id,
        certificateType: s!.certificateType,
        materials: lists[i].map((m) => ({ id: m.id, name: m.name, form: m.form, required: m.required, tolerable: m.tolerable, copies: m.copies, note: m.note, certificateType: m.certificateType })),
      })),
    );
    return {
      bundle,
      audience: bundleAudience(services.map((s) => s!.audience)),
      services: services.map((s) => ({
        service: s!,
        promisedDays: partPromisedDays(s!.promisedDays, bundle.promisedDays),
        materialIds: materials.filter((m) => m.serviceIds.includes(s!.id)).map((m) => m.materialId),
      })),
      materials,
    };
  }

  /** The active bundle made of exactly these services (in any order), for 智能导办's answer; undefined when none. Raises nothing. */
  async covering(serviceIds: readonly string[]): Promise<string | undefined> {
    if (serviceIds.length < 2) return undefined;
    const wanted = new Set(serviceIds);
    const rows = await this.bundles.find({ where: { active: true }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    return rows.find((b) => b.serviceIds.length === wanted.size && b.serviceIds.every((id) => wanted.has(id)))?.id;
  }

  /** Bundle names by id, for filings' views. Raises nothing. */
  async names(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.bundles.createQueryBuilder('b').select(['b.id', 'b.name']).where('b.id IN (:...ids)', { ids: wanted }).getMany();
    return new Map(rows.map((b) => [b.id, b.name]));
  }

  /**
   * POST /admin/bundles: a bundle of active services of at least two departments, with its promise.
   * Returns the detail. Throws VALIDATION_FAILED (bundleProblems) or CONFLICT (the name is taken).
   */
  async create(input: CreateBundleRequest): Promise<BundleDetail> {
    const services = await this.catalog.servicesById(input.serviceIds.filter(isId));
    const departmentOf = new Map([...services.values()].filter((s) => s.active).map((s) => [s.id, s.departmentId]));
    const problems = bundleProblems(input, departmentOf);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems[0].message, { fields: problems });
    const now = this.clock.now();
    const row: BundleEntity = {
      id: newId(),
      name: input.name.trim(),
      summary: input.summary?.trim() || null,
      serviceIds: input.serviceIds,
      promisedDays: input.promisedDays,
      active: true,
      sortOrder: (await this.bundles.count()) + 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.bundles.insert(row);
    } catch (e) {
      if (isDuplicateKey(e)) throw new DomainError('CONFLICT', '已有同名的一件事', { field: 'name' });
      throw e;
    }
    return this.get(row.id);
  }

  private summary(b: BundleEntity, services: ServiceEntity[], departments: Map<string, string>): BundleSummary {
    const deptNames = [...new Set(services.map((s) => departments.get(s.departmentId) ?? ''))];
    return {
      id: b.id,
      name: b.name,
      summary: b.summary ?? `${services.map((s) => s.name).join('、')}一次申请、一套材料、并联审批`,
      serviceIds: b.serviceIds,
      promisedDays: b.promisedDays,
      departmentNames: deptNames,
    };
  }
}
