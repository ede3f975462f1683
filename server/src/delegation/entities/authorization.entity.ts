import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OnBehalfType } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';
import type { AuthorizationState } from '../delegation.rules';

const jsonOrNull = {
  to: (v: string[] | null): string | null => (v === null ? null : JSON.stringify(v)),
  from: (v: string | null): string[] | null => (v === null ? null : (JSON.parse(v) as string[])),
};

/** 授权委托: principal (a person or a company) authorises an agent for some services or all, for a period. */
@Entity('authorizations')
export class AuthorizationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'principal_type', type: 'varchar', length: 16 }) principalType!: OnBehalfType;
  @Column({ name: 'principal_id', type: 'varchar', length: 36 }) principalId!: string;
  @Column({ name: 'agent_user_id', type: 'varchar', length: 36 }) agentUserId!: string;
  @Column({ name: 'service_ids', type: 'text', nullable: true, transformer: jsonOrNull }) serviceIds!: string[] | null;
  @Column({ name: 'valid_from', type: 'varchar', length: 10 }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'varchar', length: 10 }) validTo!: string;
  @Column({ type: 'varchar', length: 16 }) status!: AuthorizationState;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('revoked_at', true)) revokedAt!: Date | null;
  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true }) revokedBy!: string | null;
  /** when the agent accepted or declined */
  @Column(timeCol('responded_at', true)) respondedAt!: Date | null;
}
