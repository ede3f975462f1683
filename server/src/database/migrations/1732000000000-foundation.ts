import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, idColumn, int, ref, str, text, time, timestamps } from './columns';

export class Foundation1732000000000 implements MigrationInterface {
  name = 'Foundation1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'departments',
        columns: [idColumn(), str('name', 64), int('sort_order', 0), ...timestamps()],
        uniques: [{ name: 'uq_departments_name', columnNames: ['name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'halls',
        columns: [
          idColumn(),
          str('name', 100),
          str('address', 200),
          str('phone', 32),
          str('hours', 200),
          str('level', 16),
          int('sort_order', 0),
          ...timestamps(),
        ],
        uniques: [{ name: 'uq_halls_name', columnNames: ['name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          str('role', 16),
          text('phone_enc'),
          str('phone_hash', 64, true),
          str('phone_tail', 4, true),
          str('wechat_openid', 64, true),
          str('alipay_user_id', 64, true),
          str('username', 64, true),
          str('password_hash', 100, true),
          str('display_name', 64, true),
          ref('hall_id', true),
          ref('department_id', true),
          str('real_name', 64, true),
          text('id_number_enc'),
          str('id_number_hash', 64, true),
          time('verified_at', true),
          bool('disabled'),
          ...timestamps(),
        ],
        uniques: [
          { name: 'uq_users_phone_hash', columnNames: ['phone_hash'] },
          { name: 'uq_users_wechat_openid', columnNames: ['wechat_openid'] },
          { name: 'uq_users_alipay_user_id', columnNames: ['alipay_user_id'] },
          { name: 'uq_users_username', columnNames: ['username'] },
        ],
        indices: [new TableIndex({ name: 'ix_users_id_number_hash', columnNames: ['id_number_hash'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sms_codes',
        columns: [
          idColumn(),
          str('phone_hash', 64),
          str('code_hash', 64),
          time('expires_at'),
          int('attempts', 0),
          time('consumed_at', true),
          time('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_sms_codes_phone_created', columnNames: ['phone_hash', 'created_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          idColumn(),
          ref('user_id'),
          ref('family_id'),
          str('token_hash', 64),
          time('expires_at'),
          time('used_at', true),
          time('revoked_at', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'] }],
        indices: [new TableIndex({ name: 'ix_refresh_tokens_family', columnNames: ['family_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_logs',
        columns: [
          idColumn(),
          ref('actor_id', true),
          str('action', 64),
          str('object_type', 32),
          ref('object_id', true),
          text('reason'),
          text('data'),
          time('at'),
        ],
        indices: [new TableIndex({ name: 'ix_audit_logs_object', columnNames: ['object_type', 'object_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_logs', 'refresh_tokens', 'sms_codes', 'users', 'halls', 'departments']) await q.dropTable(t);
  }
}
