import { Column, Entity } from 'typeorm';
import type { BookingKind, BookingStatus, ContactOutcome } from '@gov/shared';
import { RefColumn, timeCol } from '../../common/db/column-types';
import { PrincipalColumns } from '../../common/db/principal-columns';

@Entity('bookings')
export class BookingEntity extends PrincipalColumns {
  /** `u:<userId>` or `e:<enterpriseId>`: the one-active-booking rule holds per principal */
  @Column({ name: 'principal_key', type: 'varchar', length: 40 }) principalKey!: string;
  @RefColumn('slot_id') slotId!: string;
  @RefColumn('service_id') serviceId!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column(timeCol('start_at')) startAt!: Date;
  @Column(timeCol('end_at')) endAt!: Date;
  @Column({ type: 'varchar', length: 16 }) kind!: BookingKind;
  @Column({ type: 'varchar', length: 32 }) status!: BookingStatus;
  @Column({ type: 'varchar', length: 16 }) code!: string;
  @Column({ name: 'active_key', type: 'int', nullable: true }) activeKey!: number | null;
  @RefColumn('offhours_request_id', true) offhoursRequestId!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('cancelled_at', true)) cancelledAt!: Date | null;
  @Column(timeCol('checked_in_at', true)) checkedInAt!: Date | null;
  @RefColumn('checked_in_by', true) checkedInBy!: string | null;
  @Column(timeCol('no_show_at', true)) noShowAt!: Date | null;
  @Column(timeCol('waived_at', true)) waivedAt!: Date | null;
  @RefColumn('waived_by', true) waivedBy!: string | null;
  @Column({ name: 'waive_reason', type: 'text', nullable: true }) waiveReason!: string | null;
  /** false while a no-show waits for the hall's contact attempt (a pending no-show); true for every other booking */
  @Column({ name: 'no_show_counts', type: 'boolean', default: true }) noShowCounts!: boolean;
  /** the last contact attempt staff recorded on a late booking (null: none) */
  @Column({ name: 'contact_reached', type: 'boolean', nullable: true }) contactReached!: boolean | null;
  @Column({ name: 'contact_outcome', type: 'varchar', length: 16, nullable: true }) contactOutcome!: ContactOutcome | null;
  @Column({ name: 'contact_note', type: 'varchar', length: 500, nullable: true }) contactNote!: string | null;
  @Column(timeCol('contact_at', true)) contactAt!: Date | null;
  @RefColumn('contact_by', true) contactBy!: string | null;
  /** why the centre cancelled it (status cancelled_by_centre), or why the applicant gave up by phone */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true }) cancelReason!: string | null;
  /** the name staff took for a booking they registered (kind `registered`), else null */
  @Column({ name: 'registered_name', type: 'varchar', length: 64, nullable: true }) registeredName!: string | null;
  /** when it was last moved to another slot (POST /bookings/:id/reschedule), and how often */
  @Column(timeCol('rescheduled_at', true)) rescheduledAt!: Date | null;
  @Column({ name: 'reschedule_count', type: 'int', default: 0 }) rescheduleCount!: number;
}
