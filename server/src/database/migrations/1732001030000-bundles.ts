import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addIndices, addUnique, atBy, bool, createTables, dropColumns, dropIndices, dropTables, dropUnique, entity, int, key, ref, str, text, time, timestamps } from './columns';

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
      entity('bundles', [str('name', 100), text('summary'), text('service_ids', false), int('promised_days'), bool('active', true), int('sort_order', 0), ...timestamps()], {
        uniques: [key('uq_bundles_name', 'name')],
      }),
      entity('application_parts', [
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
        ...atBy('decided'),
        text('decision_note'),
        bool('deemed'),
        ...timestamps(),
      ], {
        uniques: [key('uq_application_parts_service', 'application_id', 'service_id')],
        indices: [key('ix_application_parts_status_due', 'status', 'due_at'), key('ix_application_parts_department', 'department_id', 'status')],
      }),
    );
    await addColumns(q, 'applications', ref('bundle_id', true));
    await addIndices(q, 'applications', key('ix_applications_bundle', 'bundle_id'));
    await dropUnique(q, 'certificates', 'uq_certificates_application');
    await addUnique(q, 'certificates', 'uq_certificates_application_service', ['application_id', 'service_id']);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropUnique(q, 'certificates', 'uq_certificates_application_service');
    await addUnique(q, 'certificates', 'uq_certificates_application', ['application_id']);
    await dropIndices(q, 'applications', 'ix_applications_bundle');
    await dropColumns(q, 'applications', 'bundle_id');
    await dropTables(q, 'application_parts', 'bundles');
  }
}
