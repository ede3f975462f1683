import { bool, CreateTables, date, entity, int, key, partyColumns, partyIndices, ref, str, text, time, timestamps } from './columns';

/** Filings (办件): their materials, timeline, one-time notices, and uploaded files. */
export class Applications1732000300000 extends CreateTables {
  name = 'Applications1732000300000';

  protected tables = [
    entity('applications', [
      str('number', 20),
      ...partyColumns(),
      ref('service_id'),
      ref('hall_id'),
      str('status', 24),
      int('notice_count', 0),
      str('receipt_no', 24, true),
      time('submitted_at', true),
      time('accepted_at', true),
      bool('deemed_accepted'),
      time('due_at', true),
      time('decided_at', true),
      str('sla', 16, true),
      text('refuse_reason'),
      text('decision_note'),
      str('delivery_method', 16, true),
      str('tracking_no', 64, true),
      time('delivered_at', true),
      ...timestamps(),
    ], {
      uniques: [key('uq_applications_number', 'number'), key('uq_applications_receipt', 'receipt_no')],
      indices: [
        ...partyIndices('applications'),
        key('ix_applications_hall_status', 'hall_id', 'status'),
        key('ix_applications_status_submitted', 'status', 'submitted_at'),
        key('ix_applications_enterprise', 'enterprise_id'),
      ],
    }),
    entity('application_materials', [
      ref('application_id'),
      ref('material_id'),
      int('sort_order', 0),
      str('name', 200),
      bool('required'),
      bool('tolerable'),
      bool('review_ok', null),
      text('review_reason'),
      bool('flagged_ever'),
      bool('changed_after_notice'),
      time('committed_at', true),
      text('commitment_text'),
    ], { uniques: [key('uq_application_materials', 'application_id', 'material_id')] }),
    entity('application_events', [
      ref('application_id'),
      // order within a filing (several steps may share one instant)
      int('seq'),
      time('at'),
      str('status', 24),
      str('action', 24),
      str('actor_kind', 16),
      ref('actor_id', true),
      str('actor_name', 64, true),
      ref('principal_id', true),
      text('note'),
    ], { uniques: [key('uq_application_events_seq', 'application_id', 'seq')] }),
    entity('application_notices', [ref('application_id'), int('round'), time('issued_at'), ref('issued_by', true), date('deadline'), text('items', false)], {
      uniques: [key('uq_application_notices_round', 'application_id', 'round')],
    }),
    entity('files', [ref('application_id'), ref('material_id'), str('name', 200), { name: 'size', type: 'bigint', isNullable: false }, str('content_type', 64), str('sha256', 64), ref('uploaded_by'), time('created_at')], {
      indices: [key('ix_files_application', 'application_id', 'material_id'), key('ix_files_sha256', 'sha256')],
    }),
  ];
}
