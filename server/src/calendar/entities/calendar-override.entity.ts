import { Column, Entity } from 'typeorm';
import { IdColumn, timeCol } from '../../common/db/column-types';

/** An admin's word on one date, over the official calendar (e.g. next year's schedule once published). */
@Entity('calendar_overrides')
export class CalendarOverrideEntity {
  @IdColumn() id!: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  @Column({ type: 'varchar', length: 10 }) date!: string;
  @Column({ type: 'boolean', default: false }) workday!: boolean;
  @Column({ type: 'varchar', length: 64, nullable: true }) name!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
