import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsSelect, FindOptionsWhere, In, Repository } from 'typeorm';
import type { Audience, Department, Hall, Page, ServiceGuide, ServiceSummary } from '@gov/shared';
import { notFound } from '../common/errors/domain-error';
import { isId } from '../common/ids';
import { audienceMatches, normalizeQuery, searchEntries } from './catalog-search.rules';
import { CatalogIndexService } from './catalog-index.service';
import { renderBlankForm } from './blank-form.pdf';
import { pageOf, pageParams } from '../common/paging.rules';
import { blankForm, blankFormFileName } from './catalog.rules';
import { GuideHall, guideView, hallView } from './catalog.views';
import { DepartmentEntity } from './entities/department.entity';
import { HallEntity } from './entities/hall.entity';
import { ServiceHallEntity } from './entities/service-hall.entity';
import { ServiceMaterialEntity } from './entities/service-material.entity';
import { ServiceEntity } from './entities/service.entity';
import type { ServiceSearch, CategoryCount } from '@gov/shared';
export type { ServiceSearch, CategoryCount } from '@gov/shared';

/** The distinct, present ids of a list (null/undefined dropped). */
const distinct = (ids: Iterable<string | null | undefined>): string[] => [...new Set([...ids].filter((x): x is string => !!x))];

/** The rows of a catalogue table with these ids (or just the `select`ed columns), keyed by id; one query, none for no ids. */
async function rowsById<T extends { id: string }>(repo: Repository<T>, ids: Iterable<string | null | undefined>, select?: FindOptionsSelect<T>): Promise<Map<string, T>> {
  const wanted = distinct(ids);
  const rows = wanted.length ? await repo.find({ where: { id: In(wanted) } as FindOptionsWhere<T>, ...(select ? { select } : {}) }) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

const names = (rows: Map<string, { name: string }>): Map<string, string> => new Map([...rows].map(([id, r]) => [id, r.name]));

const AUDIENCE_ORDER: Record<Audience, number> = { person: 0, both: 1, enterprise: 2 };

/**
 * The catalogue: departments, halls, search and guides for the public, and the read-only look-ups
 * the other features (filings, ratings, follow-ups, delegation, accounts, admin) use instead of the
 * catalogue's tables, so that the catalogue owns them. The look-ups never throw: an id not in the
 * catalogue is simply absent from the answer (or `null`); callers decide whether that is NOT_FOUND.
 * Inactive services are included unless a method says otherwise.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly index: CatalogIndexService,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectRepository(HallEntity) private readonly halls: Repository<HallEntity>,
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(ServiceMaterialEntity) private readonly materials: Repository<ServiceMaterialEntity>,
    @InjectRepository(ServiceHallEntity) private readonly serviceHalls: Repository<ServiceHallEntity>,
  ) {}

  async listDepartments(): Promise<Department[]> {
    const rows = await this.departments.find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return rows.map((d) => ({ id: d.id, name: d.name }));
  }

  async listHalls(): Promise<Hall[]> {
    const rows = await this.halls.find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return rows.map((h) => {
      const { sortOrder: _s, ...hall } = hallView(h);
      return hall;
    });
  }

  async search(s: ServiceSearch): Promise<Page<ServiceSummary>> {
    const { page, pageSize } = pageParams(s.page, s.pageSize);
    const hits = searchEntries(await this.index.entries(), normalizeQuery(s.q), {
      category: s.category,
      audience: s.audience,
      departmentId: s.departmentId,
    });
    return { items: pageOf(hits, page, pageSize).map((e) => e.summary), total: hits.length, page, pageSize };
  }

  /** Themes with the number of active services in each (for the 办事 tab). */
  async categories(audience?: Audience): Promise<CategoryCount[]> {
    const byName = new Map<string, { audiences: Set<Audience>; count: number }>();
    for (const e of await this.index.entries()) {
      if (!audienceMatches(e.audience, audience)) continue;
      const c = byName.get(e.categoryName) ?? { audiences: new Set<Audience>(), count: 0 };
      c.audiences.add(e.audience);
      c.count++;
      byName.set(e.categoryName, c);
    }
    const out = [...byName.entries()].map(([name, c]): CategoryCount => {
      const a = c.audiences;
      const aud: Audience = a.size === 1 ? [...a][0] : 'both';
      return { name, audience: aud, count: c.count };
    });
    return out.sort((x, y) => AUDIENCE_ORDER[x.audience] - AUDIENCE_ORDER[y.audience] || y.count - x.count || x.name.localeCompare(y.name, 'zh'));
  }

  /** The published guide of an active service; 404 for anything else. */
  async guide(id: string): Promise<ServiceGuide & { halls: GuideHall[] }> {
    const s = await this.findService(id, false);
    return this.guideOf(s);
  }

  async guideOf(s: ServiceEntity): Promise<ServiceGuide & { halls: GuideHall[] }> {
    const [department, materials, halls] = await Promise.all([
      this.departments.findOne({ where: { id: s.departmentId } }),
      this.materialList(s.id),
      this.hallsOffering(s.id),
    ]);
    return guideView(s, department, materials, halls);
  }

  async findService(id: string, includeInactive: boolean): Promise<ServiceEntity> {
    if (!isId(id)) throw notFound();
    const s = await this.services.findOne({ where: { id } });
    if (!s || (!s.active && !includeInactive)) throw notFound();
    return s;
  }

  /** The blank form of a material, as a printable PDF named after it. */
  async template(serviceId: string, materialId: string): Promise<{ fileName: string; body: Buffer }> {
    const s = await this.findService(serviceId, false);
    if (!isId(materialId)) throw notFound();
    const materials = await this.materialList(s.id);
    const m = materials.find((x) => x.id === materialId);
    if (!m || !m.templateName) throw notFound();
    const dept = await this.departments.findOne({ where: { id: s.departmentId } });
    const form = blankForm({
      templateName: m.templateName,
      service: { name: s.name, code: s.code, subItem: s.subItem, audience: s.audience },
      departmentName: dept?.name ?? '',
      materials,
      materialId: m.id,
    });
    return { fileName: blankFormFileName(m.templateName), body: await renderBlankForm(form, s.name) };
  }

  // ---- look-ups for other features ----

  /** One service by id (active or not), or null. */
  service(id: string): Promise<ServiceEntity | null> {
    return this.services.findOne({ where: { id } });
  }

  /** One service by id if it is active (offered to applicants), or null. */
  activeService(id: string): Promise<ServiceEntity | null> {
    return this.services.findOne({ where: { id, active: true } });
  }

  /** The services with these ids, keyed by id (ids not in the catalogue are absent). */
  servicesById(ids: Iterable<string | null | undefined>): Promise<Map<string, ServiceEntity>> {
    return rowsById(this.services, ids);
  }

  /** Service names (事项名称) by id, for lists that show a filing's or booking's service. */
  async serviceNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    return names(await rowsById(this.services, ids, { id: true, name: true }));
  }

  /** Of these service ids, those that are key projects (重点项目), the rest dropped. */
  async keyProjectIds(ids: Iterable<string | null | undefined>): Promise<Set<string>> {
    const wanted = distinct(ids);
    const rows = wanted.length ? await this.services.find({ where: { id: In(wanted), keyProject: true }, select: { id: true } }) : [];
    return new Set(rows.map((s) => s.id));
  }

  /** How many of these service ids exist in the catalogue (active or not). */
  countServices(ids: Iterable<string>): Promise<number> {
    const wanted = distinct(ids);
    return wanted.length ? this.services.count({ where: { id: In(wanted) } }) : Promise.resolve(0);
  }

  /** One hall by id, or null. */
  hall(id: string): Promise<HallEntity | null> {
    return this.halls.findOne({ where: { id } });
  }

  /** The halls with these ids, keyed by id (ids not in the catalogue are absent). */
  hallsById(ids: Iterable<string | null | undefined>): Promise<Map<string, HallEntity>> {
    return rowsById(this.halls, ids);
  }

  /** Every hall by id, with its parent (the 同城通办 chains). */
  async allHalls(): Promise<Map<string, HallEntity>> {
    return new Map((await this.halls.find()).map((h) => [h.id, h]));
  }

  /** Hall names by id, for lists that show where a filing or ticket is handled. */
  async hallNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    return names(await rowsById(this.halls, ids, { id: true, name: true }));
  }

  /** The halls that offer a service, in the halls' display order (sortOrder, then name). */
  async hallsOffering(serviceId: string): Promise<HallEntity[]> {
    const links = await this.serviceHalls.find({ where: { serviceId } });
    if (links.length === 0) return [];
    return this.halls.find({ where: { id: In(links.map((l) => l.hallId)) }, order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  /** A service's material list (申请材料) in guide order. */
  materialList(serviceId: string): Promise<ServiceMaterialEntity[]> {
    return this.materials.find({ where: { serviceId }, order: { sortOrder: 'ASC' } });
  }

  /** Guide materials by id (ids not in the catalogue are absent). */
  materialsById(ids: Iterable<string | null | undefined>): Promise<Map<string, ServiceMaterialEntity>> {
    return rowsById(this.materials, ids);
  }
}
