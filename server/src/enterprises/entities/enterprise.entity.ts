import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../database/column-types';

@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'credit_code', type: 'varchar', length: 18 }) creditCode!: string;
  @Column({ name: 'legal_rep_name', type: 'varchar', length: 64 }) legalRepName!: string;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
