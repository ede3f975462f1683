import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { int, ref, str, time } from './columns';

/** WeChat subscribe-message consents: one credit per accepted request, spent by one message. */
export class Subscriptions1732000250000 implements MigrationInterface {
  name = 'Subscriptions1732000250000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'subscribe_consents',
        columns: [{ ...ref('user_id'), isPrimary: true }, { ...str('template_key', 32), isPrimary: true }, int('credits', 0), time('updated_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('subscribe_consents');
  }
}
