import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, addIndices, dropColumns, dropIndices, key, str, time } from './columns';

/**
 * 受审分离 (新郑; 新乡 受理、审核、制证"三分离"): a staff account's duties, `users.staff_roles`, a
 * comma-separated subset of `window,reviewer,supervisor` (null for citizens and admins). Staff who
 * existed before did everything; they keep the window and supervision duties, and the reviewer duty
 * only when they are bound to a department (a reviewer decides for one department). The admin gives
 * the others a department or makes reviewers.
 *
 * 督办 of off-hours requests: `offhours_requests.escalated_at`, when the hall's supervisors were told a
 * pending request passed its reply-by time (once per request).
 */
export class StaffRoles1732000970000 implements MigrationInterface {
  name = 'StaffRoles1732000970000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'users', str('staff_roles', 64, true));
    await q.query(`UPDATE users SET staff_roles = 'window,supervisor' WHERE role = 'staff' AND department_id IS NULL`);
    await q.query(`UPDATE users SET staff_roles = 'window,reviewer,supervisor' WHERE role = 'staff' AND department_id IS NOT NULL`);
    await addIndices(q, 'users', key('ix_users_hall_department', 'hall_id', 'department_id'));
    await addColumns(q, 'offhours_requests', time('escalated_at', true));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'offhours_requests', 'escalated_at');
    await dropIndices(q, 'users', 'ix_users_hall_department');
    await dropColumns(q, 'users', 'staff_roles');
  }
}
