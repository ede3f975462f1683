import { Column, Entity } from 'typeorm';
import type { EnterpriseStatus } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

@Entity('enterprises')
export class EnterpriseEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode!: string;
  @Column({ name: 'legal_rep_name', type: 'varchar', length: 64 }) legalRepName!: string;
  /** only a verified company acts; see enterprises.rules.ts */
  @Column({ type: 'varchar', length: 16 }) status!: EnterpriseStatus;
  /** unique: the credit code once verified, `<code>:<creator>` while pending, NULL once rejected (claimKey()) */
  @Column({ name: 'claim_key', type: 'varchar', length: 64, nullable: true }) claimKey!: string | null;
  @RefColumn('reviewed_by', true) reviewedBy!: string | null;
  @Column(timeCol('reviewed_at', true)) reviewedAt!: Date | null;
  @Column({ name: 'review_note', type: 'varchar', length: 200, nullable: true }) reviewNote!: string | null;
  @RefColumn('created_by') createdBy!: string;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
