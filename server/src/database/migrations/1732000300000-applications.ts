import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, date, idColumn, int, ref, str, text, time } from './columns';

/** Filings (办件): their materials, timeline, one-time notices, and uploaded files. */
export class Applications1732000300000 implements MigrationInterface {
  name = 'Applications1732000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'applications',
        columns: [
          idColumn(),
          str('number', 20),
          ref('user_id'),
          ref('actor_id'),
          ref('enterprise_id', true),
          ref('service_id'),
          ref('hall_id'),
          str('status', 24),
          int('notice_count', 0),
          str('receipt_no', 24, true),
          time('submitted_at', true),
          time('accepted_at', true),
          bool('deemed_accepted'),
          time('due_at', true),
          time('decided_at', true),
          str('sla', 16, true),
          text('refuse_reason'),
          text('decision_note'),
          str('delivery_method', 16, true),
          str('tracking_no', 64, true),
          time('delivered_at', true),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [
          { name: 'uq_applications_number', columnNames: ['number'] },
          { name: 'uq_applications_receipt', columnNames: ['receipt_no'] },
        ],
        indices: [
          new TableIndex({ name: 'ix_applications_user', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({ name: 'ix_applications_actor', columnNames: ['actor_id'] }),
          new TableIndex({ name: 'ix_applications_hall_status', columnNames: ['hall_id', 'status'] }),
          new TableIndex({ name: 'ix_applications_status_submitted', columnNames: ['status', 'submitted_at'] }),
          new TableIndex({ name: 'ix_applications_enterprise', columnNames: ['enterprise_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'application_materials',
        columns: [
          idColumn(),
          ref('application_id'),
          ref('material_id'),
          int('sort_order', 0),
          str('name', 200),
          bool('required'),
          bool('tolerable'),
          { name: 'review_ok', type: 'boolean', isNullable: true },
          text('review_reason'),
          bool('flagged_ever'),
          bool('changed_after_notice'),
          time('committed_at', true),
          text('commitment_text'),
        ],
        uniques: [{ name: 'uq_application_materials', columnNames: ['application_id', 'material_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'application_events',
        columns: [
          idColumn(),
          ref('application_id'),
          // order within a filing (several steps may share one instant)
          int('seq'),
          time('at'),
          str('status', 24),
          str('action', 24),
          str('actor_kind', 16),
          ref('actor_id', true),
          str('actor_name', 64, true),
          ref('principal_id', true),
          text('note'),
        ],
        uniques: [{ name: 'uq_application_events_seq', columnNames: ['application_id', 'seq'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'application_notices',
        columns: [idColumn(), ref('application_id'), int('round'), time('issued_at'), ref('issued_by', true), date('deadline'), text('items', false)],
        uniques: [{ name: 'uq_application_notices_round', columnNames: ['application_id', 'round'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'files',
        columns: [
          idColumn(),
          ref('application_id'),
          ref('material_id'),
          str('name', 200),
          { name: 'size', type: 'bigint', isNullable: false },
          str('content_type', 64),
          str('sha256', 64),
          ref('uploaded_by'),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_files_application', columnNames: ['application_id', 'material_id'] }),
          new TableIndex({ name: 'ix_files_sha256', columnNames: ['sha256'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['files', 'application_notices', 'application_events', 'application_materials', 'applications']) await q.dropTable(t);
  }
}
