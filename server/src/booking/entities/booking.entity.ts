import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookingKind, BookingStatus } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';

@Entity('bookings')
export class BookingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  /** whose booking it is (the principal person; for a company, the member who made it) */
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  /** who made it (the same person, or an agent) */
  @Column({ name: 'actor_id', type: 'varchar', length: 36 }) actorId!: string;
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36, nullable: true }) enterpriseId!: string | null;
  /** `u:<userId>` or `e:<enterpriseId>`: the one-active-booking rule holds per principal */
  @Column({ name: 'principal_key', type: 'varchar', length: 40 }) principalKey!: string;
  @Column({ name: 'slot_id', type: 'varchar', length: 36 }) slotId!: string;
  @Column({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column(timeCol('start_at')) startAt!: Date;
  @Column(timeCol('end_at')) endAt!: Date;
  @Column({ type: 'varchar', length: 16 }) kind!: BookingKind;
  @Column({ type: 'varchar', length: 32 }) status!: BookingStatus;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ name: 'active_key', type: 'int', nullable: true }) activeKey!: number | null;
  @Column({ name: 'offhours_request_id', type: 'varchar', length: 36, nullable: true }) offhoursRequestId!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('cancelled_at', true)) cancelledAt!: Date | null;
  @Column(timeCol('checked_in_at', true)) checkedInAt!: Date | null;
  @Column({ name: 'checked_in_by', type: 'varchar', length: 36, nullable: true }) checkedInBy!: string | null;
  @Column(timeCol('no_show_at', true)) noShowAt!: Date | null;
  @Column(timeCol('waived_at', true)) waivedAt!: Date | null;
  @Column({ name: 'waived_by', type: 'varchar', length: 36, nullable: true }) waivedBy!: string | null;
  @Column({ name: 'waive_reason', type: 'text', nullable: true }) waiveReason!: string | null;
}
