import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { date, idColumn, int, ref, str, text, time } from './columns';

/**
 * Results and electronic certificates (issue 16): `certificates` (one per approved filing of a
 * licence-issuing service; number and verification code unique; `content` is the signed text and
 * `signature` its SM2 signature); which services issue a certificate and of what type and validity
 * (`services.certificate_type`, `certificate_years`); which materials a certificate satisfies
 * (`service_materials.certificate_type`) and which filing material was filled from one
 * (`application_materials.reused_certificate_id`); the delivery the applicant chose, with the postal
 * address encrypted (`applications.delivery_address_enc`, `delivery_chosen_by`, `ready_at`).
 */
export class Certificates1732000980000 implements MigrationInterface {
  name = 'Certificates1732000980000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'certificates',
        columns: [
          idColumn(),
          ref('application_id'),
          ref('service_id'),
          str('type', 64),
          str('number', 40),
          str('holder_kind', 16),
          ref('holder_user_id', true),
          ref('holder_enterprise_id', true),
          str('holder_name', 200),
          str('issued_by', 200),
          time('issued_at'),
          date('valid_from'),
          date('valid_to', true),
          str('status', 16),
          str('verify_code', 32),
          text('content', false),
          str('signature', 160),
          str('key_id', 16),
          time('revoked_at', true),
          time('created_at'),
        ],
        uniques: [
          { name: 'uq_certificates_application', columnNames: ['application_id'] },
          { name: 'uq_certificates_number', columnNames: ['number'] },
          { name: 'uq_certificates_verify_code', columnNames: ['verify_code'] },
        ],
        indices: [
          { name: 'ix_certificates_user_type', columnNames: ['holder_user_id', 'type'] },
          { name: 'ix_certificates_enterprise_type', columnNames: ['holder_enterprise_id', 'type'] },
        ],
      }),
    );
    await q.addColumns('services', [new TableColumn(str('certificate_type', 64, true)), new TableColumn(int('certificate_years', undefined, true))]);
    await q.addColumns('service_materials', [new TableColumn(str('certificate_type', 64, true))]);
    await q.addColumns('application_materials', [new TableColumn(ref('reused_certificate_id', true))]);
    await q.addColumns('applications', [
      new TableColumn(text('delivery_address_enc')),
      new TableColumn(str('delivery_chosen_by', 16, true)),
      new TableColumn(time('ready_at', true)),
    ]);
    await q.createIndex('application_materials', new TableIndex({ name: 'ix_application_materials_certificate', columnNames: ['reused_certificate_id'] }));
    // a catalogue seeded before: the demo licence-issuing services and the business-licence material
    await q.query(`UPDATE services SET certificate_type = '营业执照' WHERE code IN ('QH-SCJG-001', 'QH-SCJG-002')`);
    await q.query(`UPDATE services SET certificate_type = '食品经营许可证', certificate_years = 5 WHERE code = 'QH-SCJG-003'`);
    await q.query(`UPDATE service_materials SET certificate_type = '营业执照' WHERE name = '营业执照副本复印件'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('application_materials', 'ix_application_materials_certificate');
    for (const c of ['ready_at', 'delivery_chosen_by', 'delivery_address_enc']) await q.dropColumn('applications', c);
    await q.dropColumn('application_materials', 'reused_certificate_id');
    await q.dropColumn('service_materials', 'certificate_type');
    for (const c of ['certificate_years', 'certificate_type']) await q.dropColumn('services', c);
    await q.dropTable('certificates');
  }
}
