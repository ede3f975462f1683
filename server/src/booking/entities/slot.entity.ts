import { Column, Entity } from 'typeorm';
import type { SlotKind } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

@Entity('slots')
export class SlotEntity {
  @IdColumn() id!: string;
  @RefColumn('hall_id') hallId!: string;
  /** null: any service of the hall */
  @RefColumn('service_id', true) serviceId!: string | null;
  @RefColumn('template_id', true) templateId!: string | null;
  /** Asia/Shanghai date */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column(timeCol('start_at')) startAt!: Date;
  @Column(timeCol('end_at')) endAt!: Date;
  @Column({ type: 'int' }) capacity!: number;
  /** active bookings; only ever changed by guarded conditional updates */
  @Column({ type: 'int', default: 0 }) booked!: number;
  /** places held for waitlist offers; a regular booking needs booked + held < capacity */
  @Column({ type: 'int', default: 0 }) held!: number;
  @Column({ type: 'varchar', length: 16, default: 'regular' }) kind!: SlotKind;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column(timeCol('created_at')) createdAt!: Date;
}
