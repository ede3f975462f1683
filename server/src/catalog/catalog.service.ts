import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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

const AUDIENCE_ORDER: Record<Audience, number> = { person: 0, both: 1, enterprise: 2 };

/** The public catalogue: departments, halls, search and guides. */
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
    const [department, materials, links] = await Promise.all([
      this.departments.findOne({ where: { id: s.departmentId } }),
      this.materials.find({ where: { serviceId: s.id }, order: { sortOrder: 'ASC' } }),
      this.serviceHalls.find({ where: { serviceId: s.id } }),
    ]);
    const halls = links.length ? await this.halls.find({ where: { id: In(links.map((l) => l.hallId)) }, order: { sortOrder: 'ASC', name: 'ASC' } }) : [];
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
    const materials = await this.materials.find({ where: { serviceId: s.id }, order: { sortOrder: 'ASC' } });
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
}
