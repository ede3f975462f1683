import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { int, ref, time } from './columns';

/**
 * 同城通办 / 跨层联办 (DESIGN.md, Across halls and departments): `halls.parent_hall_id` (town → county →
 * city: one city chain), and on filings where they were filed and which hall decides, since when they
 * are in transit, the working days spent in transit (not counted against the promised days), and
 * when a late reception was put before both halls' supervisors.
 */
export class Forwarding1732001025000 implements MigrationInterface {
  name = 'Forwarding1732001025000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('halls', new TableColumn(ref('parent_hall_id', true)));
    await q.addColumns('applications', [
      new TableColumn(ref('filed_hall_id', true)),
      new TableColumn(ref('competent_hall_id', true)),
      new TableColumn(time('transit_since', true)),
      new TableColumn(int('transit_days', 0)),
      new TableColumn(time('transit_escalated_at', true)),
    ]);
    await q.createIndex('applications', new TableIndex({ name: 'ix_applications_transit', columnNames: ['status', 'transit_since'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('applications', 'ix_applications_transit');
    for (const c of ['transit_escalated_at', 'transit_days', 'transit_since', 'competent_hall_id', 'filed_hall_id']) await q.dropColumn('applications', c);
    await q.dropColumn('halls', 'parent_hall_id');
  }
}
