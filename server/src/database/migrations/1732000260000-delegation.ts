import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, ref, str, text, time, timestamps } from './columns';

/** Companies with their members, and written authorisations (授权委托) of agents. */
export class Delegation1732000260000 implements MigrationInterface {
  name = 'Delegation1732000260000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'enterprises',
        columns: [idColumn(), str('name', 100), str('credit_code', 18), str('legal_rep_name', 64), ref('created_by'), ...timestamps()],
        uniques: [{ name: 'uq_enterprises_credit_code', columnNames: ['credit_code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'enterprise_members',
        columns: [{ ...ref('enterprise_id'), isPrimary: true }, { ...ref('user_id'), isPrimary: true }, str('role', 16), ref('added_by', true), time('created_at')],
        indices: [new TableIndex({ name: 'ix_enterprise_members_user', columnNames: ['user_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'authorizations',
        columns: [
          idColumn(),
          str('principal_type', 16),
          ref('principal_id'),
          ref('agent_user_id'),
          // JSON array of service ids; NULL means every service
          text('service_ids'),
          str('valid_from', 10),
          str('valid_to', 10),
          str('status', 16),
          ref('created_by'),
          time('created_at'),
          time('revoked_at', true),
          ref('revoked_by', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_authorizations_agent', columnNames: ['agent_user_id'] }),
          new TableIndex({ name: 'ix_authorizations_principal', columnNames: ['principal_type', 'principal_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['authorizations', 'enterprise_members', 'enterprises']) await q.dropTable(t);
  }
}
