/** Wire shapes of filings (办件; API.md, Applications). */
import type { Application, ApplicationMaterial, OnBehalfOf, TimelineEvent } from '../api.types';
import type { ApplicationStatus, CommitmentStatus, DeliveryMethod, SlaState } from '../enums';
import type { DeliveryView } from './certificates';
import type { UploadLimits } from '../upload.rules';
import type { RatingState } from './ratings';
import type { ApplicantView } from './staff';
import type { ApplicationPartView } from './bundles';

/** Who did a step of the timeline. */
export type ActorKind = 'applicant' | 'staff' | 'system';

export interface TimelineView extends TimelineEvent {
  /** the step, a key of ACTION_LABELS (create, submit, flag, …) */
  action: string;
  actorKind: ActorKind;
  actorId: string | null;
  principalId: string | null;
}

export interface MaterialView extends ApplicationMaterial {
  commitment: null | { at: string; text: string };
  /** since the latest correction notice (files by content, or a commitment, changed); null before any notice */
  changedSinceNotice: boolean | null;
  /** 免提交: filled from a valid certificate of the applicant's instead of an upload (API.md `reusedFrom: { certificateId }`) */
  reusedFrom: null | { certificateId: string; type: string; number: string };
  copies: number;
  form: string;
  note: string | null;
  /** a bundle filing: the services (parts) that need this material (more than one: shared, asked for once) */
  serviceIds?: string[];
}

/**
 * In whose name a filing is made: for oneself, for a company (its name), or by an agent for a
 * principal (both names masked). Clients compare their own id with `agentId` to word it.
 */
export interface PartyView {
  type: 'self' | 'enterprise' | 'agent';
  enterpriseId: string | null;
  enterpriseName: string | null;
  /** the person whose filing it is */
  principalId: string;
  principalName: string | null;
  /** who made it for them (type agent) */
  agentId: string | null;
  agentName: string | null;
}

/** One material of a one-time (correction) notice. */
export interface NoticeItem {
  materialId: string;
  name: string;
  reason: string;
  /** a bundle filing's combined notice: the department that flagged it */
  departmentName?: string;
}

export interface NoticeView {
  round: number;
  issuedAt: string;
  deadline: string;
  items: NoticeItem[];
}

/**
 * The filing's 容缺 commitment: the committed materials, those still `owed`, when they are due
 * (null until acceptance starts the count) and its status.
 */
export interface CommitmentView {
  materialIds: string[];
  /** committed materials with no file yet */
  owed: string[];
  /** ISO instant: the end of the last working day to hand them in; null before acceptance */
  dueAt: string | null;
  /** working days left after today until `dueAt` (0 on the last day and after); null before acceptance */
  daysLeft: number | null;
  status: CommitmentStatus;
}

/** One line of a person's or company's credit record (信用记录), as staff see it on a filing. */
export interface CreditRecordView {
  id: string;
  kind: 'commitment_breach';
  subjectType: 'person' | 'enterprise';
  /** the filing whose commitment was not kept */
  applicationId: string;
  note: string;
  dueAt: string;
  recordedAt: string;
  barUntil: string;
}

/** The applicant's (or company's) credit record on a filing: barred from 容缺 until `barredUntil` (null: not barred). */
export interface CreditView {
  barredUntil: string | null;
  records: CreditRecordView[];
}

/** 首问负责: the staff member who first took the filing, and their hall then. */
export interface ResponsibleView {
  name: string;
  hallName: string;
}

/** A filing as its applicant sees it (POST/GET /applications, commitment, submit, withdraw). */
export interface ApplicationView extends Application {
  statusLabel: string;
  serviceName: string;
  hallId: string;
  hallName: string;
  keyProject: boolean;
  promisedDays: number;
  /** 即办: decided and handed over on the spot, no receipt and no promised-days clock */
  instant: boolean;
  materials: MaterialView[];
  timeline?: TimelineView[];
  dueAt: string | null;
  sla: SlaState | null;
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  deemedAccepted: boolean;
  receiptNo: string | null;
  /** YYYY-MM-DD: the working day by which the centre accepts or sends its notice, while it owes that (submitted, prereview_passed) */
  acceptBy: string | null;
  /** 容缺: the credit commitment and what it still owes; null without one */
  commitment: CommitmentView | null;
  /** 退件: the reasons (status returned) */
  returnReason: string | null;
  /** the law's pre-review clock while a submission waits: last day and working days left */
  prereview: null | { deadline: string; daysLeft: number };
  /** the current one-time (correction) notice, while the filing waits for the correction */
  notice: NoticeView | null;
  refuseReason: string | null;
  decisionNote: string | null;
  /** how the result reaches the applicant, once chosen (API.md PUT /applications/:id/delivery) */
  delivery: DeliveryView | null;
  /** the delivery methods the service publishes, among which the applicant chooses */
  deliveryMethods: DeliveryMethod[];
  /** the electronic certificate issued on approval (licence-issuing services), else null */
  certificate: null | { id: string; type: string; number: string; verifyCode: string };
  enterpriseId: string | null;
  /** made by an agent for the person */
  onBehalf: boolean;
  /**
   * 首问负责: who first took the filing (accepted it at a window, or the centre's assigned helper
   * who made it), named to the applicant and kept through later steps; null until then
   */
  responsible: ResponsibleView | null;
  /** in whose name it is made */
  party: PartyView;
  /** the upload limits in force (detail only), so that clients check a file before sending it */
  uploadLimits?: UploadLimits;
  /** working days from acceptance a 容缺 commitment gives (detail only), for commitmentText */
  commitmentDays?: number;
  /** the promised-days clock is paused: the filing (or its result) is in transit between halls (同城通办) */
  clockPaused: boolean;
  /** 同城通办 / 跨层联办: where it was filed and which hall decides; null when never forwarded */
  transfer: TransferView | null;
  /** 一件事: the bundle this filing applies for (then `serviceName` is the bundle's name and `serviceId` its first service); null for one service */
  bundleId?: string | null;
  /** 一件事: one part per service, each reviewed by its department in parallel; `dueAt` is the slowest part's */
  parts?: ApplicationPartView[];
}

