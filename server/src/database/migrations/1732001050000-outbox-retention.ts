import { AddIndices, key } from './columns';

/**
 * The `outbox-cleanup` job deletes settled deliveries (sent, skipped) older than OUTBOX_RETENTION_DAYS
 * in batches: this index makes each batch one range read by state and settling time.
 */
export class OutboxRetention1732001050000 extends AddIndices {
  name = 'OutboxRetention1732001050000';

  protected indices = { outbox_deliveries: [key('ix_outbox_done', 'status', 'done_at')] };
}
