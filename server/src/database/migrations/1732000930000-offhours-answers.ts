import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { str, text, time } from './columns';

/**
 * Off-hours as 罗山 预约办 says (issue 15): `reply_by` (staff answer within one working day; the
 * supervisor's list of late ones), `refuse_code` (the refusal reason from the list; `refuse_reason`
 * keeps the free text), `materials_note` (what to bring beyond the guide's list). Requests made before
 * keep `reply_by` NULL. The indices serve the expiry job and the supervisor's list (pending by time).
 */
export class OffhoursAnswers1732000930000 implements MigrationInterface {
  name = 'OffhoursAnswers1732000930000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('offhours_requests', [
      new TableColumn(time('reply_by', true)),
      new TableColumn(str('refuse_code', 32, true)),
      new TableColumn(text('materials_note')),
    ]);
    await q.createIndex('offhours_requests', new TableIndex({ name: 'ix_offhours_status_start', columnNames: ['status', 'preferred_start'] }));
    await q.createIndex('offhours_requests', new TableIndex({ name: 'ix_offhours_status_reply', columnNames: ['status', 'reply_by'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('offhours_requests', 'ix_offhours_status_reply');
    await q.dropIndex('offhours_requests', 'ix_offhours_status_start');
    for (const c of ['materials_note', 'refuse_code', 'reply_by']) await q.dropColumn('offhours_requests', c);
  }
}
