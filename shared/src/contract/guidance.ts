/**
 * Wire shapes of 智能导办 and 咨询 (API.md, One-thing bundles, guidance and consultation; DESIGN.md,
 * Across halls and departments).
 */
import type { OnBehalfOf } from '../api.types';

/** GET /guidance: one guided topic. */
export interface GuidanceTopicSummary {
  id: string;
  title: string;
  /** one line on who the topic is for */
  summary: string;
}

export interface GuidanceOption {
  value: string;
  label: string;
}

export interface GuidanceQuestion {
  id: string;
  text: string;
  options: GuidanceOption[];
}

/** GET /guidance/:id */
export interface GuidanceTopicView extends GuidanceTopicSummary {
  questions: GuidanceQuestion[];
}

/** POST /guidance/:id/answers: one value per question id (each question must be answered). */
export interface GuidanceAnswersRequest {
  answers: Record<string, string>;
}

/** One line of the personal checklist. */
export interface GuidanceMaterial {
  name: string;
  required: boolean;
  /** why or what exactly (may be empty) */
  note: string;
}

/** POST /guidance/:id/answers: what to apply for, in order, and the personal checklist (each material once). */
export interface GuidanceResult {
  services: Array<{ id: string; name: string }>;
  /** the 一件事 bundle covering these services, when one exists */
  bundleId?: string;
  materials: GuidanceMaterial[];
}

export const CONSULTATION_STATUSES = ['open', 'answered'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** POST /consultations */
export interface ConsultationCreateRequest {
  serviceId?: string;
  /** the hall asked (default: the first hall handling the service, else the city centre) */
  hallId?: string;
  question: string;
  onBehalfOf?: OnBehalfOf;
}

/** A question and its answer, as the applicant and staff see it. */
export interface ConsultationView {
  id: string;
  status: ConsultationStatus;
  serviceId: string | null;
  serviceName: string | null;
  hallId: string;
  hallName: string;
  question: string;
  createdAt: string;
  /** end (Asia/Shanghai) of the first working day after the question (新郑 五(一)2⑴② 一个工作日内答复) */
  answerBy: string;
  /** open past `answerBy`: on the supervisor's list */
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  /** 首问负责: the staff member who answered first, by name */
  answeredBy: string | null;
  /** staff lists only (masked) */
  applicantName?: string | null;
}

/** POST /staff/consultations/:id/answer */
export interface ConsultationAnswerRequest {
  answer: string;
}

/** 待答复 / 已答复 */
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  open: '待答复',
  answered: '已答复',
};
