import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { ref, time } from './columns';

/**
 * 首问负责 and the end of the centre's own help (DESIGN.md, Across halls and departments):
 * `applications.responsible_id` / `responsible_hall_id`, the staff member who first took the filing
 * (accepted it, or the helper who made it) and their hall then, kept through later steps;
 * `assistance_requests.done_at` / `done_by` (the helper or a supervisor marked it done) and
 * `escalated_at` (a `remote` request past its 7 working days was put before the hall's supervisors, once).
 */
export class ResponsibleAssistanceDone1732001020000 implements MigrationInterface {
  name = 'ResponsibleAssistanceDone1732001020000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('applications', [new TableColumn(ref('responsible_id', true)), new TableColumn(ref('responsible_hall_id', true))]);
    await q.addColumns('assistance_requests', [new TableColumn(time('done_at', true)), new TableColumn(ref('done_by', true)), new TableColumn(time('escalated_at', true))]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['escalated_at', 'done_by', 'done_at']) await q.dropColumn('assistance_requests', c);
    for (const c of ['responsible_hall_id', 'responsible_id']) await q.dropColumn('applications', c);
  }
}
