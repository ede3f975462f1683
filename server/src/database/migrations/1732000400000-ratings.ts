import { byAt, CreateTables, entity, int, key, ref, str, text, time } from './columns';

/** 好差评: one rating per finished booking or delivered filing; bad ones open a rectification ticket. */
export class Ratings1732000400000 extends CreateTables {
  name = 'Ratings1732000400000';

  protected tables = [
    entity('ratings', [
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
    ], {
      uniques: [key('uq_ratings_target', 'target_type', 'target_id')],
      indices: [key('ix_ratings_user', 'user_id'), key('ix_ratings_hall_created', 'hall_id', 'created_at')],
    }),
    entity('rectifications', [ref('rating_id'), ref('hall_id', true), ref('department_id', true), str('status', 16), time('due_at'), text('answer'), ...byAt('answered'), time('overdue_notified_at', true), time('created_at')], {
      uniques: [key('uq_rectifications_rating', 'rating_id')],
      indices: [key('ix_rectifications_hall_status', 'hall_id', 'status')],
    }),
  ];
}
