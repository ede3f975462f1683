import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addUnique, dropColumns, dropUnique, str, time } from './columns';

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
    await addColumns(q, 'ratings', str('stage', 16, false, 'service'));
    // until now a filing could be rated only once delivered, a booking only once served
    await q.manager.createQueryBuilder().update('ratings').set({ stage: 'delivery' }).where('target_type = :t', { t: 'application' }).execute();
    await dropUnique(q, 'ratings', OLD_UNIQUE);
    await addUnique(q, 'ratings', NEW_UNIQUE, ['target_type', 'target_id', 'stage']);
    await addColumns(q, 'messages', time('superseded_at', true));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'messages', 'superseded_at');
    // the old key holds one rating per target: keep the one the old rules allowed (served, delivered)
    const extra = "(target_type = 'booking' AND stage <> 'service') OR (target_type = 'application' AND stage <> 'delivery')";
    await q.manager
      .createQueryBuilder()
      .delete()
      .from('rectifications')
      .where(`rating_id IN (SELECT id FROM ratings WHERE ${extra})`)
      .execute();
    await q.manager.createQueryBuilder().delete().from('ratings').where(extra).execute();
    await dropUnique(q, 'ratings', NEW_UNIQUE);
    await addUnique(q, 'ratings', OLD_UNIQUE, ['target_type', 'target_id']);
    await dropColumns(q, 'ratings', 'stage');
  }
}
