import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, atBy, dropColumns, ref, time } from './columns';

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
    await addColumns(q, 'applications', ref('responsible_id', true), ref('responsible_hall_id', true));
    await addColumns(q, 'assistance_requests', ...atBy('done'), time('escalated_at', true));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'assistance_requests', 'escalated_at', 'done_by', 'done_at');
    await dropColumns(q, 'applications', 'responsible_hall_id', 'responsible_id');
  }
}
