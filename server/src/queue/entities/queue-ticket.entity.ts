import { Column, Entity } from 'typeorm';
import type { TicketLane, TicketStatus } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/**
 * A queue ticket (排队号) of one hall and Shanghai day. `(hall_id, day, lane, seq)` is unique; the
 * sequence comes from `queue_counters`. Status changes are guarded updates on the expected status.
 */
@Entity('queue_tickets')
export class QueueTicketEntity {
  @IdColumn() id!: string;
  @RefColumn('hall_id') hallId!: string;
  @RefColumn('service_id') serviceId!: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'varchar', length: 16 }) lane!: TicketLane;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'varchar', length: 8 }) number!: string;
  @Column({ type: 'varchar', length: 16 }) status!: TicketStatus;
  /** the holder (null for a desk ticket without an account) */
  @RefColumn('user_id', true) userId!: string | null;
  @RefColumn('booking_id', true) bookingId!: string | null;
  /** the booking's slot start (appointment lane) */
  @Column(timeCol('due_at', true)) dueAt!: Date | null;
  /** the desk holder's phone, encrypted (AES-256-GCM) */
  @Column({ name: 'phone_enc', type: 'text', nullable: true }) phoneEnc!: string | null;
  @Column({ name: 'green_requested', type: 'boolean', default: false }) greenRequested!: boolean;
  @Column({ name: 'green_confirmed', type: 'boolean', default: false }) greenConfirmed!: boolean;
  @Column({ name: 'green_reason', type: 'varchar', length: 200, nullable: true }) greenReason!: string | null;
  @RefColumn('issued_by', true) issuedBy!: string | null;
  @Column(timeCol('taken_at')) takenAt!: Date;
  /** its place in line: takenAt, or when put back after a skip */
  @Column(timeCol('queued_at')) queuedAt!: Date;
  @RefColumn('window_id', true) windowId!: string | null;
  @RefColumn('called_by', true) calledBy!: string | null;
  @Column(timeCol('called_at', true)) calledAt!: Date | null;
  @Column({ name: 'call_count', type: 'int', default: 0 }) callCount!: number;
  @Column(timeCol('serving_at', true)) servingAt!: Date | null;
  @Column(timeCol('finished_at', true)) finishedAt!: Date | null;
  @RefColumn('finished_by', true) finishedBy!: string | null;
  @Column(timeCol('skipped_at', true)) skippedAt!: Date | null;
  @Column({ name: 'requeue_count', type: 'int', default: 0 }) requeueCount!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
