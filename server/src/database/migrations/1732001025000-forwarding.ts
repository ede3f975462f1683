import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addIndices, dropColumns, dropIndices, int, key, ref, time } from './columns';

/**
 * 同城通办 / 跨层联办 (DESIGN.md, Across halls and departments): `halls.parent_hall_id` (town → county →
 * city: one city chain), and on filings where they were filed and which hall decides, since when they
 * are in transit, the working days spent in transit (not counted against the promised days), and
 * when a late reception was put before both halls' supervisors.
 */
export class Forwarding1732001025000 implements MigrationInterface {
  name = 'Forwarding1732001025000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'halls', ref('parent_hall_id', true));
    await addColumns(q, 'applications', ref('filed_hall_id', true), ref('competent_hall_id', true), time('transit_since', true), int('transit_days', 0), time('transit_escalated_at', true));
    await addIndices(q, 'applications', key('ix_applications_transit', 'status', 'transit_since'));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndices(q, 'applications', 'ix_applications_transit');
    await dropColumns(q, 'applications', 'transit_escalated_at', 'transit_days', 'transit_since', 'competent_hall_id', 'filed_hall_id');
    await dropColumns(q, 'halls', 'parent_hall_id');
  }
}
