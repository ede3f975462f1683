/** Wire shapes of 授权委托 (API.md, Enterprises and delegation). */
import type { OnBehalfOf } from '../api.types';
import type { AuthorizationStatus } from '../enums';

export interface AuthorizationView {
  id: string;
  /** pending until the agent accepts (active) or declines; revoked by the principal; expired past its end date */
  status: AuthorizationStatus;
  principal: { type: 'person' | 'enterprise'; id: string; name: string | null };
  agent: { userId: string; name: string | null; phone: string | null };
  /** null: every service */
  serviceIds: string[] | null;
  services: Array<{ id: string; name: string }> | null;
  validFrom: string;
  validTo: string;
  createdAt: string;
  revokedAt: string | null;
  /** when the agent accepted or declined */
  respondedAt: string | null;
}

/** POST /authorizations */
export interface CreateAuthorizationRequest {
  principal: OnBehalfOf;
  agentPhone: string;
  /** null or omitted: every service */
  serviceIds?: string[] | null;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string;
}
