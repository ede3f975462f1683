import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

@Entity('slot_templates')
export class SlotTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true }) serviceId!: string | null;
  /** ISO weekday 1 (Monday) … 7 (Sunday) */
  @Column({ type: 'int' }) weekday!: number;
  @Column({ name: 'start_time', type: 'varchar', length: 5 }) start!: string;
  @Column({ name: 'end_time', type: 'varchar', length: 5 }) end!: string;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
