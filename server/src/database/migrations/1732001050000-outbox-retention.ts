import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The `outbox-cleanup` job deletes settled deliveries (sent, skipped) older than OUTBOX_RETENTION_DAYS
 * in batches: this index makes each batch one range read by state and settling time.
 */
export class OutboxRetention1732001050000 implements MigrationInterface {
  name = 'OutboxRetention1732001050000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('outbox_deliveries', new TableIndex({ name: 'ix_outbox_done', columnNames: ['status', 'done_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('outbox_deliveries', 'ix_outbox_done');
  }
}
