import { sql } from '../../../test/support/test-app';

/** One outbox delivery as the database holds it. */
export interface DeliveryRow {
  id: string;
  message_id: string;
  user_id: string;
  channel: 'wechat' | 'alipay' | 'sms';
  event: string;
  status: 'pending' | 'sent' | 'skipped' | 'failed';
  attempts: number;
  last_error: string | null;
}

/** Every outbox delivery of a test database (optionally one channel's), oldest first. */
export function deliveries(databaseUrl: string, channel?: DeliveryRow['channel']): Promise<DeliveryRow[]> {
  return sql<DeliveryRow>(
    databaseUrl,
    `SELECT id, message_id, user_id, channel, event, status, attempts, last_error FROM outbox_deliveries${channel ? ' WHERE channel = ?' : ''} ORDER BY created_at, id`,
    channel ? [channel] : [],
  );
}

/**
 * Wait until the outbox worker has settled every delivery (none pending), at most `timeoutMs`;
 * answers the deliveries. Fails naming the ones still pending.
 */
export async function outboxSettled(databaseUrl: string, timeoutMs = 15_000): Promise<DeliveryRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await deliveries(databaseUrl);
    const pending = rows.filter((r) => r.status === 'pending');
    if (!pending.length) return rows;
    if (Date.now() > until) throw new Error(`outbox not settled: ${pending.length} pending (${pending.slice(0, 3).map((r) => `${r.channel} ${r.event} ×${r.attempts}: ${r.last_error ?? ''}`).join('; ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
