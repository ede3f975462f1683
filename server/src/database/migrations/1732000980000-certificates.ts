import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addIndices, createTables, date, dropColumns, dropIndices, dropTables, entity, int, key, ref, str, text, time } from './columns';

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
    await createTables(
      q,
      entity('certificates', [
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
      ], {
        uniques: [key('uq_certificates_application', 'application_id'), key('uq_certificates_number', 'number'), key('uq_certificates_verify_code', 'verify_code')],
        indices: [key('ix_certificates_user_type', 'holder_user_id', 'type'), key('ix_certificates_enterprise_type', 'holder_enterprise_id', 'type')],
      }),
    );
    await addColumns(q, 'services', str('certificate_type', 64, true), int('certificate_years', undefined, true));
    await addColumns(q, 'service_materials', str('certificate_type', 64, true));
    await addColumns(q, 'application_materials', ref('reused_certificate_id', true));
    await addColumns(q, 'applications', text('delivery_address_enc'), str('delivery_chosen_by', 16, true), time('ready_at', true));
    await addIndices(q, 'application_materials', key('ix_application_materials_certificate', 'reused_certificate_id'));
    // a catalogue seeded before: the demo licence-issuing services and the business-licence material
    await q.query(`UPDATE services SET certificate_type = '营业执照' WHERE code IN ('QH-SCJG-001', 'QH-SCJG-002')`);
    await q.query(`UPDATE services SET certificate_type = '食品经营许可证', certificate_years = 5 WHERE code = 'QH-SCJG-003'`);
    await q.query(`UPDATE service_materials SET certificate_type = '营业执照' WHERE name = '营业执照副本复印件'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndices(q, 'application_materials', 'ix_application_materials_certificate');
    await dropColumns(q, 'applications', 'ready_at', 'delivery_chosen_by', 'delivery_address_enc');
    await dropColumns(q, 'application_materials', 'reused_certificate_id');
    await dropColumns(q, 'service_materials', 'certificate_type');
    await dropColumns(q, 'services', 'certificate_years', 'certificate_type');
    await dropTables(q, 'certificates');
  }
}
