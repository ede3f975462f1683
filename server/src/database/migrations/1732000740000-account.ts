import { MigrationInterface, QueryRunner, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';
import { str, time } from './columns';

/** Degrees with six decimals (about 0.1 m), nullable: a hall's place on the map. */
const degrees = (name: string): TableColumnOptions => ({ name, type: 'decimal', precision: 9, scale: 6, isNullable: true });

/**
 * The account's own life: consent to the privacy terms (version and time; the history is in the
 * audit log), the time an account was closed (注销), halls' coordinates for the map, and an index to
 * revoke a person's refresh tokens at once.
 */
export class Account1732000740000 implements MigrationInterface {
  name = 'Account1732000740000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('users', [new TableColumn(str('consent_version', 16, true)), new TableColumn(time('consent_at', true)), new TableColumn(time('closed_at', true))]);
    await q.addColumns('halls', [new TableColumn(degrees('latitude')), new TableColumn(degrees('longitude'))]);
    await q.createIndex('refresh_tokens', new TableIndex({ name: 'ix_refresh_tokens_user', columnNames: ['user_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('refresh_tokens', 'ix_refresh_tokens_user');
    await q.dropColumns('halls', ['latitude', 'longitude']);
    await q.dropColumns('users', ['consent_version', 'consent_at', 'closed_at']);
  }
}
