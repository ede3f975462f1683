import { bool, CreateTables, date, entity, int, key, pk, ref, str, text, timestamps } from './columns';

/** The service catalogue (办事指南) and the admin overrides of the official calendar. */
export class Catalog1732000100000 extends CreateTables {
  name = 'Catalog1732000100000';

  protected tables = [
    entity('services', [
      str('code', 64),
      str('name', 200),
      str('sub_item', 200, true),
      ref('department_id'),
      text('scope', false),
      text('accepting_body', false),
      text('deciding_body', false),
      text('conditions', false),
      /** JSON array of step names */
      text('process', false),
      text('basis', false),
      int('legal_days'),
      int('promised_days'),
      bool('fee_free', true),
      /** fen; null when free */
      int('fee_amount', undefined, true),
      text('fee_basis'),
      /** JSON array of delivery methods */
      text('delivery', false),
      str('consult_phone', 32),
      str('complaint_phone', 32),
      str('audience', 16),
      str('category', 64),
      /** JSON array of search words */
      text('keywords', false),
      bool('online_prereview'),
      bool('key_project'),
      bool('active', true),
      ...timestamps(),
    ], {
      uniques: [key('uq_services_code', 'code')],
      indices: [key('ix_services_department', 'department_id'), key('ix_services_category', 'category')],
    }),
    entity('service_materials', [ref('service_id'), int('sort_order', 0), str('name', 200), bool('required', true), bool('tolerable'), int('copies', 1), str('form', 16), text('note'), str('template_name', 200, true)], {
      indices: [key('ix_service_materials_service', 'service_id', 'sort_order')],
    }),
    { name: 'service_halls', columns: [pk(ref('service_id')), pk(ref('hall_id'))], indices: [key('ix_service_halls_hall', 'hall_id')] },
    entity('calendar_overrides', [date('date'), bool('workday'), str('name', 64, true), ...timestamps()], { uniques: [key('uq_calendar_overrides_date', 'date')] }),
  ];
}
