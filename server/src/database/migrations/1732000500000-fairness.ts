import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, byAt, createTables, dropColumns, dropTables, entity, int, key, ref, str, text, time } from './columns';

/** No-show appeals, waitlists (with places held for an offer), and call-back samples. */
export class Fairness1732000500000 implements MigrationInterface {
  name = 'Fairness1732000500000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'slots', int('held', 0));
    await createTables(
      q,
      entity('no_show_appeals', [ref('booking_id'), ref('user_id'), ref('hall_id'), text('reason', false), str('status', 16), text('answer'), ...byAt('decided'), time('created_at')], {
        uniques: [key('uq_no_show_appeals_booking', 'booking_id')],
        indices: [key('ix_no_show_appeals_hall_status', 'hall_id', 'status')],
      }),
      entity('waitlist_entries', [
        ref('slot_id'),
        ref('user_id'),
        ref('service_id'),
        // order in line (FIFO), unique per slot; times can tie, this cannot
        int('seq'),
        str('status', 16),
        int('active_key', undefined, true),
        time('offer_expires_at', true),
        ref('booking_id', true),
        time('created_at'),
      ], {
        uniques: [key('uq_waitlist_active', 'slot_id', 'user_id', 'active_key'), key('uq_waitlist_seq', 'slot_id', 'seq')],
        indices: [key('ix_waitlist_slot_status', 'slot_id', 'status', 'seq')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'waitlist_entries', 'no_show_appeals');
    await dropColumns(q, 'slots', 'held');
  }
}
