import { Injectable } from '@nestjs/common';
import { Audience, audienceMessage, audienceVerdict, OnBehalfOf, OnBehalfType, principalType } from '@gov/shared';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CatalogRowsCache } from '../catalog/catalog-rows.cache';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { authorizationVerdict, bestVerdict, refusal } from './delegation.rules';
import { DelegationService } from './delegation.service';

/** AUTHORIZATION_INVALID (reason `none`) for a company: the caller is not (or no longer) its member, nor holds its authorisation. */
export const NOT_A_MEMBER = '您不是该企业的成员（或已被移出），也没有该企业的有效授权委托，不能代表企业办理';

/** A staff or admin account (not a citizen's): it acts for others only as an assigned helper. */
export const isStaffOnly = (caller: AuthUser): boolean => !caller.roles.includes('citizen') && caller.roles.includes('staff');

/** Only ActingService makes an `Acting`: holding one proves the checks below were passed. */
declare const checked: unique symbol;

/**
 * Who an action is for and who does it, for one service. Every booking, off-hours request and filing
 * is resolved here (with or without `onBehalfOf`), so that no door skips the audience and authorisation
 * checks; the booking factory takes nothing else.
 */
export interface Acting {
  /** the person whose record it is (whose no-shows count): the principal person, or for a company the member acting */
  userId: string;
  /** who actually does it: the same person, an agent, or a company member */
  actorId: string;
  enterpriseId: string | null;
  /** `u:<userId>` or `e:<enterpriseId>`: the one-booking-per-day rule holds per principal */
  principalKey: string;
  /** the service whose audience (and, for an agent, whose scope) was checked */
  serviceId: string;
  readonly [checked]: true;
}

/**
 * Whether a staff member is the helper the centre assigned to a person for a service (帮办代办,
 * DESIGN.md Across halls and departments). The assistance feature, above this layer, provides it.
 */
export type HelperCheck = (staffId: string, userId: string, serviceId: string) => Promise<boolean>;

/** The principal of a stored record (an off-hours request, a booking) to act on again. */
export type PrincipalOf = { userId: string; actorId: string; enterpriseId: string | null; principalKey: string };

/**
 * Checks, at the moment of acting, that the caller may act for the principal: a company's member,
 * or an agent holding a valid authorisation for this service today (else AUTHORIZATION_INVALID,
 * saying why: none — no authorisation, or one the agent has not accepted or declined —, outside
 * scope, not yet valid, expired, revoked); that a company acts only once the hall has verified it
 * (else FORBIDDEN with `details.reason` enterprise_pending / enterprise_rejected); and that the service
 * is for that kind of principal (else AUDIENCE_MISMATCH).
 */
@Injectable()
export class ActingService {
  private helperCheck: HelperCheck = () => Promise.resolve(false);

  constructor(
    private readonly catalog: CatalogRowsCache,
    private readonly companies: EnterprisesService,
    private readonly delegation: DelegationService,
    private readonly clock: ClockService,
  ) {}

  async resolve(caller: AuthUser, onBehalfOf: OnBehalfOf | undefined | null, serviceId: string): Promise<Acting> {
    const who = await this.principal(caller, onBehalfOf, serviceId);
    await this.assertAudience(serviceId, principalType(onBehalfOf));
    return { ...who, serviceId } as Acting;
  }

  /**
   * 一件事: the caller may act for the principal on every service of a bundle (an agent's scope must
   * cover each), and the bundle as a whole (`audience`, `name`) is for that kind of principal — a
   * bundle opening a business is applied for by its founder, so its services' own audiences do not
   * bind it. Returns the Acting of the first service. Same errors as `resolve`.
   */
  async resolveBundle(caller: AuthUser, onBehalfOf: OnBehalfOf | undefined | null, bundle: { name: string; audience: Audience; serviceIds: readonly string[] }): Promise<Acting> {
    let who: Omit<Acting, 'serviceId' | typeof checked> | null = null;
    for (const serviceId of bundle.serviceIds) who = await this.principal(caller, onBehalfOf, serviceId);
    const principal = principalType(onBehalfOf);
    const verdict = audienceVerdict(bundle.audience, principal);
    if (verdict !== 'ok') throw new DomainError('AUDIENCE_MISMATCH', audienceMessage(verdict, bundle.name), { audience: bundle.audience, principal });
    return { ...who!, serviceId: bundle.serviceIds[0] } as Acting;
  }

  /**
   * A stored record's principal, acted on again for a service (staff confirming an off-hours request,
   * moving a booking): the audience is checked anew, as the catalogue may have changed since.
   */
  async forRecord(rec: PrincipalOf, serviceId: string): Promise<Acting> {
    await this.assertAudience(serviceId, rec.enterpriseId ? 'enterprise' : 'person');
    return { userId: rec.userId, actorId: rec.actorId, enterpriseId: rec.enterpriseId, principalKey: rec.principalKey, serviceId } as Acting;
  }

