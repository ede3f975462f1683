import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@gov/shared';

export const IS_PUBLIC = 'zwt:public';
export const ROLES = 'zwt:roles';

/** The caller as the access token says. */
export interface AuthUser {
  id: string;
  roles: Role[];
  hallId: string | null;
  /** companies the caller belongs to (citizens; from CallerContextCache, which a membership change invalidates at once) */
  enterpriseIds?: string[];
  /** whether the caller's real name is verified (citizens; same source) */
  verified?: boolean;
}

/** What the guard learns about a citizen beyond the token. */
export interface CallerContext {
  enterpriseIds: string[];
  verified: boolean;
}

/**
 * Reads what a token cannot carry because it changes: company memberships, and whether the account
 * still exists (null once it is closed, 注销: its tokens stop working at once, not at their expiry).
 */
export abstract class CallerContextLoader {
  abstract callerContext(userId: string): Promise<CallerContext | null>;
}

/** A route anyone may call without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!req.user) throw new Error('CurrentUser used on a public route');
  return req.user;
});

/** The caller on a public route: who the token says when one was sent, else null. */
export const MaybeUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | null => ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user ?? null);
