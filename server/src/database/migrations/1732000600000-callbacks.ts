import { bool, byAt, CreateTables, entity, key, ref, str, text, time } from './columns';

/** Monthly follow-up call-backs drawn from delivered filings. */
export class Callbacks1732000600000 extends CreateTables {
  name = 'Callbacks1732000600000';

  protected tables = [
    entity('callback_samples', [ref('application_id'), str('month', 7), ref('hall_id'), bool('key_project'), str('status', 16), bool('reached', null), bool('satisfied', null), text('note'), ...byAt('called'), time('created_at')], {
      uniques: [key('uq_callback_samples_application', 'application_id')],
      indices: [key('ix_callback_samples_hall_month', 'hall_id', 'month')],
    }),
  ];
}