  /**
   * Acting again on a stored record (cancelling or moving a booking, checking in with it, withdrawing
   * an off-hours request, appealing a no-show, a step on a filing): the caller must be able to act for
   * its principal now, exactly as for a new one — the person themself; a member of the company it is
   * for; an agent whose authorisation for `serviceId` still holds; the centre's helper while assigned.
   * Having made the record is not enough (DESIGN.md: outside scope, after expiry or after revocation,
   * the agent is refused). Errors: AUTHORIZATION_INVALID with `details.reason` (`revoked`, `expired`,
   * `out_of_scope`, `none` — for a former member of the company too); FORBIDDEN for a company no
   * longer verified; NOT_FOUND for staff no longer the person's helper.
   */
  async assertMayActFor(caller: AuthUser, rec: { userId: string; enterpriseId: string | null }, serviceId: string): Promise<void> {
    const onBehalfOf: OnBehalfOf | null = rec.enterpriseId ? { type: 'enterprise', id: rec.enterpriseId } : rec.userId === caller.id ? null : { type: 'person', id: rec.userId };
    await this.principal(caller, onBehalfOf, serviceId);
  }

  /** The assistance feature names who helps whom (see HelperCheck). */
  acceptHelpersBy(check: HelperCheck): void {
    this.helperCheck = check;
  }

  /** Whether a staff caller is the assigned helper of `userId` for `serviceId` now (an open assignment). */
  isHelper(caller: AuthUser, userId: string, serviceId: string): Promise<boolean> {
    return isStaffOnly(caller) ? this.helperCheck(caller.id, userId, serviceId) : Promise.resolve(false);
  }

  /** AUDIENCE_MISMATCH unless the service is for this kind of principal; NOT_FOUND for no such service. */
  async assertAudience(serviceId: string, principal: OnBehalfType): Promise<void> {
    const service = await this.catalog.service(serviceId);
    if (!service) throw new DomainError('NOT_FOUND', '事项不存在');
    const verdict = audienceVerdict(service.audience, principal);
    if (verdict !== 'ok') throw new DomainError('AUDIENCE_MISMATCH', audienceMessage(verdict, service.name), { serviceId, audience: service.audience, principal });
  }

  private async principal(caller: AuthUser, onBehalfOf: OnBehalfOf | undefined | null, serviceId: string): Promise<Omit<Acting, 'serviceId' | typeof checked>> {
    const self = { userId: caller.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${caller.id}` };
    if (!onBehalfOf || (onBehalfOf.type === 'person' && onBehalfOf.id === caller.id)) return self;
    if (isStaffOnly(caller)) {
      // hall staff act for nobody but the person the centre assigned them to help with this service
      // (帮办代办: like an agent, helper and applicant recorded); anyone else is told nothing exists
      if (onBehalfOf.type === 'person' && (await this.helperCheck(caller.id, onBehalfOf.id, serviceId))) {
        return { userId: onBehalfOf.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${onBehalfOf.id}` };
      }
      throw new DomainError('NOT_FOUND');
    }

    if (onBehalfOf.type === 'enterprise' && (await this.companies.roleOf(caller.id, onBehalfOf.id))) {
      await this.companies.assertMayAct(onBehalfOf.id);
      return { userId: caller.id, actorId: caller.id, enterpriseId: onBehalfOf.id, principalKey: `e:${onBehalfOf.id}` };
    }
    const today = shanghaiDate(this.clock.now());
    const verdict = bestVerdict((await this.delegation.forAgent(caller.id, onBehalfOf)).map((a) => authorizationVerdict(a, serviceId, today)));
    if (verdict !== 'valid') {
      const { reason, message } = refusal(verdict);
      // for a company, "none" means neither a member (any more) nor its agent: say that, not only the authorisation
      const said = onBehalfOf.type === 'enterprise' && verdict === 'none' ? NOT_A_MEMBER : message;
      throw new DomainError('AUTHORIZATION_INVALID', said, { reason });
    }
    if (onBehalfOf.type === 'enterprise') await this.companies.assertMayAct(onBehalfOf.id);
    return onBehalfOf.type === 'person'
      ? { userId: onBehalfOf.id, actorId: caller.id, enterpriseId: null, principalKey: `u:${onBehalfOf.id}` }
      : { userId: caller.id, actorId: caller.id, enterpriseId: onBehalfOf.id, principalKey: `e:${onBehalfOf.id}` };
  }
}
