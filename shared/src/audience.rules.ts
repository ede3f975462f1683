import type { Audience, OnBehalfType } from './enums';

/**
 * Who a service is for (办事指南 服务对象) against whom a booking, off-hours request or filing is for.
 * The principal is a person (the caller acting for themself, or the person an agent acts for) or an
 * enterprise (a member or an agent acting for the company through `onBehalfOf`). `both` serves either.
 */
export type AudienceVerdict = 'ok' | 'person_only' | 'enterprise_only';

export function audienceVerdict(audience: Audience, principal: OnBehalfType): AudienceVerdict {
  if (audience === 'person' && principal === 'enterprise') return 'person_only';
  if (audience === 'enterprise' && principal === 'person') return 'enterprise_only';
  return 'ok';
}

export const audienceAllows = (audience: Audience, principal: OnBehalfType): boolean => audienceVerdict(audience, principal) === 'ok';

const AUDIENCE_TAILS: Record<Exclude<AudienceVerdict, 'ok'>, string> = {
  person_only: '仅面向个人办理，不能以企业名义申请',
  enterprise_only: '仅面向企业（法人）办理，请切换为以企业名义办理',
};

/** What the applicant reads when the verdict is not `ok` (the server's error, and the mini-app before they try). */
export const audienceMessage = (verdict: Exclude<AudienceVerdict, 'ok'>, serviceName?: string): string =>
  `${serviceName ? `“${serviceName}”` : '该事项'}${AUDIENCE_TAILS[verdict]}`;

/** The principal kind of an `onBehalfOf` (absent: the caller, a person). */
export const principalType = (onBehalfOf: { type: OnBehalfType } | null | undefined): OnBehalfType => onBehalfOf?.type ?? 'person';
