import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookingKind, BookingStatus, ContactOutcome } from '@gov/shared';
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
  /** false while a no-show waits for the hall's contact attempt (a pending no-show); true for every other booking */
  @Column({ name: 'no_show_counts', type: 'boolean', default: true }) noShowCounts!: boolean;
  /** the last contact attempt staff recorded on a late booking (null: none) */
  @Column({ name: 'contact_reached', type: 'boolean', nullable: true }) contactReached!: boolean | null;
  @Column({ name: 'contact_outcome', type: 'varchar', length: 16, nullable: true }) contactOutcome!: ContactOutcome | null;
  @Column({ name: 'contact_note', type: 'varchar', length: 500, nullable: true }) contactNote!: string | null;
  @Column(timeCol('contact_at', true)) contactAt!: Date | null;
  @Column({ name: 'contact_by', type: 'varchar', length: 36, nullable: true }) contactBy!: string | null;
  /** why the centre cancelled it (status cancelled_by_centre), or why the applicant gave up by phone */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true }) cancelReason!: string | null;
  /** the name staff took for a booking they registered (kind `registered`), else null */
  @Column({ name: 'registered_name', type: 'varchar', length: 64, nullable: true }) registeredName!: string | null;
  /** when it was last moved to another slot (POST /bookings/:id/reschedule), and how often */
  @Column(timeCol('rescheduled_at', true)) rescheduledAt!: Date | null;
  @Column({ name: 'reschedule_count', type: 'int', default: 0 }) rescheduleCount!: number;
}
