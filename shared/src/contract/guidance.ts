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

/** Who applies: a person (incl. a 个体工商户's operator) or a company. */
export const GUIDANCE_APPLICANTS = ['person', 'enterprise'] as const;
export type GuidanceApplicant = (typeof GUIDANCE_APPLICANTS)[number];

export interface GuidanceOption {
  value: string;
  label: string;
  /** choosing it makes the applicant this kind (a "who applies" question); absent: no bearing */
  applicant?: GuidanceApplicant;
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
  /** 免提交: an electronic certificate of this type (e.g. 营业执照) in the 证照夹 covers it */
  certificateType?: string;
  /** answers only, for a signed-in caller: the certificate in effect in their 证照夹 that covers it (免提交) */
  coveredBy?: { certificateId: string; type: string; number: string };
}

/** POST /guidance/:id/answers: what to apply for, in order, and the personal checklist (each material once). */
export interface GuidanceResult {
  services: Array<{ id: string; name: string }>;
  /** the 一件事 bundle covering these services, when one exists */
  bundleId?: string;
  /** who applies, as the answers imply (each service accepts this kind of applicant) */
  applicant: GuidanceApplicant;
  /** the hall that handles it for the district answered; null when the topic names none */
  hall: { id: string; name: string; address: string } | null;
  materials: GuidanceMaterial[];
}

/** An outcome rule: when every condition holds (questionId → value or values), it adds services, a bundle, the hall and materials. */
export interface GuidanceOutcomeRule {
  /** empty or absent: always applies */
  when?: Record<string, string | string[]>;
  /** catalogue service codes (事项编码), in the order to apply */
  serviceCodes?: string[];
  /** a 一件事 bundle covering them */
  bundleId?: string;
  /** the hall that handles it (the last applying outcome naming one wins) */
  hallId?: string;
  materials?: GuidanceMaterial[];
}

/** POST /admin/guidance, PUT /admin/guidance/:id: a whole topic. */
export interface GuidanceTopicInput {
  title: string;
  summary: string;
  /** the applicant kind unless an answer's option says otherwise */
  applicant: GuidanceApplicant;
  sortOrder?: number;
  active?: boolean;
  questions: GuidanceQuestion[];
  outcomes: GuidanceOutcomeRule[];
}

/** GET /admin/guidance: topics with their whole definition (inactive ones too). */
export interface AdminGuidanceTopic extends GuidanceTopicInput {
  id: string;
  sortOrder: number;
  active: boolean;
  updatedAt: string;
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
  /** the guide (办事指南) the answer links to, shown as 查看办事指南 */
  guide: { serviceId: string; serviceName: string } | null;
  /** staff lists only (masked) */
  applicantName?: string | null;
}

/** POST /staff/consultations/:id/answer */
export interface ConsultationAnswerRequest {
  answer: string;
  /** link the answer to this service's guide (办事指南) */
  guideServiceId?: string;
}

/** 待答复 / 已答复 */
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  open: '待答复',
  answered: '已答复',
};
