import type { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import type { ApplicationEntity } from './entities/application.entity';

/**
 * A filing (and so its files) as AccessPolicy allows, with two more rules: a draft is the
 * applicant's own until it is submitted, so staff do not see it yet; and a forwarded filing
 * (同城通办) is also seen by the staff of the hall where it was filed and of the hall that decides
 * it, whichever of the two holds it now (`hallId`, the one whose staff act). Anyone else: 404.
 */
export function visibleFiling(access: AccessPolicy, caller: AuthUser, a: ApplicationEntity | null | undefined): ApplicationEntity {
  const f = a && !access.canSee(caller, a) && transferHallOf(caller, a) ? a : access.visible(caller, a);
  if (f.status === 'draft' && !access.isParty(caller, f)) throw new DomainError('NOT_FOUND');
  return f;
}

/** Staff of the filing hall or the competent hall of a forwarded filing. */
const transferHallOf = (caller: AuthUser, a: ApplicationEntity): boolean =>
  caller.roles.includes('staff') && caller.hallId !== null && (a.filedHallId === caller.hallId || a.competentHallId === caller.hallId);
