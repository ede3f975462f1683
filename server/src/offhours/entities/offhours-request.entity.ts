import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OffhoursStatus } from '@gov/shared';
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
  @Column({ name: 'refuse_reason', type: 'text', nullable: true }) refuseReason!: string | null;
  @Column({ name: 'booking_id', type: 'varchar', length: 36, nullable: true }) bookingId!: string | null;
  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true }) decidedBy!: string | null;
  @Column({ name: 'staff_name', type: 'varchar', length: 64, nullable: true }) staffName!: string | null;
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
