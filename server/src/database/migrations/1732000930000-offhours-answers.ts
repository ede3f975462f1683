import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addIndices, dropColumns, dropIndices, key, str, text, time } from './columns';

/**
 * Off-hours as 罗山 预约办 says (issue 15): `reply_by` (staff answer within one working day; the
 * supervisor's list of late ones), `refuse_code` (the refusal reason from the list; `refuse_reason`
 * keeps the free text), `materials_note` (what to bring beyond the guide's list). Requests made before
 * keep `reply_by` NULL. The indices serve the expiry job and the supervisor's list (pending by time).
 */
export class OffhoursAnswers1732000930000 implements MigrationInterface {
  name = 'OffhoursAnswers1732000930000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'offhours_requests', time('reply_by', true), str('refuse_code', 32, true), text('materials_note'));
    await addIndices(q, 'offhours_requests', key('ix_offhours_status_start', 'status', 'preferred_start'), key('ix_offhours_status_reply', 'status', 'reply_by'));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndices(q, 'offhours_requests', 'ix_offhours_status_reply', 'ix_offhours_status_start');
    await dropColumns(q, 'offhours_requests', 'materials_note', 'refuse_code', 'reply_by');
  }
}
