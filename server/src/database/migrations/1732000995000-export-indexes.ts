import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The staff exports read a hall's rows in keyset pages (server/src/exports): a day's bookings by start
 * time, a month's filings by creation time. These indexes make each page one range read, without
 * sorting the whole day or month again for every page.
 */
export class ExportIndexes1732000995000 implements MigrationInterface {
  name = 'ExportIndexes1732000995000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('bookings', new TableIndex({ name: 'ix_bookings_hall_day_start', columnNames: ['hall_id', 'day', 'start_at', 'id'] }));
    await q.createIndex('applications', new TableIndex({ name: 'ix_applications_hall_created', columnNames: ['hall_id', 'created_at', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('applications', 'ix_applications_hall_created');
    await q.dropIndex('bookings', 'ix_bookings_hall_day_start');
  }
}
