import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, int, str, timestamps } from './columns';

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
    await q.createTable(
      new Table({
        name: 'correction_phrases',
        columns: [idColumn(), str('text', 200), int('sort_order', 0), ...timestamps()],
        uniques: [{ name: 'uq_correction_phrases_text', columnNames: ['text'] }],
      }),
    );
    // a plain 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) with '?' placeholders: the same on MariaDB and sql.js
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const [i, text] of SEED_PHRASES.entries()) {
      await q.query('INSERT INTO correction_phrases (id, text, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [randomUUID(), text, (i + 1) * 10, now, now]);
    }
    await q.createIndex('users', new TableIndex({ name: 'ix_users_phone_tail', columnNames: ['phone_tail'] }));
    await q.createIndex('users', new TableIndex({ name: 'ix_users_real_name', columnNames: ['real_name'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('users', 'ix_users_real_name');
    await q.dropIndex('users', 'ix_users_phone_tail');
    await q.dropTable('correction_phrases');
  }
}
