import { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { addColumns, addIndices, dropIndices, key, str, time } from './columns';

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
    await addColumns(q, 'users', str('consent_version', 16, true), time('consent_at', true), time('closed_at', true));
    await addColumns(q, 'halls', degrees('latitude'), degrees('longitude'));
    await addIndices(q, 'refresh_tokens', key('ix_refresh_tokens_user', 'user_id'));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndices(q, 'refresh_tokens', 'ix_refresh_tokens_user');
    await q.dropColumns('halls', ['latitude', 'longitude']);
    await q.dropColumns('users', ['consent_version', 'consent_at', 'closed_at']);
  }
}
