import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * No-shows by the hall's own rules (issue 15; 罗山 预约办 四.2): on `bookings`,
 * - `no_show_counts` (default 1: every no-show recorded before counts, as it did): 0 while a no-show
 *   waits for the hall's contact attempt (a pending no-show, API.md `noShow: { counts: false }`);
 * - the last contact attempt staff recorded: `contact_reached`, `contact_outcome` (coming, reschedule,
 *   gave_up, none), `contact_note`, `contact_at`, `contact_by`;
 * - `cancel_reason`: why the centre cancelled (slot or day closed, service withdrawn, staff cancel);
 * - `registered_name`: the name staff took for a booking they registered (kind `registered`).
 * - `rescheduled_at`, `reschedule_count`: a booking moved to another slot keeps its id.
 */
export class NoShowContact1732000925000 implements MigrationInterface {
  name = 'NoShowContact1732000925000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('bookings', [
      new TableColumn({ name: 'no_show_counts', type: 'boolean', isNullable: false, default: 1 }),
      new TableColumn({ name: 'contact_reached', type: 'boolean', isNullable: true }),
      new TableColumn({ name: 'contact_outcome', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'contact_note', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'contact_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'contact_by', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'cancel_reason', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'registered_name', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'rescheduled_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'reschedule_count', type: 'int', isNullable: false, default: 0 }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['reschedule_count', 'rescheduled_at', 'registered_name', 'cancel_reason', 'contact_by', 'contact_at', 'contact_note', 'contact_outcome', 'contact_reached', 'no_show_counts']) await q.dropColumn('bookings', c);
  }
}
