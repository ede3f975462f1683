import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import { jsonText } from '../../catalog/entities/json-text.transformer';

/** A window (窗口) of a hall that calls tickets; `serviceIds` empty = every service of the hall. */
@Entity('queue_windows')
export class QueueWindowEntity {
  @IdColumn() id!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ name: 'service_ids', type: 'text', transformer: jsonText<string[]>([]) }) serviceIds!: string[];
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
