import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** Whose record: a person (users.id) or a company (enterprises.id). */
export type CreditSubjectType = 'person' | 'enterprise';

/**
 * A line of a person's or company's credit record (信用记录): a 容缺 commitment not kept by its due
 * time (新乡 四(八); 临沂 一(一)). One per filing and kind; bars further 容缺 until `barUntil`.
 */
@Entity('credit_records')
export class CreditRecordEntity {
  @IdColumn() id!: string;
  @Column({ name: 'subject_type', type: 'varchar', length: 16 }) subjectType!: CreditSubjectType;
  @RefColumn('subject_id') subjectId!: string;
  @RefColumn('application_id') applicationId!: string;
  /** `commitment_breach` */
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  /** what was owed, as staff read it */
  @Column({ type: 'text' }) note!: string;
  @Column(timeCol('due_at')) dueAt!: Date;
  @Column(timeCol('recorded_at')) recordedAt!: Date;
  @Column(timeCol('bar_until')) barUntil!: Date;
}
