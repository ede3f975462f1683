import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, int, ref, str, text, time } from './columns';

/** 好差评: one rating per finished booking or delivered filing; bad ones open a rectification ticket. */
export class Ratings1732000400000 implements MigrationInterface {
  name = 'Ratings1732000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'ratings',
        columns: [
          idColumn(),
          str('target_type', 16),
          ref('target_id'),
          ref('user_id'),
          ref('hall_id', true),
          ref('department_id', true),
          ref('service_id', true),
          int('score'),
          text('tags'),
          text('comment'),
          int('first_score'),
          time('created_at'),
          time('rerated_at', true),
        ],
        uniques: [{ name: 'uq_ratings_target', columnNames: ['target_type', 'target_id'] }],
        indices: [
          new TableIndex({ name: 'ix_ratings_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'ix_ratings_hall_created', columnNames: ['hall_id', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rectifications',
        columns: [
          idColumn(),
          ref('rating_id'),
          ref('hall_id', true),
          ref('department_id', true),
          str('status', 16),
          time('due_at'),
          text('answer'),
          ref('answered_by', true),
          time('answered_at', true),
          time('overdue_notified_at', true),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_rectifications_rating', columnNames: ['rating_id'] }],
        indices: [new TableIndex({ name: 'ix_rectifications_hall_status', columnNames: ['hall_id', 'status'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rectifications');
    await q.dropTable('ratings');
  }
}
