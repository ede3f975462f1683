import { byAt, CreateTables, entity, key, partyColumns, partyIndices, ref, str, text, time, timestamps } from './columns';

/** The centre's own free help: 帮办代办, 异地代办 (due 7 working days after acceptance) and 一对一专办, with the assigned helper. */
export class AssistanceRequests1732001001000 extends CreateTables {
  name = 'AssistanceRequests1732001001000';

  protected tables = [
    entity('assistance_requests', [
      ...partyColumns(),
      ref('service_id'),
      ref('hall_id'),
      str('kind', 16),
      text('note'),
      str('status', 16),
      ref('helper_id', true),
      ...byAt('assigned'),
      time('due_by', true),
      ...timestamps(),
    ], {
      indices: [...partyIndices('assistance'), key('ix_assistance_hall_status', 'hall_id', 'status'), key('ix_assistance_due', 'due_by')],
    }),
  ];
}
