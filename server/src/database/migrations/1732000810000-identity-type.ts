import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, str } from './columns';

/**
 * The identity document a real name was verified against (issue 14, fault 8): `users.id_type`
 * (`resident`, `hk_macao_permit`, `taiwan_permit`, `foreign_permanent`, `passport`). Everyone verified
 * before is a resident; their `id_number_hash` (of the bare number) stays valid, since a resident's key
 * is the number itself (shared/identity.rules idDocumentKey), while other documents' keys carry the type.
 */
export class IdentityType1732000810000 implements MigrationInterface {
  name = 'IdentityType1732000810000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'users', str('id_type', 24, true));
    await q.query("UPDATE users SET id_type = 'resident' WHERE id_number_enc IS NOT NULL");
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'users', 'id_type');
  }
}
