import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { idColumn, ref, str, text, time, timestamps } from './columns';

/** The centre's own free help: 帮办代办, 异地代办 (due 7 working days after acceptance) and 一对一专办, with the assigned helper. */
export class AssistanceRequests1732001001000 implements MigrationInterface {
  name = 'AssistanceRequests1732001001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'assistance_requests',
        columns: [
          idColumn(),
          ref('user_id'),
          ref('actor_id'),
          ref('enterprise_id', true),
          ref('service_id'),
          ref('hall_id'),
          str('kind', 16),
          text('note'),
          str('status', 16),
          ref('helper_id', true),
          ref('assigned_by', true),
          time('assigned_at', true),
          time('due_by', true),
          ...timestamps(),
        ],
        indices: [
          { name: 'ix_assistance_user', columnNames: ['user_id', 'created_at'] },
          { name: 'ix_assistance_actor', columnNames: ['actor_id'] },
          { name: 'ix_assistance_hall_status', columnNames: ['hall_id', 'status'] },
          { name: 'ix_assistance_due', columnNames: ['due_by'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('assistance_requests');
  }
}
