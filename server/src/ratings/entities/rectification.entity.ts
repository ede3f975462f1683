import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** A ticket for the responsible hall/department to answer a bad rating by its due date. */
@Entity('rectifications')
export class RectificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'rating_id', type: 'varchar', length: 36 }) ratingId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36, nullable: true }) hallId!: string | null;
  @Column({ name: 'department_id', type: 'varchar', length: 36, nullable: true }) departmentId!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'answered';
  @Column(timeCol('due_at')) dueAt!: Date;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true }) answeredBy!: string | null;
  @Column(timeCol('answered_at', true)) answeredAt!: Date | null;
  @Column(timeCol('overdue_notified_at', true)) overdueNotifiedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
