import { bool, CreateTables, entity, int, key, ref, str, text, time, timestamps } from './columns';

export class Foundation1732000000000 extends CreateTables {
  name = 'Foundation1732000000000';

  protected tables = [
    entity('departments', [str('name', 64), int('sort_order', 0), ...timestamps()], { uniques: [key('uq_departments_name', 'name')] }),
    entity('halls', [str('name', 100), str('address', 200), str('phone', 32), str('hours', 200), str('level', 16), int('sort_order', 0), ...timestamps()], {
      uniques: [key('uq_halls_name', 'name')],
    }),
    entity('users', [
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
    ], {
      uniques: [
        key('uq_users_phone_hash', 'phone_hash'),
        key('uq_users_wechat_openid', 'wechat_openid'),
        key('uq_users_alipay_user_id', 'alipay_user_id'),
        key('uq_users_username', 'username'),
      ],
      indices: [key('ix_users_id_number_hash', 'id_number_hash')],
    }),
    entity('sms_codes', [str('phone_hash', 64), str('code_hash', 64), time('expires_at'), int('attempts', 0), time('consumed_at', true), time('created_at')], {
      indices: [key('ix_sms_codes_phone_created', 'phone_hash', 'created_at')],
    }),
    entity('refresh_tokens', [ref('user_id'), ref('family_id'), str('token_hash', 64), time('expires_at'), time('used_at', true), time('revoked_at', true), time('created_at')], {
      uniques: [key('uq_refresh_tokens_hash', 'token_hash')],
      indices: [key('ix_refresh_tokens_family', 'family_id')],
    }),
    entity('audit_logs', [ref('actor_id', true), str('action', 64), str('object_type', 32), ref('object_id', true), text('reason'), text('data'), time('at')], {
      indices: [key('ix_audit_logs_object', 'object_type', 'object_id')],
    }),
  ];
}
