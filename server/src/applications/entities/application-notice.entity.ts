import { Column, Entity } from 'typeorm';
import { jsonText } from '../../catalog/entities/json-text.transformer';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import type { NoticeItem } from '@gov/shared';
export type { NoticeItem } from '@gov/shared';

/** A correction notice (补正告知); round 1 is the one-time notice (一次性告知). */
@Entity('application_notices')
export class ApplicationNoticeEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  @Column({ type: 'int' }) round!: number;
  @Column(timeCol('issued_at')) issuedAt!: Date;
  @RefColumn('issued_by', true) issuedBy!: string | null;
  /** correct by the end of this day (Asia/Shanghai) */
  @Column({ type: 'varchar', length: 10 }) deadline!: string;
  @Column({ type: 'text', transformer: jsonText<NoticeItem[]>([]) }) items!: NoticeItem[];
}
