import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SlotKind } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';

@Entity('slots')
export class SlotEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  /** null: any service of the hall */
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true }) serviceId!: string | null;
  @Column({ name: 'template_id', type: 'varchar', length: 36, nullable: true }) templateId!: string | null;
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
