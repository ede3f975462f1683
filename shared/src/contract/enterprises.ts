/** Wire shapes of companies (法人; API.md, Enterprises and delegation). */
import type { EnterpriseRole, EnterpriseStatus } from '../enums';

export interface EnterpriseView {
  id: string;
  name: string;
  creditCode: string;
  legalRepName: string;
  role: EnterpriseRole;
  /** only `verified` acts; `pending` waits for the hall's check, `rejected` did not pass it */
  status: EnterpriseStatus;
  /** the hall staff's note, when they decided */
  reviewNote: string | null;
  reviewedAt: string | null;
}

export interface EnterpriseMember {
  userId: string;
  /** masked */
  name: string | null;
  /** masked */
  phone: string | null;
  role: EnterpriseRole;
  /** the caller */
  self: boolean;
}

export interface EnterpriseDetail extends EnterpriseView {
  members: EnterpriseMember[];
}

/** A company as window staff review it (企业核验): the creator masked. */
export interface StaffEnterpriseView {
  id: string;
  name: string;
  creditCode: string;
  legalRepName: string;
  status: EnterpriseStatus;
  createdAt: string;
  creator: { userId: string; name: string | null; phone: string | null };
  /** other people's pending claims of the same credit code */
  rivalClaims: number;
  reviewNote: string | null;
  reviewedAt: string | null;
}

/** POST /enterprises */
export interface CreateEnterpriseRequest {
  name: string;
  creditCode: string;
  legalRepName: string;
}

/** POST /enterprises/:id/members */
export interface AddMemberRequest {
  phone: string;
  role: EnterpriseRole;
}

/** POST /staff/enterprises/:id/verify */
export interface VerifyEnterpriseRequest {
  approve: boolean;
  note?: string;
}
