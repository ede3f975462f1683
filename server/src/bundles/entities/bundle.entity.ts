import { Column, Entity } from 'typeorm';
import { jsonText } from '../../catalog/entities/json-text.transformer';
import { IdColumn, timeCol } from '../../common/db/column-types';

/** A 一件事 bundle: services of several departments applied for at once, with the bundle's promise in working days. */
@Entity('bundles')
export class BundleEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  /** the services, in the bundle's order */
  @Column({ name: 'service_ids', type: 'text', transformer: jsonText<string[]>([]) }) serviceIds!: string[];
  @Column({ name: 'promised_days', type: 'int' }) promisedDays!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
