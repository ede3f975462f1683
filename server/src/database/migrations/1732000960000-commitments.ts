import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addIndices, bool, createTables, dropColumns, dropIndices, dropTables, entity, key, ref, str, text, time, uniqueIndex } from './columns';

/**
 * A filing's whole life at the window (issue 16): the 容缺 commitment kept (`commitment_due_at`,
 * `commitment_status` open | fulfilled | breached, set at acceptance), 退件 (`return_reason`), 即办
 * services (`services.instant`), and `credit_records`: a breached commitment on the record of the
 * person or company (`subject_type`, `subject_id`), one per filing and kind (unique key: the
 * commitment-scan job may run on several instances), barring further 容缺 until `bar_until`.
 */
export class Commitments1732000960000 implements MigrationInterface {
  name = 'Commitments1732000960000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'applications', time('commitment_due_at', true), str('commitment_status', 16, true), text('return_reason'));
    await addIndices(q, 'applications', key('ix_applications_commitment', 'commitment_status', 'commitment_due_at'));
    await addColumns(q, 'services', bool('instant'));
    await createTables(
      q,
      entity('credit_records', [str('subject_type', 16), ref('subject_id'), ref('application_id'), str('kind', 32), text('note', false), time('due_at'), time('recorded_at'), time('bar_until')], {
        indices: [uniqueIndex('ux_credit_records_application_kind', 'application_id', 'kind'), key('ix_credit_records_subject', 'subject_type', 'subject_id', 'bar_until')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, 'credit_records');
    await dropColumns(q, 'services', 'instant');
    await dropIndices(q, 'applications', 'ix_applications_commitment');
    await dropColumns(q, 'applications', 'return_reason', 'commitment_status', 'commitment_due_at');
  }
}
