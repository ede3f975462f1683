import { MigrationInterface, QueryRunner } from 'typeorm';
import { addIndices, dropIndices, key, uniqueIndex } from './columns';

/**
 * One account per identity document (issue 14: "everything that keys on the ID number — one account per
 * person …"): `users.id_number_hash` (keyed hash of type + number) becomes unique, so that two accounts
 * verifying the same document at once cannot both succeed. Unverified and closed accounts hold NULL,
 * which a unique index allows any number of times.
 *
 * A database where two accounts already share a document cannot take the index: the migration stops
 * and says how many documents are shared (no personal data), to be resolved at the window first.
 */
export class OneAccountPerDocument1732000940000 implements MigrationInterface {
  name = 'OneAccountPerDocument1732000940000';

  async up(q: QueryRunner): Promise<void> {
    const shared: Array<{ n: number | string }> = await q.query(
      'SELECT COUNT(*) AS n FROM (SELECT id_number_hash FROM users WHERE id_number_hash IS NOT NULL GROUP BY id_number_hash HAVING COUNT(*) > 1) d',
    );
    const n = Number(shared[0]?.n ?? 0);
    if (n > 0) {
      throw new Error(`${n} identity document(s) are verified on more than one account; resolve them (one account per person) before this migration`);
    }
    await dropIndices(q, 'users', 'ix_users_id_number_hash');
    await addIndices(q, 'users', uniqueIndex('uq_users_id_number_hash', 'id_number_hash'));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndices(q, 'users', 'uq_users_id_number_hash');
    await addIndices(q, 'users', key('ix_users_id_number_hash', 'id_number_hash'));
  }
}
