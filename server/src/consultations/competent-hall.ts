import { DataSource, In } from 'typeorm';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { repositories } from '../common/db/repositories';
import { DomainError } from '../common/errors/domain-error';

/**
 * The hall a question or a request for help goes to: `hallId` when given (it must handle the service,
 * when there is one), else the first hall (by sort order) handling the service, else the city centre.
 * Raises NOT_FOUND when the service (active) or the hall does not exist, or the hall does not handle it.
 */
export async function competentHall(ds: DataSource, serviceId: string | null, hallId: string | null): Promise<string> {
  const db = repositories(ds, { services: ServiceEntity, halls: HallEntity, serviceHalls: ServiceHallEntity });
  if (serviceId && !(await db.services.findOne({ where: { id: serviceId, active: true }, select: { id: true } }))) throw new DomainError('NOT_FOUND');
  if (hallId) {
    if (!(await db.halls.findOne({ where: { id: hallId }, select: { id: true } }))) throw new DomainError('NOT_FOUND');
    if (serviceId && !(await db.serviceHalls.findOne({ where: { serviceId, hallId } }))) throw new DomainError('NOT_FOUND');
    return hallId;
  }
  if (serviceId) {
    const links = await db.serviceHalls.find({ where: { serviceId } });
    if (links.length) {
      const first = await db.halls.findOne({ where: { id: In(links.map((l) => l.hallId)) }, order: { sortOrder: 'ASC' }, select: { id: true } });
      if (first) return first.id;
    }
  }
  const city = await db.halls.findOne({ where: { level: 'city' }, order: { sortOrder: 'ASC' }, select: { id: true } });
  if (!city) throw new DomainError('NOT_FOUND');
  return city.id;
}
