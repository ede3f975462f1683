import { Column, Entity } from 'typeorm';
import { IdColumn, timeCol } from '../../common/db/column-types';

/** 常用补正语: a stock reason for a correction, offered to staff in pre-review; admins edit the list. */
@Entity('correction_phrases')
export class CorrectionPhraseEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 200 }) text!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
