import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The `queue-day-end` job ends tickets of past days still open (waiting, called, serving): an index on
 * (status, day) lets it find them among every past day's tickets without reading the whole table.
 */
export class QueueDayEnd1732000950000 implements MigrationInterface {
  name = 'QueueDayEnd1732000950000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('queue_tickets', new TableIndex({ name: 'ix_queue_tickets_status_day', columnNames: ['status', 'day'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('queue_tickets', 'ix_queue_tickets_status_day');
  }
}
