import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, ref, time } from './columns';

/**
 * 智能导办 topics edited by admins (`guidance_topics.edited_at`: set by the admin routes; a seeded
 * topic never edited is refreshed from the data file), 咨询 answers linking a guide
 * (`consultations.guide_service_id`), and the demo 食品经营许可 and 公共场所卫生许可 open to a
 * 个体工商户 applying as a person (`audience = both`: both licences are for 市场主体, 个体工商户 included).
 */
export class GuidanceAdmin1732001035000 implements MigrationInterface {
  name = 'GuidanceAdmin1732001035000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'guidance_topics', time('edited_at', true));
    await addColumns(q, 'consultations', ref('guide_service_id', true));
    await q.query(`UPDATE services SET audience = 'both' WHERE code IN ('QH-SCJG-003', 'QH-WJ-001') AND audience = 'enterprise'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE services SET audience = 'enterprise' WHERE code IN ('QH-SCJG-003', 'QH-WJ-001')`);
    await dropColumns(q, 'consultations', 'guide_service_id');
    await dropColumns(q, 'guidance_topics', 'edited_at');
  }
}
