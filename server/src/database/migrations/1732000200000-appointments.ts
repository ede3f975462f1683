import { atBy, bool, CreateTables, date, entity, int, key, partyColumns, ref, str, text, time, timestamps } from './columns';

/** Slots, bookings (with the one-active-booking unique key), no-show standing, off-hours requests, messages. */
export class Appointments1732000200000 extends CreateTables {
  name = 'Appointments1732000200000';

  protected tables = [
    entity('slot_templates', [ref('hall_id'), ref('service_id', true), int('weekday'), str('start_time', 5), str('end_time', 5), int('capacity'), bool('active', true), ...timestamps()], {
      indices: [key('ix_slot_templates_hall', 'hall_id')],
    }),
    entity('slots', [ref('hall_id'), ref('service_id', true), ref('template_id', true), date('day'), time('start_at'), time('end_at'), int('capacity'), int('booked', 0), str('kind', 16, false, 'regular'), bool('active', true), time('created_at')], {
      uniques: [key('uq_slots_template_day', 'template_id', 'day')],
      indices: [key('ix_slots_hall_day', 'hall_id', 'day')],
    }),
    entity('bookings', [
      ...partyColumns(),
      str('principal_key', 40),
      ref('slot_id'),
      ref('service_id'),
      ref('hall_id'),
      date('day'),
      time('start_at'),
      time('end_at'),
      str('kind', 16),
      str('status', 16),
      str('code', 16),
      // 1 while the booking is active (booked or checked in), NULL otherwise: the unique key below
      // then allows one active booking per principal, service and day, and any number of inactive ones.
      int('active_key', undefined, true),
      ref('offhours_request_id', true),
      time('created_at'),
      time('cancelled_at', true),
      ...atBy('checked_in'),
      time('no_show_at', true),
      ...atBy('waived'),
      text('waive_reason'),
    ], {
      uniques: [key('uq_bookings_code', 'code'), key('uq_bookings_active', 'principal_key', 'service_id', 'day', 'active_key')],
      indices: [
        key('ix_bookings_user', 'user_id', 'start_at'),
        key('ix_bookings_actor', 'actor_id'),
        key('ix_bookings_hall_day', 'hall_id', 'day'),
        key('ix_bookings_status_start', 'status', 'start_at'),
        key('ix_bookings_slot', 'slot_id'),
      ],
    }),
    entity('standing_events', [ref('user_id'), str('kind', 16), ref('actor_id', true), text('reason'), time('at')], { indices: [key('ix_standing_events_user', 'user_id')] }),
    entity('offhours_requests', [
      ...partyColumns(),
      str('principal_key', 40),
      ref('service_id'),
      ref('hall_id'),
      time('preferred_start'),
      time('preferred_end'),
      text('note'),
      str('status', 16),
      text('refuse_reason'),
      ref('booking_id', true),
      ref('decided_by', true),
      str('staff_name', 64, true),
      time('decided_at', true),
      ...timestamps(),
    ], { indices: [key('ix_offhours_user', 'user_id'), key('ix_offhours_hall_status', 'hall_id', 'status')] }),
    entity('messages', [
      ref('user_id'),
      str('type', 32),
      str('title', 100),
      text('body', false),
      str('link', 200, true),
      // makes scheduled notices idempotent across instances: one message per (user, key)
      str('dedupe_key', 120, true),
      time('read_at', true),
      time('created_at'),
    ], {
      uniques: [key('uq_messages_dedupe', 'user_id', 'dedupe_key')],
      indices: [key('ix_messages_user_created', 'user_id', 'created_at')],
    }),
  ];
}
