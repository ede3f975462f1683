import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'left';

/** A place in line for a full slot. While `offered`, one place of the slot is held for it. */
@Entity('waitlist_entries')
export class WaitlistEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'slot_id', type: 'varchar', length: 36 }) slotId!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  /** order in line, unique per slot */
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 16 }) status!: WaitlistStatus;
  /** 1 while waiting or offered: one place per person per slot */
  @Column({ name: 'active_key', type: 'int', nullable: true }) activeKey!: number | null;
  @Column(timeCol('offer_expires_at', true)) offerExpiresAt!: Date | null;
  @Column({ name: 'booking_id', type: 'varchar', length: 36, nullable: true }) bookingId!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
