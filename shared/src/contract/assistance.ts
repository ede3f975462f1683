/**
 * Wire shapes of the centre's own free help (API.md, One-thing bundles, guidance and consultation:
 * assistance-requests; DESIGN.md, Across halls and departments; 罗山 帮办代办, 异地代办, 一对一专办).
 */

import type { RatingState } from './ratings';

/** `helper` 帮办代办; `remote` 异地代办 (done within 7 working days of acceptance); `one_to_one` 一对一专办 */
export const ASSISTANCE_KINDS = ['helper', 'remote', 'one_to_one'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, string> = {
  helper: '帮办代办',
  remote: '异地代办',
  one_to_one: '一对一专办',
};

export const ASSISTANCE_STATUSES = ['requested', 'assigned', 'done'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

export const ASSISTANCE_STATUS_LABELS: Record<AssistanceStatus, string> = {
  requested: '待安排',
  assigned: '已安排专人',
  done: '已办结',
};

/** POST /assistance-requests */
export interface AssistanceCreateRequest {
  serviceId: string;
  kind: AssistanceKind;
  /** what help is needed, or why one cannot come (up to 500 characters) */
  note?: string;
}

/** The helper the centre assigned: who, where, and the number to call (the hall's). */
export interface AssistanceHelper {
  name: string;
  hallName: string;
  phone: string;
}

export interface AssistanceView {
  id: string;
  kind: AssistanceKind;
  status: AssistanceStatus;
  serviceId: string;
  serviceName: string;
  hallId: string;
  hallName: string;
  note: string | null;
  createdAt: string;
  assignedAt: string | null;
  /** `remote` only, once accepted (assigned): the end of the 7th working day after (罗山 异地代办) */
  dueBy: string | null;
  /** a remote request past `dueBy`: on the supervisor's list */
  overdue: boolean;
  helper: AssistanceHelper | null;
  /** when the helper or a supervisor marked it done (status `done`); the applicant may then rate the help */
  doneAt: string | null;
  /** staff lists only (masked) */
  applicantName?: string | null;
  /** staff lists only: the helper's staff id (the helper may mark it done) */
  helperId?: string | null;
}

/** GET /assistance-requests: the applicant's requests, with the stage they may be rated at once done. */
export type RatedAssistanceView = AssistanceView & Partial<RatingState>;

/** POST /staff/assistance-requests/:id/assign */
export interface AssistanceAssignRequest {
  staffId: string;
}
