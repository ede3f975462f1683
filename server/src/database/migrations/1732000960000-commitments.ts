import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { bool, idColumn, ref, str, text, time } from './columns';

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
    await q.addColumns('applications', [new TableColumn(time('commitment_due_at', true)), new TableColumn(str('commitment_status', 16, true)), new TableColumn(text('return_reason'))]);
    await q.createIndex('applications', new TableIndex({ name: 'ix_applications_commitment', columnNames: ['commitment_status', 'commitment_due_at'] }));
    await q.addColumn('services', new TableColumn(bool('instant')));
    await q.createTable(
      new Table({
        name: 'credit_records',
        columns: [
          idColumn(),
          str('subject_type', 16),
          ref('subject_id'),
          ref('application_id'),
          str('kind', 32),
          text('note', false),
          time('due_at'),
          time('recorded_at'),
          time('bar_until'),
        ],
        indices: [
          { name: 'ux_credit_records_application_kind', columnNames: ['application_id', 'kind'], isUnique: true },
          { name: 'ix_credit_records_subject', columnNames: ['subject_type', 'subject_id', 'bar_until'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('credit_records');
    await q.dropColumn('services', 'instant');
    await q.dropIndex('applications', 'ix_applications_commitment');
    for (const c of ['return_reason', 'commitment_status', 'commitment_due_at']) await q.dropColumn('applications', c);
  }
}
