import { MigrationInterface, QueryRunner } from 'typeorm';
import { sameLegalName } from '@gov/shared';
import { addColumns, addIndices, byAt, dropColumns, dropIndices, key, str, time, uniqueIndex } from './columns';

const OLD_UNIQUE = 'uq_enterprises_credit_code';

/**
 * Companies and authorisations people can trust.
 *
 * enterprises: `status` (pending | verified | rejected), the hall staff's review (`reviewed_by`,
 * `reviewed_at`, `review_note`) and `claim_key`, which replaces the unique credit code: it is the
 * credit code for the one verified company, `<code>:<creator>` for a pending claim (one per person
 * and code) and NULL once rejected, under a unique index — so several people may claim a code while
 * staff decide, and only one company per code is ever verified. Existing companies are judged by
 * the same rule as new ones: verified when the creator's verified real name is the legal
 * representative's, else pending until hall staff verify them.
 *
 * authorizations: `status` (a varchar(16)) now also holds `pending` and `declined`; existing rows
 * keep theirs (`active`, `revoked`). `responded_at` records the agent's acceptance or refusal.
 */
export class Trust1732000710000 implements MigrationInterface {
  name = 'Trust1732000710000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'enterprises', str('status', 16, false, 'pending'), str('claim_key', 64, true), ...byAt('reviewed'), str('review_note', 200, true));
    const rows: Array<{ id: string; credit_code: string; legal_rep_name: string; created_by: string; real_name: string | null; verified_at: unknown }> = await q.query(
      'SELECT e.id, e.credit_code, e.legal_rep_name, e.created_by, u.real_name, u.verified_at FROM enterprises e LEFT JOIN users u ON u.id = e.created_by',
    );
    for (const r of rows) {
      const verified = r.verified_at !== null && sameLegalName(r.real_name, r.legal_rep_name);
      await q.query('UPDATE enterprises SET status = ?, claim_key = ? WHERE id = ?', [
        verified ? 'verified' : 'pending',
        verified ? r.credit_code : `${r.credit_code}:${r.created_by}`,
        r.id,
      ]);
    }
    await dropUnique(q, 'enterprises', OLD_UNIQUE);
    await addIndices(q, 'enterprises', uniqueIndex('uq_enterprises_claim_key', 'claim_key'), key('ix_enterprises_credit_code', 'credit_code'), key('ix_enterprises_status', 'status', 'created_at'));
    await addColumns(q, 'authorizations', time('responded_at', true));
  }

  async down(q: QueryRunner): Promise<void> {
    // pending authorisations never took effect; declined ones gave no rights: both go
    await q.query("DELETE FROM authorizations WHERE status IN ('pending', 'declined')");
    await dropColumns(q, 'authorizations', 'responded_at');
    // one company per credit code again: keep the verified one (else the oldest claim), drop the other claims and their members
    const rows: Array<{ id: string; credit_code: string; status: string }> = await q.query('SELECT id, credit_code, status FROM enterprises ORDER BY created_at ASC');
    const keep = new Map<string, string>();
    for (const r of rows) if (r.status === 'verified') keep.set(r.credit_code, r.id);
    for (const r of rows) if (!keep.has(r.credit_code)) keep.set(r.credit_code, r.id);
    const drop = rows.filter((r) => keep.get(r.credit_code) !== r.id).map((r) => r.id);
    for (const id of drop) {
      await q.query('DELETE FROM enterprise_members WHERE enterprise_id = ?', [id]);
      await q.query('DELETE FROM enterprises WHERE id = ?', [id]);
    }
    await dropIndices(q, 'enterprises', 'ix_enterprises_status', 'ix_enterprises_credit_code', 'uq_enterprises_claim_key');
    await dropColumns(q, 'enterprises', 'review_note', 'reviewed_at', 'reviewed_by', 'claim_key', 'status');
    await addIndices(q, 'enterprises', uniqueIndex(OLD_UNIQUE, 'credit_code'));
  }
}

/** Drop a unique key by name: a unique constraint on SQLite, a unique index on MariaDB/MySQL. */
async function dropUnique(q: QueryRunner, tableName: string, name: string): Promise<void> {
  const table = await q.getTable(tableName);
  const unique = table?.uniques.find((u) => u.name === name);
  if (table && unique) await q.dropUniqueConstraint(table, unique);
  else await q.dropIndex(tableName, name);
}
