import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, date, idColumn, int, ref, str, text, time, timestamps } from './columns';

/**
 * The hall's queue (取号叫号, 延时办): windows, tickets (unique per hall, day, lane and number; one
 * per booking), the per-lane number counters, the per-hall change version the live streams poll,
 * and 延时服务登记 (one per ticket finished after closing).
 */
export class Queue1732000910000 implements MigrationInterface {
  name = 'Queue1732000910000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'queue_windows',
        columns: [idColumn(), ref('hall_id'), str('name', 50), text('service_ids', false), int('sort_order', 0), ...timestamps()],
        uniques: [{ name: 'uq_queue_windows_hall_name', columnNames: ['hall_id', 'name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'queue_tickets',
        columns: [
          idColumn(),
          ref('hall_id'),
          ref('service_id'),
          date('day'),
          str('lane', 16),
          int('seq'),
          str('number', 8),
          str('status', 16),
          ref('user_id', true),
          ref('booking_id', true),
          time('due_at', true),
          text('phone_enc'),
          bool('green_requested'),
          bool('green_confirmed'),
          str('green_reason', 200, true),
          ref('issued_by', true),
          time('taken_at'),
          time('queued_at'),
          ref('window_id', true),
          ref('called_by', true),
          time('called_at', true),
          int('call_count', 0),
          time('serving_at', true),
          time('finished_at', true),
          ref('finished_by', true),
          time('skipped_at', true),
          int('requeue_count', 0),
          ...timestamps(),
        ],
        uniques: [
          { name: 'uq_queue_tickets_number', columnNames: ['hall_id', 'day', 'lane', 'seq'] },
          { name: 'uq_queue_tickets_booking', columnNames: ['booking_id'] },
        ],
        indices: [
          { name: 'ix_queue_tickets_hall_day_status', columnNames: ['hall_id', 'day', 'status'] },
          { name: 'ix_queue_tickets_user_day', columnNames: ['user_id', 'day'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'queue_counters',
        columns: [
          { ...ref('hall_id'), isPrimary: true },
          { ...date('day'), isPrimary: true },
          { ...str('lane', 16), isPrimary: true },
          int('last_seq', 0),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'queue_hall_state',
        columns: [{ ...ref('hall_id'), isPrimary: true }, int('version', 0), time('changed_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'queue_overtime_services',
        columns: [
          idColumn(),
          ref('ticket_id'),
          ref('hall_id'),
          date('day'),
          ref('window_id'),
          ref('staff_id'),
          str('closing_time', 5),
          time('finished_at'),
          int('minutes_past_closing'),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_queue_overtime_ticket', columnNames: ['ticket_id'] }],
        indices: [{ name: 'ix_queue_overtime_hall_day', columnNames: ['hall_id', 'day'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('queue_overtime_services');
    await q.dropTable('queue_hall_state');
    await q.dropTable('queue_counters');
    await q.dropTable('queue_tickets');
    await q.dropTable('queue_windows');
  }
}
