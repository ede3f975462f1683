import { Injectable } from '@nestjs/common';
import type { OnBehalfOf } from '@gov/shared';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';

/** Who an action is for and who does it. Every action with `onBehalfOf` is resolved here. */
export interface Acting {
  /** the person whose record it is (the booking's owner, whose no-shows count) */
  userId: string;
  /** who actually does it: the same person, an agent, or a company member */
  actorId: string;
  enterpriseId: string | null;
  /** `u:<userId>` or `e:<enterpriseId>`: the one-booking-per-day rule holds per principal */
  principalKey: string;
}

/**
 * The seam for acting on behalf of someone else. Companies and written authorisations
 * (授权委托) plug in here; until they exist, acting for another is refused as not authorised.
 */
@Injectable()
export class ActingService {
  async resolve(caller: AuthUser, onBehalfOf: OnBehalfOf | undefined | null, _serviceId: string): Promise<Acting> {
    if (!onBehalfOf) return { userId: caller.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${caller.id}` };
    if (onBehalfOf.type === 'person' && onBehalfOf.id === caller.id) {
      return { userId: caller.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${caller.id}` };
    }
    throw new DomainError('AUTHORIZATION_INVALID', '没有有效的授权委托，不能代为办理');
  }
}
