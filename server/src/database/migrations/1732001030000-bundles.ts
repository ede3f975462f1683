import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { addUnique, bool, createTables, dropUnique, idColumn, int, ref, str, text, time, timestamps } from './columns';

/**
 * 一件事 bundles (DESIGN.md, Across halls and departments): `bundles` (services of several
 * departments applied for at once, with the bundle's promise), `applications.bundle_id`, and
 * `application_parts` (one a service of a bundle filing: its department's pre-review and decision,
 * its own promised days and due time, 超时默认 `deemed`). A bundle filing issues one certificate a
 * part, so the certificates' unique key becomes (application, service).
 */
export class Bundles1732001030000 implements MigrationInterface {
  name = 'Bundles1732001030000';

  async up(q: QueryRunner): Promise<void> {
    await createTables(
      q,
      {
        name: 'bundles',
        columns: [idColumn(), str('name', 100), text('summary'), text('service_ids', false), int('promised_days'), bool('active', true), int('sort_order', 0), ...timestamps()],
        uniques: [{ name: 'uq_bundles_name', columnNames: ['name'] }],
      },
      {
        name: 'application_parts',
        columns: [
          idColumn(),
          ref('application_id'),
          ref('service_id'),
          ref('department_id'),
          int('sort_order', 0),
          str('status', 24),
          int('promised_days'),
          text('material_ids', false),
          text('flags', false),
          time('accepted_at', true),
          time('due_at', true),
          time('decided_at', true),
          ref('decided_by', true),
          text('decision_note'),
          bool('deemed'),
          ...timestamps(),
        ],
        uniques: [{ name: 'uq_application_parts_service', columnNames: ['application_id', 'service_id'] }],
        indices: [
          { name: 'ix_application_parts_status_due', columnNames: ['status', 'due_at'] },
          { name: 'ix_application_parts_department', columnNames: ['department_id', 'status'] },
        ],
      },
    );
    await q.addColumn('applications', new TableColumn(ref('bundle_id', true)));
    await q.createIndex('applications', new TableIndex({ name: 'ix_applications_bundle', columnNames: ['bundle_id'] }));
    await dropUnique(q, 'certificates', 'uq_certificates_application');
    await addUnique(q, 'certificates', 'uq_certificates_application_service', ['application_id', 'service_id']);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropUnique(q, 'certificates', 'uq_certificates_application_service');
    await addUnique(q, 'certificates', 'uq_certificates_application', ['application_id']);
    await q.dropIndex('applications', 'ix_applications_bundle');
    await q.dropColumn('applications', 'bundle_id');
    await q.dropTable('application_parts');
    await q.dropTable('bundles');
  }
}
