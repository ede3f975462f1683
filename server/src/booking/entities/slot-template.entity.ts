import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

@Entity('slot_templates')
export class SlotTemplateEntity {
  @IdColumn() id!: string;
  @RefColumn('hall_id') hallId!: string;
  @RefColumn('service_id', true) serviceId!: string | null;
  /** ISO weekday 1 (Monday) … 7 (Sunday) */
  @Column({ type: 'int' }) weekday!: number;
  @Column({ name: 'start_time', type: 'varchar', length: 5 }) start!: string;
  @Column({ name: 'end_time', type: 'varchar', length: 5 }) end!: string;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
