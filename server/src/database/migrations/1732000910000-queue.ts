import { atBy, bool, byAt, CreateTables, date, entity, int, key, pk, ref, str, text, time, timestamps } from './columns';

/**
 * The hall's queue (取号叫号, 延时办): windows, tickets (unique per hall, day, lane and number; one
 * per booking), the per-lane number counters, the per-hall change version the live streams poll,
 * and 延时服务登记 (one per ticket finished after closing).
 */
export class Queue1732000910000 extends CreateTables {
  name = 'Queue1732000910000';

  protected tables = [
    entity('queue_windows', [ref('hall_id'), str('name', 50), text('service_ids', false), int('sort_order', 0), ...timestamps()], {
      uniques: [key('uq_queue_windows_hall_name', 'hall_id', 'name')],
    }),
    entity('queue_tickets', [
      ref('hall_id'),
      ref('service_id'),
      date('day'),
      str('lane', 16),
      int('seq'),
      str('number', 8),
      str('status', 16),
      ref('user_id', true),
      ref('booking_id', true),
      time('due_at', true),
      text('phone_enc'),
      bool('green_requested'),
      bool('green_confirmed'),
      str('green_reason', 200, true),
      ref('issued_by', true),
      time('taken_at'),
      time('queued_at'),
      ref('window_id', true),
      ...byAt('called'),
      int('call_count', 0),
      time('serving_at', true),
      ...atBy('finished'),
      time('skipped_at', true),
      int('requeue_count', 0),
      ...timestamps(),
    ], {
      uniques: [key('uq_queue_tickets_number', 'hall_id', 'day', 'lane', 'seq'), key('uq_queue_tickets_booking', 'booking_id')],
      indices: [key('ix_queue_tickets_hall_day_status', 'hall_id', 'day', 'status'), key('ix_queue_tickets_user_day', 'user_id', 'day')],
    }),
    { name: 'queue_counters', columns: [pk(ref('hall_id')), pk(date('day')), pk(str('lane', 16)), int('last_seq', 0)] },
    { name: 'queue_hall_state', columns: [pk(ref('hall_id')), int('version', 0), time('changed_at')] },
    entity('queue_overtime_services', [
      ref('ticket_id'),
      ref('hall_id'),
      date('day'),
      ref('window_id'),
      ref('staff_id'),
      str('closing_time', 5),
      time('finished_at'),
      int('minutes_past_closing'),
      time('created_at'),
    ], {
      uniques: [key('uq_queue_overtime_ticket', 'ticket_id')],
      indices: [key('ix_queue_overtime_hall_day', 'hall_id', 'day')],
    }),
  ];
}
