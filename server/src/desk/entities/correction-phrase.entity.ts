import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** 常用补正语: a stock reason for a correction, offered to staff in pre-review; admins edit the list. */
@Entity('correction_phrases')
export class CorrectionPhraseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 200 }) text!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
