import { AddIndices, key } from './columns';

/**
 * The `queue-day-end` job ends tickets of past days still open (waiting, called, serving): an index on
 * (status, day) lets it find them among every past day's tickets without reading the whole table.
 */
export class QueueDayEnd1732000950000 extends AddIndices {
  name = 'QueueDayEnd1732000950000';

  protected indices = { queue_tickets: [key('ix_queue_tickets_status_day', 'status', 'day')] };
}
