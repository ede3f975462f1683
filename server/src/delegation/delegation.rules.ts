/** Pure rules of written authorisations (授权委托). */

export type AuthorizationVerdict = 'valid' | 'revoked' | 'not_yet_valid' | 'expired' | 'out_of_scope';

export interface AuthorizationLike {
  status: 'active' | 'revoked';
  serviceIds: string[] | null;
  validFrom: string;
  validTo: string;
}

/** Whether an agent may act now, for this service, under this authorisation. `today` is the Asia/Shanghai date. */
export function authorizationVerdict(a: AuthorizationLike, serviceId: string | null, today: string): AuthorizationVerdict {
  if (a.status === 'revoked') return 'revoked';
  if (today < a.validFrom) return 'not_yet_valid';
  if (today > a.validTo) return 'expired';
  if (serviceId !== null && a.serviceIds !== null && !a.serviceIds.includes(serviceId)) return 'out_of_scope';
  return 'valid';
}

export const VERDICT_MESSAGES: Record<Exclude<AuthorizationVerdict, 'valid'>, string> = {
  revoked: '该授权委托已被撤销，不能继续代为办理',
  not_yet_valid: '该授权委托尚未生效',
  expired: '该授权委托已过期',
  out_of_scope: '该事项不在授权委托范围内',
};

/** The status to show: an active authorisation past its end date shows as expired. */
export function displayStatus(a: AuthorizationLike, today: string): 'active' | 'revoked' | 'expired' {
  if (a.status === 'revoked') return 'revoked';
  return today > a.validTo ? 'expired' : 'active';
}

/**
 * Among several authorisations (newest first): any valid one wins; otherwise the newest one's
 * refusal is what the agent is told.
 */
export function bestVerdict(newestFirst: AuthorizationVerdict[]): AuthorizationVerdict | 'none' {
  if (newestFirst.length === 0) return 'none';
  return newestFirst.includes('valid') ? 'valid' : newestFirst[0];
}
