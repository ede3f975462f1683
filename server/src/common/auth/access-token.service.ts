import { Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { ROLES as ALL_ROLES, Role } from '@gov/shared';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../clock/clock.service';
import { DomainError } from '../errors/domain-error';
import type { AuthUser } from './auth.decorators';

interface AccessClaims {
  sub: string;
  roles: Role[];
  hall: string | null;
  typ: 'access';
}

/** The only algorithm an access token may use (HMAC-SHA256). */
const ALGORITHMS: jwt.Algorithm[] = ['HS256'];

/**
 * Short-lived HS256 access tokens. The algorithm and key id are pinned; `alg: none` never verifies.
 * The secret is a KeyObject made once: given a string, `jsonwebtoken` first tries to parse it as a
 * public key on every call (`crypto.createPublicKey`, a tenth of a refused booking's CPU).
 */
@Injectable()
export class AccessTokenService {
  private readonly key: KeyObject;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  sign(user: AuthUser): { token: string; expiresAt: Date } {
    const iat = Math.floor(this.clock.nowMs() / 1000);
    const exp = iat + this.config.accessTokenTtlSeconds;
    const claims: AccessClaims & { iat: number; exp: number } = { sub: user.id, roles: user.roles, hall: user.hallId, typ: 'access', iat, exp };
    const token = jwt.sign(claims, this.key, { algorithm: 'HS256', keyid: this.config.jwtKeyId, noTimestamp: true });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string): AuthUser {
    let decoded: jwt.Jwt;
    try {
      decoded = jwt.verify(token, this.key, {
        algorithms: ALGORITHMS,
        complete: true,
        clockTimestamp: Math.floor(this.clock.nowMs() / 1000),
      });
    } catch {
      throw new DomainError('UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    }
    if (decoded.header.kid !== this.config.jwtKeyId) throw new DomainError('UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    const p = decoded.payload as Partial<AccessClaims>;
    if (
      p.typ !== 'access' ||
      typeof p.sub !== 'string' ||
      !Array.isArray(p.roles) ||
      !p.roles.every((r) => (ALL_ROLES as readonly string[]).includes(r))
    ) {
      throw new DomainError('UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    }
    return { id: p.sub, roles: p.roles, hallId: typeof p.hall === 'string' ? p.hall : null };
  }
}
