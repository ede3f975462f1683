import type { AccessPolicy } from '../access/access-policy.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import type { ApplicationEntity } from './entities/application.entity';

/**
 * A filing (and so its files) as AccessPolicy allows, with one more rule: a draft is the
 * applicant's own until it is submitted, so staff do not see it yet. Anyone else: 404.
 */
export function visibleFiling(access: AccessPolicy, caller: AuthUser, a: ApplicationEntity | null | undefined): ApplicationEntity {
  const f = access.visible(caller, a);
  if (f.status === 'draft' && !access.isParty(caller, f)) throw new DomainError('NOT_FOUND');
  return f;
}
