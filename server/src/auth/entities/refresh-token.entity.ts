import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  /** every token issued from one sign-in shares a family; reuse revokes the family */
  @Column({ name: 'family_id', type: 'varchar', length: 36 }) familyId!: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash!: string;
  @Column(timeCol('expires_at')) expiresAt!: Date;
  @Column(timeCol('used_at', true)) usedAt!: Date | null;
  @Column(timeCol('revoked_at', true)) revokedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
