import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuthResult } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { AccessTokenService } from '../common/auth/access-token.service';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { judgeRefreshToken } from './auth.rules';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

/** Issues access/refresh pairs; refresh tokens are stored hashed and rotated on every use. */
@Injectable()
export class TokenService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    private readonly config: AppConfig,
    private readonly access: AccessTokenService,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
    private readonly users: UsersService,
  ) {}

  /** A new sign-in: a new family of refresh tokens. */
  issue(user: UserEntity): Promise<AuthResult> {
    return this.issueInFamily(user, newId());
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const now = this.clock.now();
    const row = await this.tokens.findOne({ where: { tokenHash: this.crypto.sha256(refreshToken) } });
    const verdict = judgeRefreshToken(row, now);
    if (verdict === 'reused') await this.revokeFamily(row!.familyId);
    if (verdict !== 'ok') throw new DomainError('UNAUTHENTICATED', '登录已过期，请重新登录');
    // Spend it with a conditional update: of two racing refreshes only one wins; the loser is a reuse.
    const spent = await this.tokens.update({ id: row!.id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: now });
    if (!spent.affected) {
      await this.revokeFamily(row!.familyId);
      throw new DomainError('UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    const user = await this.users.requireById(row!.userId);
    return this.issueInFamily(user, row!.familyId);
  }

  /** Sign out: the whole family stops working. Unknown tokens are ignored (nothing to reveal). */
  async logout(refreshToken: string): Promise<void> {
    const row = await this.tokens.findOne({ where: { tokenHash: this.crypto.sha256(refreshToken) } });
    if (row) await this.revokeFamily(row.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async issueInFamily(user: UserEntity, familyId: string): Promise<AuthResult> {
    const now = this.clock.now();
    const refreshToken = this.crypto.randomToken(32);
    await this.tokens.insert({
      id: newId(),
      userId: user.id,
      familyId,
      tokenHash: this.crypto.sha256(refreshToken),
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * 86_400_000),
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    const { token } = this.access.sign(this.users.authUser(user));
    return { accessToken: token, refreshToken, user: this.users.toMe(user) };
  }
}
