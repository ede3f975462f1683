import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketLane, TicketStatus } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';

/**
 * A queue ticket (排队号) of one hall and Shanghai day. `(hall_id, day, lane, seq)` is unique; the
 * sequence comes from `queue_counters`. Status changes are guarded updates on the expected status.
 */
@Entity('queue_tickets')
export class QueueTicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'varchar', length: 16 }) lane!: TicketLane;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 8 }) number!: string;
  @Column({ type: 'varchar', length: 16 }) status!: TicketStatus;
  /** the holder (null for a desk ticket without an account) */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true }) userId!: string | null;
  @Column({ name: 'booking_id', type: 'varchar', length: 36, nullable: true }) bookingId!: string | null;
  /** the booking's slot start (appointment lane) */
  @Column(timeCol('due_at', true)) dueAt!: Date | null;
  /** the desk holder's phone, encrypted (AES-256-GCM) */
  @Column({ name: 'phone_enc', type: 'text', nullable: true }) phoneEnc!: string | null;
  @Column({ name: 'green_requested', type: 'boolean', default: false }) greenRequested!: boolean;
  @Column({ name: 'green_confirmed', type: 'boolean', default: false }) greenConfirmed!: boolean;
  @Column({ name: 'green_reason', type: 'varchar', length: 200, nullable: true }) greenReason!: string | null;
  @Column({ name: 'issued_by', type: 'varchar', length: 36, nullable: true }) issuedBy!: string | null;
  @Column(timeCol('taken_at')) takenAt!: Date;
  /** its place in line: takenAt, or when put back after a skip */
  @Column(timeCol('queued_at')) queuedAt!: Date;
  @Column({ name: 'window_id', type: 'varchar', length: 36, nullable: true }) windowId!: string | null;
  @Column({ name: 'called_by', type: 'varchar', length: 36, nullable: true }) calledBy!: string | null;
  @Column(timeCol('called_at', true)) calledAt!: Date | null;
  @Column({ name: 'call_count', type: 'int', default: 0 }) callCount!: number;
  @Column(timeCol('serving_at', true)) servingAt!: Date | null;
  @Column(timeCol('finished_at', true)) finishedAt!: Date | null;
  @Column({ name: 'finished_by', type: 'varchar', length: 36, nullable: true }) finishedBy!: string | null;
  @Column(timeCol('skipped_at', true)) skippedAt!: Date | null;
  @Column({ name: 'requeue_count', type: 'int', default: 0 }) requeueCount!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
