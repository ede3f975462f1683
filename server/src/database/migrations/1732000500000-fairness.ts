import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { idColumn, int, ref, str, text, time } from './columns';

/** No-show appeals, waitlists (with places held for an offer), and call-back samples. */
export class Fairness1732000500000 implements MigrationInterface {
  name = 'Fairness1732000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('slots', new TableColumn(int('held', 0)));
    await q.createTable(
      new Table({
        name: 'no_show_appeals',
        columns: [
          idColumn(),
          ref('booking_id'),
          ref('user_id'),
          ref('hall_id'),
          text('reason', false),
          str('status', 16),
          text('answer'),
          ref('decided_by', true),
          time('decided_at', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_no_show_appeals_booking', columnNames: ['booking_id'] }],
        indices: [new TableIndex({ name: 'ix_no_show_appeals_hall_status', columnNames: ['hall_id', 'status'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'waitlist_entries',
        columns: [
          idColumn(),
          ref('slot_id'),
          ref('user_id'),
          ref('service_id'),
          // order in line (FIFO), unique per slot; times can tie, this cannot
          int('seq'),
          str('status', 16),
          { name: 'active_key', type: 'int', isNullable: true },
          time('offer_expires_at', true),
          ref('booking_id', true),
          time('created_at'),
        ],
        uniques: [
          { name: 'uq_waitlist_active', columnNames: ['slot_id', 'user_id', 'active_key'] },
          { name: 'uq_waitlist_seq', columnNames: ['slot_id', 'seq'] },
        ],
        indices: [new TableIndex({ name: 'ix_waitlist_slot_status', columnNames: ['slot_id', 'status', 'seq'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('waitlist_entries');
    await q.dropTable('no_show_appeals');
    await q.dropColumn('slots', 'held');
  }
}
