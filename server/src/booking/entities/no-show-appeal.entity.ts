import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** An applicant's appeal against one no-show; staff of the hall waive it or reject the appeal. */
@Entity('no_show_appeals')
export class NoShowAppealEntity {
  @IdColumn() id!: string;
  @RefColumn('booking_id') bookingId!: string;
  @RefColumn('user_id') userId!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'waived' | 'rejected';
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @RefColumn('decided_by', true) decidedBy!: string | null;
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
