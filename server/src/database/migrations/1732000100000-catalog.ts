import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, date, idColumn, int, ref, str, text, timestamps } from './columns';

/** The service catalogue (办事指南) and the admin overrides of the official calendar. */
export class Catalog1732000100000 implements MigrationInterface {
  name = 'Catalog1732000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'services',
        columns: [
          idColumn(),
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
        ],
        uniques: [{ name: 'uq_services_code', columnNames: ['code'] }],
        indices: [
          new TableIndex({ name: 'ix_services_department', columnNames: ['department_id'] }),
          new TableIndex({ name: 'ix_services_category', columnNames: ['category'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'service_materials',
        columns: [
          idColumn(),
          ref('service_id'),
          int('sort_order', 0),
          str('name', 200),
          bool('required', true),
          bool('tolerable'),
          int('copies', 1),
          str('form', 16),
          text('note'),
          str('template_name', 200, true),
        ],
        indices: [new TableIndex({ name: 'ix_service_materials_service', columnNames: ['service_id', 'sort_order'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'service_halls',
        columns: [
          { ...ref('service_id'), isPrimary: true },
          { ...ref('hall_id'), isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'ix_service_halls_hall', columnNames: ['hall_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_overrides',
        columns: [idColumn(), date('date'), bool('workday'), str('name', 64, true), ...timestamps()],
        uniques: [{ name: 'uq_calendar_overrides_date', columnNames: ['date'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_overrides', 'service_halls', 'service_materials', 'services']) await q.dropTable(t);
  }
}
