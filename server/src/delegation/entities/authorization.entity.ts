import { Column, Entity } from 'typeorm';
import type { OnBehalfType } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import type { AuthorizationState } from '../delegation.rules';

const jsonOrNull = {
  to: (v: string[] | null): string | null => (v === null ? null : JSON.stringify(v)),
  from: (v: string | null): string[] | null => (v === null ? null : (JSON.parse(v) as string[])),
};

/** 授权委托: principal (a person or a company) authorises an agent for some services or all, for a period. */
@Entity('authorizations')
export class AuthorizationEntity {
  @IdColumn() id!: string;
  @Column({ name: 'principal_type', type: 'varchar', length: 16 }) principalType!: OnBehalfType;
  @RefColumn('principal_id') principalId!: string;
  @RefColumn('agent_user_id') agentUserId!: string;
  @Column({ name: 'service_ids', type: 'text', nullable: true, transformer: jsonOrNull }) serviceIds!: string[] | null;
  @Column({ name: 'valid_from', type: 'varchar', length: 10 }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'varchar', length: 10 }) validTo!: string;
  @Column({ type: 'varchar', length: 16 }) status!: AuthorizationState;
  @RefColumn('created_by') createdBy!: string;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('revoked_at', true)) revokedAt!: Date | null;
  @RefColumn('revoked_by', true) revokedBy!: string | null;
  /** when the agent accepted or declined */
  @Column(timeCol('responded_at', true)) respondedAt!: Date | null;
}
