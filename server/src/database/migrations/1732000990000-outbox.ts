import { CreateTables, entity, int, key, ref, str, text, time } from './columns';

/**
 * The transactional outbox (issue 19): one row per message and outside channel (微信订阅消息, 支付宝,
 * 短信), written in the transaction of the message itself, delivered by the outbox worker. A row is
 * claimed with a lease (`lease_owner`, `lease_until`); `status` ends as sent, skipped or failed.
 */
export class Outbox1732000990000 extends CreateTables {
  name = 'Outbox1732000990000';

  protected tables = [
    entity('outbox_deliveries', [
      ref('message_id'),
      ref('user_id'),
      str('channel', 16),
      str('event', 32),
      text('payload', false),
      str('status', 16),
      int('attempts', 0),
      time('next_attempt_at'),
      str('lease_owner', 36, true),
      time('lease_until', true),
      str('last_error', 200, true),
      time('created_at'),
      time('done_at', true),
    ], {
      uniques: [key('uq_outbox_message_channel', 'message_id', 'channel')],
      indices: [key('ix_outbox_due', 'status', 'next_attempt_at')],
    }),
  ];
}
