import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @IdColumn() id!: string;
  @RefColumn('user_id') userId!: string;
  /** every token issued from one sign-in shares a family; reuse revokes the family */
  @RefColumn('family_id') familyId!: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash!: string;
  @Column(timeCol('expires_at')) expiresAt!: Date;
  @Column(timeCol('used_at', true)) usedAt!: Date | null;
  @Column(timeCol('revoked_at', true)) revokedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
