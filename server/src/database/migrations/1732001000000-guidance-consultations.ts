import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, idColumn, int, ref, str, text, time, timestamps } from './columns';

/**
 * 智能导办 topics (questions and outcomes as JSON data) and 咨询 (questions to a hall with their
 * one-working-day answer time and the staff member who answered first, 首问负责).
 */
export class GuidanceConsultations1732001000000 implements MigrationInterface {
  name = 'GuidanceConsultations1732001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'guidance_topics',
        columns: [idColumn(), str('title', 100), str('summary', 200), text('definition', false), int('sort_order', 0), bool('active', true), ...timestamps()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'consultations',
        columns: [
          idColumn(),
          ref('user_id'),
          ref('actor_id'),
          ref('enterprise_id', true),
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
        ],
        indices: [
          { name: 'ix_consultations_user', columnNames: ['user_id', 'created_at'] },
          { name: 'ix_consultations_actor', columnNames: ['actor_id'] },
          { name: 'ix_consultations_hall_status', columnNames: ['hall_id', 'status', 'answer_by'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('consultations');
    await q.dropTable('guidance_topics');
  }
}
