import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { repositories } from '../common/db/repositories';
import { CatalogVersionService } from './catalog-version.service';
import { HallEntity } from './entities/hall.entity';
import { ServiceHallEntity } from './entities/service-hall.entity';
import { ServiceEntity } from './entities/service.entity';

/** Past this many rows of one kind the cache is emptied rather than grown (ids come from requests). */
const MAX_ROWS = 20_000;

/**
 * Catalogue rows other features read on every request of a hot path (a booking: the service, its
 * hall, whether the hall offers it), kept in process for the catalogue version they were read at
 * (CatalogVersionService: every admin catalogue write bumps it, shared by the instances through the
 * database and read at most once a second), so that a warm booking reads none of them. Rows that do
 * not exist are remembered too (a request naming no such service reads nothing twice).
 */
@Injectable()
export class CatalogRowsCache {
  private readonly db = repositories(this.ds, { services: ServiceEntity, halls: HallEntity, serviceHalls: ServiceHallEntity });
  private version = -1;
  private readonly services = new Map<string, Promise<ServiceEntity | null>>();
  private readonly halls = new Map<string, Promise<HallEntity | null>>();
  private readonly offered = new Map<string, Promise<boolean>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly versions: CatalogVersionService,
  ) {}

  /** One service by id (active or not), or null. */
  service(id: string): Promise<ServiceEntity | null> {
    return this.row(this.services, id, () => this.db.services.findOne({ where: { id } }));
  }

  /** One hall by id, or null. */
  hall(id: string): Promise<HallEntity | null> {
    return this.row(this.halls, id, () => this.db.halls.findOne({ where: { id } }));
  }

  /** Whether the hall offers the service (service_halls). */
  offers(serviceId: string, hallId: string): Promise<boolean> {
    return this.row(this.offered, `${serviceId}\u0000${hallId}`, () => this.db.serviceHalls.exist({ where: { serviceId, hallId } }));
  }

  private async row<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const version = await this.versions.current();
    if (version !== this.version) {
      this.version = version;
      this.services.clear();
      this.halls.clear();
      this.offered.clear();
    }
    const hit = map.get(key);
    if (hit) return hit;
    if (map.size >= MAX_ROWS) map.clear();
    const p = load();
    map.set(key, p);
    p.catch(() => map.delete(key)); // a failed read is not remembered
    return p;
  }
}
