import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OffhoursRefusalReason, OffhoursStatus } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';

@Entity('offhours_requests')
export class OffhoursRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36 }) actorId!: string;
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36, nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'principal_key', type: 'varchar', length: 40 }) principalKey!: string;
  @Column({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
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
  @Column({ name: 'booking_id', type: 'varchar', length: 36, nullable: true }) bookingId!: string | null;
  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true }) decidedBy!: string | null;
  @Column({ name: 'staff_name', type: 'varchar', length: 64, nullable: true }) staffName!: string | null;
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  /** 督办: when the hall's supervisors were told it passed `replyBy` unanswered (once) */
  @Column(timeCol('escalated_at', true)) escalatedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
