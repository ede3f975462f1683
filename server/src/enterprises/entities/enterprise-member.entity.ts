import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnterpriseRole } from '@gov/shared';
import { RefColumn, timeCol } from '../../common/db/column-types';

@Entity('enterprise_members')
export class EnterpriseMemberEntity {
  @PrimaryColumn({ name: 'enterprise_id', type: 'varchar', length: 36 }) enterpriseId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 16 }) role!: EnterpriseRole;
  @RefColumn('added_by', true) addedBy!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
