import type { PostalAddress } from './certificates';
/** Wire shapes of the window desk (API.md, Staff): whom a case is for, reveals, search, phrases, follow-up calls. */
import type { ResponsibleView, StaffApplicationView } from './applications';
import type { AssistanceView } from './assistance';
import type { StaffBookingView } from './booking';
import type { OffhoursView } from './offhours';
import type { StaffRectificationView } from './ratings';
import type { ConsultationView } from './guidance';

/** Whom a booking or filing is for, as staff see it: name, ID and phone masked; the agent or company acting. */
export interface ApplicantView {
  userId: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  verified: boolean;
  /** the agent (or company member) who made it for the applicant, when not the applicant */
  agent: null | { userId: string; name: string | null; phone: string | null };
  /** the company it is for */
  enterprise: null | { id: string; name: string; creditCode: string };
}

/** The applicant's full name, ID and phone numbers (POST …/reveal-applicant; every reveal is audited). */
export interface ApplicantRevealed {
  userId: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  /** a filing's postal address for delivery by post, in full (for the parcel); absent for bookings */
  postalAddress?: PostalAddress | null;
}

/** 常用补正语 (GET /staff/phrases, /admin/phrases). */
export interface PhraseView {
  id: string;
  text: string;
  sortOrder: number;
}

/** POST /admin/phrases, PUT /admin/phrases/:id */
export interface PhraseRequest {
  text: string;
}
export interface PhraseUpdateRequest {
  text?: string;
  sortOrder?: number;
}

/** What a desk search query was read as. */
export type DeskSearchKey = 'filingNumber' | 'bookingCode' | 'phoneTail' | 'phone' | 'idNumber' | 'name';

/** 回访 of a key project (GET /staff/callbacks). */
export interface CallbackView {
  id: string;
  applicationId: string;
  number: string;
  serviceName: string;
  keyProject: boolean;
  /** YYYY-MM (Asia/Shanghai) */
  month: string;
  deliveredAt: string | null;
  status: 'pending' | 'done';
  reached: boolean | null;
  satisfied: boolean | null;
  note: string | null;
  /** masked */
  applicant: { name: string | null; phone: string | null };
}

/** POST /staff/callbacks/:id/outcome */
export interface CallbackOutcomeRequest {
  reached: boolean;
  satisfied: boolean | null;
  note?: string;
}

/** POST /staff/bookings/:id/waive, /staff/users/:id/reinstate, … */
export interface ReasonRequest {
  reason: string;
}

/** GET /staff/search: the hall's bookings and filings a query finds. */
export interface DeskSearchResult {
  /** the query as typed, a phone or ID number in it masked */
  q: string;
  /** what the query was read as */
  keys: DeskSearchKey[];
  bookings: StaffBookingView[];
  applications: StaffApplicationView[];
}

/**
 * GET /staff/supervision (督办, for supervisors): the hall's filings overdue then due soon, off-hours
 * requests past their reply time, rectification tickets past due.
 */
export interface SupervisionBoard {
  /** filings with their time limit overdue or due soon (`sla`) */
  filings: StaffApplicationView[];
  /**
   * 受理超时: filings still `submitted` or `prereview_passed` after their `acceptBy` day (accepted
   * within one working day of submission), longest waiting first
   */
  lateAcceptances: StaffApplicationView[];
  offhoursRequests: OffhoursView[];
  rectifications: StaffRectificationView[];
  /** 咨询 still open past `answerBy` (one working day) */
  consultations: ConsultationView[];
  /** 同城通办: filings sent from or to the hall and not received by their `transfer.receiveBy` day */
  lateTransfers: StaffApplicationView[];
  /** 异地代办 not done within 7 working days of acceptance */
  assistance: AssistanceView[];
  /** 首问负责: the late filings above (overdue, due soon, late acceptances) by responsible person, the most first; unnamed ones last */
  byResponsible: ResponsibleGroup[];
}

/** The supervisor's filings of one responsible person (`responsible` null: nobody has taken them yet). */
export interface ResponsibleGroup {
  responsible: ResponsibleView | null;
  /** ids of the filings, as on the board */
  applicationIds: string[];
  overdue: number;
}
