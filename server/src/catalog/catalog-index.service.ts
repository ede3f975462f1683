import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { Repository } from 'typeorm';
import type { ServiceSummary } from '@gov/shared';
import { SearchEntry, SearchableText, toSearchable } from './catalog-search.rules';
import { DepartmentEntity } from './entities/department.entity';
import { ServiceEntity } from './entities/service.entity';

/** After this long, the next request triggers a rebuild in the background (picks up other instances' writes). */
export const INDEX_TTL_MS = 10_000;

export interface IndexedService extends SearchEntry {
  summary: ServiceSummary;
}

/**
 * The in-memory search index of active services: name, keywords, full pinyin and initials,
 * with the list answer ready to send. Built once, rebuilt at once after an admin write on this
 * instance and, for writes elsewhere, in the background once it is older than INDEX_TTL_MS
 * (requests meanwhile are answered from the previous index, so searches never wait on it).
 */
@Injectable()
export class CatalogIndexService {
  private readonly logger = new Logger('CatalogIndex');
  private current: IndexedService[] | null = null;
  private builtAt = -Infinity;
  /** one more after each build: answers made from an older index are stale */
  generation = 0;
  private building: Promise<IndexedService[]> | null = null;
  /** pinyin of texts seen before: rebuilding an unchanged catalogue costs two queries and no pinyin work */
  private readonly cache = new Map<string, SearchableText>();

  constructor(
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
  ) {}

  async entries(): Promise<IndexedService[]> {
    if (!this.current) return this.build();
    if (performance.now() - this.builtAt > INDEX_TTL_MS && !this.building) {
      this.build().catch((e: unknown) => this.logger.warn(`catalogue index refresh failed: ${e instanceof Error ? e.message : String(e)}`));
    }
    return this.current;
  }

  /** Rebuild now (after a write); resolves once searches see the change. */
  async refresh(): Promise<void> {
    if (this.building) await this.building.catch(() => undefined);
    await this.build();
  }

  private build(): Promise<IndexedService[]> {
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        if (this.cache.size > 20_000) this.cache.clear();
        const [depts, rows] = await Promise.all([
          this.departments.find({ select: { id: true, name: true, sortOrder: true } }),
          this.services.find({
            where: { active: true },
            select: {
              id: true,
              code: true,
              name: true,
              subItem: true,
              departmentId: true,
              audience: true,
              category: true,
              keywords: true,
              promisedDays: true,
              onlinePrereview: true,
            },
          }),
        ]);
        const deptById = new Map(depts.map((d) => [d.id, d]));
        rows.sort((a, b) => {
          const da = deptById.get(a.departmentId)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
          const db = deptById.get(b.departmentId)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
          return da - db || a.code.localeCompare(b.code);
        });
        const next = rows.map((s, order): IndexedService => ({
          id: s.id,
          code: s.code,
          name: toSearchable(s.name, this.cache),
          keywords: [...s.keywords, ...(s.subItem ? [s.subItem] : [])].map((k) => toSearchable(k, this.cache)),
          category: toSearchable(s.category, this.cache),
          categoryName: s.category,
          departmentId: s.departmentId,
          audience: s.audience,
          order,
          summary: {
            id: s.id,
            code: s.code,
            name: s.name,
            departmentName: deptById.get(s.departmentId)?.name ?? '',
            audience: s.audience,
            category: s.category,
            promisedDays: s.promisedDays,
            onlinePrereview: s.onlinePrereview,
          },
        }));
        this.current = next;
        this.builtAt = performance.now();
        this.generation++;
        return next;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }
}
