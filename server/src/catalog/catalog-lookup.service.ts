import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { HallEntity } from './entities/hall.entity';
import { ServiceHallEntity } from './entities/service-hall.entity';
import { ServiceMaterialEntity } from './entities/service-material.entity';
import { ServiceEntity } from './entities/service.entity';

/** The distinct, present ids of a list (null/undefined dropped). */
const distinct = (ids: Iterable<string | null | undefined>): string[] => [...new Set([...ids].filter((x): x is string => !!x))];

const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));

/**
 * Read-only look-ups of the catalogue for the other features (filings, ratings, follow-ups,
 * delegation, accounts, admin): they read services, halls and material lists through here and
 * never the catalogue's tables, so the catalogue owns its tables. Nothing here throws: an id that
 * is not in the catalogue is simply absent from the answer (or `null`); callers decide whether
 * that is NOT_FOUND. Inactive services are included unless a method says otherwise.
 */
@Injectable()
export class CatalogLookup {
  constructor(
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(HallEntity) private readonly halls: Repository<HallEntity>,
    @InjectRepository(ServiceMaterialEntity) private readonly materials: Repository<ServiceMaterialEntity>,
    @InjectRepository(ServiceHallEntity) private readonly serviceHalls: Repository<ServiceHallEntity>,
  ) {}

  /** One service by id (active or not), or null. */
  service(id: string): Promise<ServiceEntity | null> {
    return this.services.findOne({ where: { id } });
  }

  /** One service by id if it is active (offered to applicants), or null. */
  activeService(id: string): Promise<ServiceEntity | null> {
    return this.services.findOne({ where: { id, active: true } });
  }

  /** The services with these ids, keyed by id (ids not in the catalogue are absent). */
  async servicesById(ids: Iterable<string | null | undefined>): Promise<Map<string, ServiceEntity>> {
    const wanted = distinct(ids);
    return byId(wanted.length ? await this.services.find({ where: { id: In(wanted) } }) : []);
  }

  /** Service names (事项名称) by id, for lists that show a filing's or booking's service. */
  async serviceNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = distinct(ids);
    const rows = wanted.length ? await this.services.find({ where: { id: In(wanted) }, select: { id: true, name: true } }) : [];
    return new Map(rows.map((s) => [s.id, s.name]));
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
  async hallsById(ids: Iterable<string | null | undefined>): Promise<Map<string, HallEntity>> {
    const wanted = distinct(ids);
    return byId(wanted.length ? await this.halls.find({ where: { id: In(wanted) } }) : []);
  }

  /** Hall names by id, for lists that show where a filing or ticket is handled. */
  async hallNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = distinct(ids);
    const rows = wanted.length ? await this.halls.find({ where: { id: In(wanted) }, select: { id: true, name: true } }) : [];
    return new Map(rows.map((h) => [h.id, h.name]));
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
  async materialsById(ids: Iterable<string | null | undefined>): Promise<Map<string, ServiceMaterialEntity>> {
    const wanted = distinct(ids);
    return byId(wanted.length ? await this.materials.find({ where: { id: In(wanted) } }) : []);
  }
}
