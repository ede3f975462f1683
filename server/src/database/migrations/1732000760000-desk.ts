import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { addIndices, createTables, dropIndices, dropTables, entity, int, key, str, timestamps } from './columns';

/** The stock phrases admins keep; seeded so that a new centre starts with a sensible list. */
export const SEED_PHRASES = [
  '材料模糊不清，请重新拍摄上传',
  '缺少签字或盖章',
  '证件已过有效期，请提供有效证件',
  '材料不完整，缺少页码或附件',
  '材料信息与申请表填写不一致',
  '请上传原件的彩色扫描件或照片',
  '复印件须加盖单位公章',
  '请按办事指南提供规范的申请表',
];

/**
 * The staff desk: 常用补正语 (correction_phrases, seeded), and indices for the desk search on the
 * users' clear-text look-up columns (`phone_tail`, `real_name`).
 */
export class Desk1732000760000 implements MigrationInterface {
  name = 'Desk1732000760000';

  async up(q: QueryRunner): Promise<void> {
    await createTables(q, entity('correction_phrases', [str('text', 200), int('sort_order', 0), ...timestamps()], { uniques: [key('uq_correction_phrases_text', 'text')] }));
    // a plain 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) with '?' placeholders: the same on MariaDB and sql.js
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const [i, text] of SEED_PHRASES.entries()) {
      await q.query('INSERT INTO correction_phrases (id, text, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [randomUUID(), text, (i + 1) * 10, now, now]);
    }
    await addIndices(q, 'users', key('ix_users_phone_tail', 'phone_tail'), key('ix_users_real_name', 'real_name'));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndices(q, 'users', 'ix_users_real_name', 'ix_users_phone_tail');
    await dropTables(q, 'correction_phrases');
  }
}
