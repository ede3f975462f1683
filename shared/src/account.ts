/**
 * The account's own life: consent to the privacy terms (个人信息保护法 art. 14, 17), the to-do summary
 * of the home page, and closing the account (注销, art. 47).
 */
import type { ApplicationStatus, Role } from './enums';

/**
 * The version of the privacy terms (隐私政策) the mini-app shows (its text is in the mini-app,
 * components/PrivacyTerms). Change it whenever the text changes in substance: every citizen whose
 * recorded consent is of another version is asked again before anything else.
 */
export const PRIVACY_TERMS_VERSION = '2024-11-19';

/**
 * Whether this account must (again) consent to the current terms. Only citizens are asked: staff and
 * admin accounts are made by the centre for its own personnel, who handle others' data under their
 * duties (and the centre's rules), not as users of the service whose own data the terms are about.
 */
export function needsPrivacyConsent(me: { roles: Role[]; consentVersion?: string | null }): boolean {
  return me.roles.includes('citizen') && me.consentVersion !== PRIVACY_TERMS_VERSION;
}

export interface ConsentRequest {
  version: string;
}

/** DELETE /me refused: what is still open (409 INVALID_STATE `details`). */
export interface CloseAccountBlockers {
  /** bookings still `booked` */
  bookings: number;
  /** filings not in a final state (drafts included) */
  applications: number;
  /** off-hours requests still `pending` */
  offhours: number;
  /** companies of which the caller is the only admin while other members remain */
  enterprises: number;
}

/** GET /me/todo: what waits for the signed-in person, for the home page's card. */
export interface TodoSummary {
  /** the next booking still to attend (status `booked`, not yet over) */
  nextBooking: null | {
    id: string;
    serviceName: string;
    hallName: string;
    start: string;
    end: string;
  };
  /** filings that wait for the applicant: a correction notice, or a 容缺 material owed */
  filings: Array<{
    id: string;
    number: string;
    serviceName: string;
    status: ApplicationStatus;
    action: 'correction' | 'materials_owed';
  }>;
  unreadMessages: number;
}
