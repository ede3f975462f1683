/** Pure rules of written authorisations (授权委托). */

/**
 * Stored states. An authorisation is `pending` from the moment the principal gives it until the
 * agent, signed in with the phone it names, accepts (`active`) or declines (`declined`); the
 * principal may revoke a pending or active one (`revoked`). Only `active` gives rights.
 */
export type AuthorizationState = 'pending' | 'active' | 'declined' | 'revoked';

/** As shown to people: an authorisation past its end date that was never ended otherwise shows as `expired`. */
export type AuthorizationDisplayStatus = AuthorizationState | 'expired';

export type AuthorizationVerdict = 'valid' | 'not_accepted' | 'declined' | 'revoked' | 'not_yet_valid' | 'expired' | 'out_of_scope';

/** The reasons API.md lets AUTHORIZATION_INVALID give in `details.reason`. */
export type RefusalReason = 'none' | 'out_of_scope' | 'not_yet_valid' | 'expired' | 'revoked';

export interface AuthorizationLike {
  status: AuthorizationState;
  serviceIds: string[] | null;
  validFrom: string;
  validTo: string;
}

/** Whether an agent may act now, for this service, under this authorisation. `today` is the Asia/Shanghai date. */
export function authorizationVerdict(a: AuthorizationLike, serviceId: string | null, today: string): AuthorizationVerdict {
  if (a.status === 'revoked') return 'revoked';
  if (a.status === 'declined') return 'declined';
  if (a.status === 'pending') return 'not_accepted';
  if (today < a.validFrom) return 'not_yet_valid';
  if (today > a.validTo) return 'expired';
  if (serviceId !== null && a.serviceIds !== null && !a.serviceIds.includes(serviceId)) return 'out_of_scope';
  return 'valid';
}

const REFUSALS: Record<Exclude<AuthorizationVerdict, 'valid'> | 'none', { reason: RefusalReason; message: string }> = {
  none: { reason: 'none', message: '没有对方的有效授权委托，不能代为办理' },
  // a pending or declined authorisation is, to the rules, no authorisation at all
  not_accepted: { reason: 'none', message: '您尚未接受该授权委托，请先在“我收到的授权”中接受后再代为办理' },
  declined: { reason: 'none', message: '您已拒绝该授权委托，不能代为办理' },
  revoked: { reason: 'revoked', message: '该授权委托已被撤销，不能继续代为办理' },
  not_yet_valid: { reason: 'not_yet_valid', message: '该授权委托尚未生效' },
  expired: { reason: 'expired', message: '该授权委托已过期' },
  out_of_scope: { reason: 'out_of_scope', message: '该事项不在授权委托范围内' },
};

/** What an agent who may not act is told: the API's reason and a message for people. */
export function refusal(verdict: Exclude<AuthorizationVerdict, 'valid'> | 'none'): { reason: RefusalReason; message: string } {
  return REFUSALS[verdict];
}

/** The status to show: a pending or active authorisation past its end date shows as expired. */
export function displayStatus(a: AuthorizationLike, today: string): AuthorizationDisplayStatus {
  if (a.status === 'revoked' || a.status === 'declined') return a.status;
  return today > a.validTo ? 'expired' : a.status;
}

/**
 * Among several authorisations (newest first): any valid one wins; otherwise an invitation the
 * agent has not answered yet (accepting it is what they can do about it); otherwise the newest
 * one's refusal is what the agent is told.
 */
export function bestVerdict(newestFirst: AuthorizationVerdict[]): AuthorizationVerdict | 'none' {
  if (newestFirst.length === 0) return 'none';
  if (newestFirst.includes('valid')) return 'valid';
  return newestFirst.includes('not_accepted') ? 'not_accepted' : newestFirst[0];
}

/** Why the agent may not accept or decline now (null: they may): only a pending one, before its end date. */
export function respondRefusal(a: AuthorizationLike, today: string): string | null {
  if (a.status === 'active') return '您已接受该授权委托';
  if (a.status === 'declined') return '您已拒绝该授权委托';
  if (a.status === 'revoked') return '委托人已撤销该授权委托';
  return today > a.validTo ? '该授权委托已过期，请联系委托人重新授权' : null;
}

/** Why the principal may not revoke (null: they may): a pending or active one only. */
export function revokeRefusal(a: AuthorizationLike): string | null {
  if (a.status === 'revoked') return '该授权已撤销';
  if (a.status === 'declined') return '对方已拒绝该授权，无需撤销';
  return null;
}

/** The agent's list: invitations waiting for an answer first, then the newest first. */
export function agentListOrder<T extends { status: AuthorizationDisplayStatus; createdAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || b.createdAt.localeCompare(a.createdAt));
}
