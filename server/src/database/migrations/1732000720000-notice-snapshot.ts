import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, text } from './columns';

/**
 * Each material of a filing as it stood when the latest correction notice went out (the sha256 of
 * its files and whether a commitment covered it), so that "changed since the notice" is a fact
 * about the material (NOTHING_CORRECTED, NOTICE_LOCKED, the staff view's 已更新 / 未更改).
 */
export class NoticeSnapshot1732000720000 implements MigrationInterface {
  name = 'NoticeSnapshot1732000720000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'application_materials', text('notice_state'));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'application_materials', 'notice_state');
  }
}
