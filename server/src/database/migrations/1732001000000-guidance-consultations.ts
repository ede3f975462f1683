import { bool, CreateTables, entity, int, key, partyColumns, partyIndices, ref, str, text, time, timestamps } from './columns';

/**
 * 智能导办 topics (questions and outcomes as JSON data) and 咨询 (questions to a hall with their
 * one-working-day answer time and the staff member who answered first, 首问负责).
 */
export class GuidanceConsultations1732001000000 extends CreateTables {
  name = 'GuidanceConsultations1732001000000';

  protected tables = [
    entity('guidance_topics', [str('title', 100), str('summary', 200), text('definition', false), int('sort_order', 0), bool('active', true), ...timestamps()]),
    entity('consultations', [
      ...partyColumns(),
      ref('service_id', true),
      ref('hall_id'),
      text('question', false),
      str('status', 16),
      time('answer_by'),
      text('answer'),
      ref('answered_by', true),
      str('answerer_name', 64, true),
      time('answered_at', true),
      ...timestamps(),
    ], {
      indices: [...partyIndices('consultations'), key('ix_consultations_hall_status', 'hall_id', 'status', 'answer_by')],
    }),
  ];
}
