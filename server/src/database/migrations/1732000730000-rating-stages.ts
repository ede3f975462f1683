import { MigrationInterface, QueryRunner, TableColumn, TableIndex, TableUnique } from 'typeorm';
import { str, time } from './columns';

const OLD_UNIQUE = 'uq_ratings_target';
const NEW_UNIQUE = 'uq_ratings_target_stage';

/**
 * 好差评 once per stage (DESIGN.md: a filing at acceptance, refusal, decision and delivery), not once
 * per filing: ratings get a `stage` and the unique key becomes (target, stage). Messages get
 * `superseded_at`, set when what they announced no longer holds (a cancelled booking's 预约成功).
 */
export class RatingStages1732000730000 implements MigrationInterface {
  name = 'RatingStages1732000730000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('ratings', new TableColumn(str('stage', 16, false, 'service')));
    // until now a filing could be rated only once delivered, a booking only once served
    await q.manager.createQueryBuilder().update('ratings').set({ stage: 'delivery' }).where('target_type = :t', { t: 'application' }).execute();
    await dropUnique(q, OLD_UNIQUE);
    await addUnique(q, NEW_UNIQUE, ['target_type', 'target_id', 'stage']);
    await q.addColumn('messages', new TableColumn(time('superseded_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('messages', 'superseded_at');
    // the old key holds one rating per target: keep the one the old rules allowed (served, delivered)
    const extra = "(target_type = 'booking' AND stage <> 'service') OR (target_type = 'application' AND stage <> 'delivery')";
    await q.manager
      .createQueryBuilder()
      .delete()
      .from('rectifications')
      .where(`rating_id IN (SELECT id FROM ratings WHERE ${extra})`)
      .execute();
    await q.manager.createQueryBuilder().delete().from('ratings').where(extra).execute();
    await dropUnique(q, NEW_UNIQUE);
    await addUnique(q, OLD_UNIQUE, ['target_type', 'target_id']);
    await q.dropColumn('ratings', 'stage');
  }
}

/** MySQL/MariaDB keep a unique key as a unique index; SQLite as a table constraint. */
const isMysql = (q: QueryRunner) => q.connection.options.type === 'mysql';

async function dropUnique(q: QueryRunner, name: string): Promise<void> {
  if (isMysql(q)) await q.dropIndex('ratings', name);
  else await q.dropUniqueConstraint('ratings', name);
}

async function addUnique(q: QueryRunner, name: string, columnNames: string[]): Promise<void> {
  if (isMysql(q)) await q.createIndex('ratings', new TableIndex({ name, columnNames, isUnique: true }));
  else await q.createUniqueConstraint('ratings', new TableUnique({ name, columnNames }));
}
