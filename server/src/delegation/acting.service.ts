import { Injectable } from '@nestjs/common';
import type { OnBehalfOf } from '@gov/shared';
import { shanghaiDate } from '../calendar/calendar.rules';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { authorizationVerdict, bestVerdict, refusal } from './delegation.rules';
import { DelegationService } from './delegation.service';

/** Who an action is for and who does it. Every action with `onBehalfOf` is resolved here. */
export interface Acting {
  /** the person whose record it is (whose no-shows count): the principal person, or for a company the member acting */
  userId: string;
  /** who actually does it: the same person, an agent, or a company member */
  actorId: string;
  enterpriseId: string | null;
  /** `u:<userId>` or `e:<enterpriseId>`: the one-booking-per-day rule holds per principal */
  principalKey: string;
}

/**
 * Checks, at the moment of acting, that the caller may act for the principal: a company's member,
 * or an agent holding a valid authorisation for this service today (else AUTHORIZATION_INVALID,
 * saying why: none — no authorisation, or one the agent has not accepted or declined —, outside
 * scope, not yet valid, expired, revoked). A company acts only once the hall has verified it
 * (else FORBIDDEN with `details.reason` enterprise_pending / enterprise_rejected), whoever acts for it.
 */
@Injectable()
export class ActingService {
  constructor(
    private readonly companies: EnterprisesService,
    private readonly delegation: DelegationService,
    private readonly clock: ClockService,
  ) {}

  async resolve(caller: AuthUser, onBehalfOf: OnBehalfOf | undefined | null, serviceId: string | null): Promise<Acting> {
    const self: Acting = { userId: caller.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${caller.id}` };
    if (!onBehalfOf || (onBehalfOf.type === 'person' && onBehalfOf.id === caller.id)) return self;

    if (onBehalfOf.type === 'enterprise' && (await this.companies.roleOf(caller.id, onBehalfOf.id))) {
      await this.companies.assertMayAct(onBehalfOf.id);
      return { userId: caller.id, actorId: caller.id, enterpriseId: onBehalfOf.id, principalKey: `e:${onBehalfOf.id}` };
    }
    const today = shanghaiDate(this.clock.now());
    const verdict = bestVerdict((await this.delegation.forAgent(caller.id, onBehalfOf)).map((a) => authorizationVerdict(a, serviceId, today)));
    if (verdict !== 'valid') {
      const { reason, message } = refusal(verdict);
      throw new DomainError('AUTHORIZATION_INVALID', message, { reason });
    }
    if (onBehalfOf.type === 'enterprise') await this.companies.assertMayAct(onBehalfOf.id);
    return onBehalfOf.type === 'person'
      ? { userId: onBehalfOf.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${onBehalfOf.id}` }
      : { userId: caller.id, actorId: caller.id, enterpriseId: onBehalfOf.id, principalKey: `e:${onBehalfOf.id}` };
  }
}
