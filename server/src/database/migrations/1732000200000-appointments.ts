import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, date, idColumn, int, ref, str, text, time, timestamps } from './columns';

/** Slots, bookings (with the one-active-booking unique key), no-show standing, off-hours requests, messages. */
export class Appointments1732000200000 implements MigrationInterface {
  name = 'Appointments1732000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'slot_templates',
        columns: [idColumn(), ref('hall_id'), ref('service_id', true), int('weekday'), str('start_time', 5), str('end_time', 5), int('capacity'), bool('active', true), ...timestamps()],
        indices: [new TableIndex({ name: 'ix_slot_templates_hall', columnNames: ['hall_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slots',
        columns: [
          idColumn(),
          ref('hall_id'),
          ref('service_id', true),
          ref('template_id', true),
          date('day'),
          time('start_at'),
          time('end_at'),
          int('capacity'),
          int('booked', 0),
          str('kind', 16, false, 'regular'),
          bool('active', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_slots_template_day', columnNames: ['template_id', 'day'] }],
        indices: [new TableIndex({ name: 'ix_slots_hall_day', columnNames: ['hall_id', 'day'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bookings',
        columns: [
          idColumn(),
          ref('user_id'),
          ref('actor_id'),
          ref('enterprise_id', true),
          str('principal_key', 40),
          ref('slot_id'),
          ref('service_id'),
          ref('hall_id'),
          date('day'),
          time('start_at'),
          time('end_at'),
          str('kind', 16),
          str('status', 16),
          str('code', 16),
          // 1 while the booking is active (booked or checked in), NULL otherwise: the unique key below
          // then allows one active booking per principal, service and day, and any number of inactive ones.
          { name: 'active_key', type: 'int', isNullable: true },
          ref('offhours_request_id', true),
          time('created_at'),
          time('cancelled_at', true),
          time('checked_in_at', true),
          ref('checked_in_by', true),
          time('no_show_at', true),
          time('waived_at', true),
          ref('waived_by', true),
          text('waive_reason'),
        ],
        uniques: [
          { name: 'uq_bookings_code', columnNames: ['code'] },
          { name: 'uq_bookings_active', columnNames: ['principal_key', 'service_id', 'day', 'active_key'] },
        ],
        indices: [
          new TableIndex({ name: 'ix_bookings_user', columnNames: ['user_id', 'start_at'] }),
          new TableIndex({ name: 'ix_bookings_actor', columnNames: ['actor_id'] }),
          new TableIndex({ name: 'ix_bookings_hall_day', columnNames: ['hall_id', 'day'] }),
          new TableIndex({ name: 'ix_bookings_status_start', columnNames: ['status', 'start_at'] }),
          new TableIndex({ name: 'ix_bookings_slot', columnNames: ['slot_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'standing_events',
        columns: [idColumn(), ref('user_id'), str('kind', 16), ref('actor_id', true), text('reason'), time('at')],
        indices: [new TableIndex({ name: 'ix_standing_events_user', columnNames: ['user_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'offhours_requests',
        columns: [
          idColumn(),
          ref('user_id'),
          ref('actor_id'),
          ref('enterprise_id', true),
          str('principal_key', 40),
          ref('service_id'),
          ref('hall_id'),
          time('preferred_start'),
          time('preferred_end'),
          text('note'),
          str('status', 16),
          text('refuse_reason'),
          ref('booking_id', true),
          ref('decided_by', true),
          str('staff_name', 64, true),
          time('decided_at', true),
          ...timestamps(),
        ],
        indices: [
          new TableIndex({ name: 'ix_offhours_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'ix_offhours_hall_status', columnNames: ['hall_id', 'status'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'messages',
        columns: [
          idColumn(),
          ref('user_id'),
          str('type', 32),
          str('title', 100),
          text('body', false),
          str('link', 200, true),
          // makes scheduled notices idempotent across instances: one message per (user, key)
          str('dedupe_key', 120, true),
          time('read_at', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_messages_dedupe', columnNames: ['user_id', 'dedupe_key'] }],
        indices: [new TableIndex({ name: 'ix_messages_user_created', columnNames: ['user_id', 'created_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['messages', 'offhours_requests', 'standing_events', 'bookings', 'slots', 'slot_templates']) await q.dropTable(t);
  }
}
