import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';

/** What an object says about who it belongs to. */
export interface Owned {
  /** the principal person */
  userId: string;
  /** who made it (an agent or company member), when not the principal */
  actorId?: string | null;
  enterpriseId?: string | null;
  /** the hall whose staff handle it */
  hallId: string | null;
}

/**
 * The one answer to "may this caller see / act on this object": the person it is for, whoever
 * made it for them (an agent, or the centre's assigned helper), members of the company it is for, staff of its hall, and admins. Everything else is told 404 (never 403), so
 * that nobody learns what exists.
 */
@Injectable()
export class AccessPolicy {
  canSee(caller: AuthUser, o: Owned): boolean {
    if (caller.roles.includes('admin')) return true;
    if (caller.roles.includes('staff') && o.hallId !== null && caller.hallId === o.hallId) return true;
    // staff of another hall see it only as a party: the centre's helper who made it for the applicant
    return this.isParty(caller, o);
  }

  /** The people the object is for (not staff): the person, their agent who made it, their company's members. */
  isParty(caller: AuthUser, o: Owned): boolean {
    if (o.userId === caller.id || (o.actorId ?? null) === caller.id) return true;
    return !!o.enterpriseId && this.isMember(caller, o.enterpriseId);
  }

  /** Whether the caller is a member of the enterprise. */
  isMember(caller: AuthUser, enterpriseId: string): boolean {
    return (caller.enterpriseIds ?? []).includes(enterpriseId);
  }

  /**
   * The SQL side of `isParty` for the caller's own lists: rows of `alias` (with `user_id` and
   * `actor_id` columns) that are for the caller or that the caller made for someone. Enterprise
   * lists add `enterprise_id` themselves after `isMember`.
   */
  partyScope(alias: string, caller: AuthUser): Brackets {
    return new Brackets((w) => w.where(`${alias}.user_id = :me`, { me: caller.id }).orWhere(`${alias}.actor_id = :me`, { me: caller.id }));
  }

  /** The object for one of its parties to act on (cancel, withdraw…), else 404. */
  ownedBy<T extends Owned>(caller: AuthUser, o: T | null | undefined): T {
    if (!o || !this.isParty(caller, o)) throw new DomainError('NOT_FOUND');
    return o;
  }

  /** Staff acting on an object: their own hall only (admins anywhere). */
  canHandle(caller: AuthUser, o: Pick<Owned, 'hallId'>): boolean {
    if (caller.roles.includes('admin')) return true;
    return caller.roles.includes('staff') && o.hallId !== null && caller.hallId === o.hallId;
  }

  /** The object, or 404 NOT_FOUND when it is missing or not this caller's to see. */
  visible<T extends Owned>(caller: AuthUser, o: T | null | undefined): T {
    if (!o || !this.canSee(caller, o)) throw new DomainError('NOT_FOUND');
    return o;
  }

  handled<T extends Pick<Owned, 'hallId'>>(caller: AuthUser, o: T | null | undefined): T {
    if (!o || !this.canHandle(caller, o)) throw new DomainError('NOT_FOUND');
    return o;
  }
}
