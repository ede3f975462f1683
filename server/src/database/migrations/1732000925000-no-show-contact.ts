import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, atBy, bool, dropColumns, int, str, time } from './columns';

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
    await addColumns(
      q,
      'bookings',
      bool('no_show_counts', true),
      bool('contact_reached', null),
      str('contact_outcome', 16, true),
      str('contact_note', 500, true),
      ...atBy('contact'),
      str('cancel_reason', 500, true),
      str('registered_name', 64, true),
      time('rescheduled_at', true),
      int('reschedule_count', 0),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'bookings', 'reschedule_count', 'rescheduled_at', 'registered_name', 'cancel_reason', 'contact_by', 'contact_at', 'contact_note', 'contact_outcome', 'contact_reached', 'no_show_counts');
  }
}
