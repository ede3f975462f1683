import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, time } from './columns';

/**
 * 督办 of 咨询 (新郑 五(一)2⑴②, answered within one working day): `consultations.escalated_at`, when
 * the hall's supervisors were told an open question passed its `answer_by` time (once per question).
 */
export class ConsultationEscalation1732001010000 implements MigrationInterface {
  name = 'ConsultationEscalation1732001010000';

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, 'consultations', time('escalated_at', true));
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(q, 'consultations', 'escalated_at');
  }
}
