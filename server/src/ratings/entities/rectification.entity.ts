import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** A ticket for the responsible hall/department to answer a bad rating by its due date. */
@Entity('rectifications')
export class RectificationEntity {
  @IdColumn() id!: string;
  @RefColumn('rating_id') ratingId!: string;
  @RefColumn('hall_id', true) hallId!: string | null;
  @RefColumn('department_id', true) departmentId!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'answered';
  @Column(timeCol('due_at')) dueAt!: Date;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @RefColumn('answered_by', true) answeredBy!: string | null;
  @Column(timeCol('answered_at', true)) answeredAt!: Date | null;
  @Column(timeCol('overdue_notified_at', true)) overdueNotifiedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
