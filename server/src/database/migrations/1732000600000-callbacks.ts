import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, idColumn, ref, str, text, time } from './columns';

/** Monthly follow-up call-backs drawn from delivered filings. */
export class Callbacks1732000600000 implements MigrationInterface {
  name = 'Callbacks1732000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'callback_samples',
        columns: [
          idColumn(),
          ref('application_id'),
          str('month', 7),
          ref('hall_id'),
          bool('key_project'),
          str('status', 16),
          { name: 'reached', type: 'boolean', isNullable: true },
          { name: 'satisfied', type: 'boolean', isNullable: true },
          text('note'),
          ref('called_by', true),
          time('called_at', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_callback_samples_application', columnNames: ['application_id'] }],
        indices: [new TableIndex({ name: 'ix_callback_samples_hall_month', columnNames: ['hall_id', 'month'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('callback_samples');
  }
}
