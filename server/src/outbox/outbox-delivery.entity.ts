import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../common/db/column-types';
import type { OutboxChannel, OutboxStatus } from './outbox.rules';

/**
 * One message's delivery on one outside channel (table `outbox_deliveries`). Written in the same
 * transaction as the message; the outbox worker claims it with a lease and records the outcome.
 */
@Entity('outbox_deliveries')
export class OutboxDeliveryEntity {
  @IdColumn() id!: string;
  /** the in-app message (messages.id) this delivery carries */
  @RefColumn('message_id') messageId!: string;
  @RefColumn('user_id') userId!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: OutboxChannel;
  /** the message type (booking_created, application …) */
  @Column({ type: 'varchar', length: 32 }) event!: string;
  /** what to send, as JSON (OutboxPayload of the channel) */
  @Column({ type: 'text' }) payload!: string;
  @Column({ type: 'varchar', length: 16 }) status!: OutboxStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column(timeCol('next_attempt_at')) nextAttemptAt!: Date;
  @RefColumn('lease_owner', true) leaseOwner!: string | null;
  @Column(timeCol('lease_until', true)) leaseUntil!: Date | null;
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true }) lastError!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('done_at', true)) doneAt!: Date | null;
}