/**
 * A filing forwarded between halls (同城通办 / 跨层联办, DESIGN.md Across halls): filed (and collected)
 * at `filedHall`, decided at `competentHall`; while in transit, by which working day the other hall
 * must receive it; the working days spent in transit so far, by which `dueAt` was extended.
 */
export interface TransferView {
  filedHallId: string;
  filedHallName: string;
  competentHallId: string;
  competentHallName: string;
  /** YYYY-MM-DD (Asia/Shanghai): the day by which the receiving hall takes it (one working day after sending); null when not in transit */
  receiveBy: string | null;
  /** the reception is late (past `receiveBy`) */
  late: boolean;
  /** working days in transit, not counted against the promised days (dueAt extended by them) */
  pausedDays: number;
}

/** A hall a filing may be forwarded to (POST /staff/applications/:id/forward). */
export interface ForwardTarget {
  id: string;
  name: string;
  level: string;
}

/** GET /applications/:id: the filing with the stage it may be rated at. */
export type RatedApplicationView = ApplicationView & Partial<RatingState>;

/**
 * A filing in a list (GET /applications): what the list pages show (number, service, status,
 * deadlines, what the applicant owes, in whose name, who is responsible) without materials, timeline, delivery or
 * certificate, which GET /applications/:id gives. `updatedAt`: the last change of its row.
 */
export type ApplicationListItem = Pick<
  ApplicationView,
  | 'id'
  | 'number'
  | 'status'
  | 'statusLabel'
  | 'serviceId'
  | 'serviceName'
  | 'hallId'
  | 'hallName'
  | 'keyProject'
  | 'instant'
  | 'dueAt'
  | 'sla'
  | 'createdAt'
  | 'submittedAt'
  | 'acceptedAt'
  | 'acceptBy'
  | 'commitment'
  | 'prereview'
  | 'notice'
  | 'clockPaused'
  | 'enterpriseId'
  | 'onBehalf'
  | 'responsible'
  | 'party'
> & { updatedAt: string };

/** GET /applications: each filing of the list with the stage it may be rated at. */
export type RatedApplicationListItem = ApplicationListItem & Partial<RatingState>;

/** A filing as window staff see it. */
export interface StaffApplicationView extends ApplicationView {
  applicant: ApplicantView;
  /** the applicant's (or company's) credit record: breached commitments and the 容缺 bar */
  credit: CreditView;
  /** detail only: the halls it may be forwarded to now (同城通办: accepted here, handled by them), else [] */
  forwardTargets?: ForwardTarget[];
}

/** The public progress answer (GET /applications/lookup): no names, phones or ID numbers. */
export interface LookupView {
  number: string;
  serviceName: string;
  status: ApplicationStatus;
  statusLabel: string;
  sla: SlaState | null;
  dueAt: string | null;
  timeline: TimelineEvent[];
}

/** The answer of an upload (POST /applications/:id/materials/:materialId/files). */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
}

/** POST /applications: `serviceId` for one service, or `bundleId` for a 一件事 bundle (exactly one of them); onBehalfOf omitted for oneself. */
export interface CreateApplicationRequest {
  serviceId?: string;
  bundleId?: string;
  hallId?: string;
  onBehalfOf?: OnBehalfOf;
}

/** POST /applications/:id/commitment */
export interface CommitmentRequest {
  materialIds: string[];
}

/** POST /applications/:id/withdraw */
export interface WithdrawRequest {
  reason?: string;
}

/** One material's pre-review conclusion. */
export interface PrereviewDecision {
  materialId: string;
  ok: boolean;
  /** required when not ok */
  reason?: string | null;
}

/** POST /staff/applications/:id/prereview */
export interface PrereviewRequest {
  decisions: PrereviewDecision[];
}

/** POST /staff/applications/:id/refuse */
export interface RefuseApplicationRequest {
  reason: string;
}

export const ADVANCE_TARGETS = ['under_review', 'approved', 'denied'] as const;
export type AdvanceTarget = (typeof ADVANCE_TARGETS)[number];

/** POST /staff/applications/:id/advance */
export interface AdvanceRequest {
  to: AdvanceTarget;
  note?: string;
}

/** POST /staff/applications/:id/return (退件 after acceptance) */
export interface ReturnApplicationRequest {
  reason: string;
}

/** POST /staff/applications/:id/forward (同城通办: to the competent hall, or a result back to the filing hall) */
export interface ForwardRequest {
  hallId: string;
}

/** POST /staff/applications/:id/complete (即办) */
export interface CompleteApplicationRequest {
  note?: string;
}

/** POST /staff/applications/:id/deliver */
export interface DeliverRequest {
  method: DeliveryMethod;
  trackingNo?: string;
}
