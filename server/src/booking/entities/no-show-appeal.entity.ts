import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** An applicant's appeal against one no-show; staff of the hall waive it or reject the appeal. */
@Entity('no_show_appeals')
export class NoShowAppealEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'booking_id', type: 'varchar', length: 36 }) bookingId!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'waived' | 'rejected';
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true }) decidedBy!: string | null;
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
