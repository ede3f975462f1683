import { Column, Entity } from 'typeorm';
import type { OffhoursRefusalReason, OffhoursStatus } from '@gov/shared';
import { RefColumn, timeCol } from '../../common/db/column-types';
import { PrincipalColumns } from '../../common/db/principal-columns';

@Entity('offhours_requests')
export class OffhoursRequestEntity extends PrincipalColumns {
  @Column({ name: 'principal_key', type: 'varchar', length: 40 }) principalKey!: string;
  @RefColumn('service_id') serviceId!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column(timeCol('preferred_start')) preferredStart!: Date;
  @Column(timeCol('preferred_end')) preferredEnd!: Date;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: OffhoursStatus;
  /** the refusal's free text (before the reason list: the whole reason) */
  @Column({ name: 'refuse_reason', type: 'text', nullable: true }) refuseReason!: string | null;
  @Column({ name: 'refuse_code', type: 'varchar', length: 32, nullable: true }) refuseCode!: OffhoursRefusalReason | null;
  /** staff must answer by then (null: made before the rule) */
  @Column(timeCol('reply_by', true)) replyBy!: Date | null;
  @Column({ name: 'materials_note', type: 'text', nullable: true }) materialsNote!: string | null;
  @RefColumn('booking_id', true) bookingId!: string | null;
  @RefColumn('decided_by', true) decidedBy!: string | null;
  @Column({ name: 'staff_name', type: 'varchar', length: 64, nullable: true }) staffName!: string | null;
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  /** 督办: when the hall's supervisors were told it passed `replyBy` unanswered (once) */
  @Column(timeCol('escalated_at', true)) escalatedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
