import { atBy, CreateTables, entity, key, pk, ref, str, text, time, timestamps } from './columns';

/** Companies with their members, and written authorisations (授权委托) of agents. */
export class Delegation1732000260000 extends CreateTables {
  name = 'Delegation1732000260000';

  protected tables = [
    entity('enterprises', [str('name', 100), str('credit_code', 18), str('legal_rep_name', 64), ref('created_by'), ...timestamps()], {
      uniques: [key('uq_enterprises_credit_code', 'credit_code')],
    }),
    {
      name: 'enterprise_members',
      columns: [pk(ref('enterprise_id')), pk(ref('user_id')), str('role', 16), ref('added_by', true), time('created_at')],
      indices: [key('ix_enterprise_members_user', 'user_id')],
    },
    entity('authorizations', [
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
      ...atBy('revoked'),
    ], {
      indices: [key('ix_authorizations_agent', 'agent_user_id'), key('ix_authorizations_principal', 'principal_type', 'principal_id')],
    }),
  ];
}
