import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'left';

/** A place in line for a full slot. While `offered`, one place of the slot is held for it. */
@Entity('waitlist_entries')
export class WaitlistEntryEntity {
  @IdColumn() id!: string;
  @RefColumn('slot_id') slotId!: string;
  @RefColumn('user_id') userId!: string;
  @RefColumn('service_id') serviceId!: string;
  /** order in line, unique per slot */
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 16 }) status!: WaitlistStatus;
  /** 1 while waiting or offered: one place per person per slot */
  @Column({ name: 'active_key', type: 'int', nullable: true }) activeKey!: number | null;
  @Column(timeCol('offer_expires_at', true)) offerExpiresAt!: Date | null;
  @RefColumn('booking_id', true) bookingId!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
