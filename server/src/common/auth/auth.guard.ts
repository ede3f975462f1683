import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@gov/shared';
import { DomainError } from '../errors/domain-error';
import { AccessTokenService } from './access-token.service';
import { AuthUser, CallerContextLoader, IS_PUBLIC, ROLES } from './auth.decorators';
import { CallerContextCache } from './caller-context.cache';

/**
 * Global guard: every route needs a valid access token unless marked @Public();
 * @Roles() narrows it further. A public route still learns the caller when a token is sent.
 * A citizen's memberships and verified state come from CallerContextCache (no database read per request).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly cache: CallerContextCache,
    @Optional() private readonly context?: CallerContextLoader,
  ) {}

  private async withContext(user: AuthUser): Promise<AuthUser> {
    if (this.context && user.roles.includes('citizen')) {
      const loader = this.context;
      const ctx = await this.cache.get(user.id, () => loader.callerContext(user.id));
      if (!ctx) throw new DomainError('UNAUTHENTICATED');
      user.enterpriseIds = ctx.enterpriseIds;
      user.verified = ctx.verified;
    }
    return user;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const header = req.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;

    if (isPublic) {
      if (match) {
        try {
          req.user = await this.withContext(this.tokens.verify(match[1]));
        } catch {
          // a stale token on a public route is simply ignored
        }
      }
      return true;
    }
    if (!match) throw new DomainError('UNAUTHENTICATED');
    req.user = await this.withContext(this.tokens.verify(match[1]));

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.some((r) => req.user!.roles.includes(r))) throw new DomainError('FORBIDDEN');
    return true;
  }
}
