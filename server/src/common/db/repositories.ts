import { DataSource, EntityManager, ObjectLiteral, Repository } from 'typeorm';

/** An entity class that the data source maps (its instances are rows). */
export type EntityClass = new () => ObjectLiteral;

/** One typed repository per key of `T`: `{ users: UserEntity }` → `{ users: Repository<UserEntity> }`. */
export type Repositories<T extends Record<string, EntityClass>> = { readonly [K in keyof T]: Repository<InstanceType<T[K]>> };

/**
 * The repositories a service works with, named once:
 * `private readonly db = repositories(this.ds, { users: UserEntity, bookings: BookingEntity })`, then
 * `this.db.users.findOneBy(…)`. The same call on a transaction's `EntityManager` gives the repositories
 * of that transaction. Each repository is the one `@InjectRepository(Entity)` would give (the data
 * source's own, built once per entity); an entity the data source does not map throws TypeORM's
 * `EntityMetadataNotFoundError` on first use.
 */
export function repositories<T extends Record<string, EntityClass>>(source: DataSource | EntityManager, entities: T): Repositories<T> {
  const out: Record<string, Repository<ObjectLiteral>> = {};
  for (const [name, entity] of Object.entries(entities)) out[name] = source.getRepository(entity);
  return out as Repositories<T>;
}
