/**
 * Wire shapes of 一件事 bundles (API.md, One-thing bundles; POST /admin/bundles; POST /applications
 * `{ bundleId }`; DESIGN.md, Across halls and departments; 罗山 联合办理 六(二) 超时默认).
 *
 * A bundle is several services of several departments applied for at once: one filing, one
 * number, one merged materials list (a material several services ask for, same name and form, is
 * asked for once), and one `part` per service, pre-reviewed and decided in parallel by that
 * service's department, each within its own promised days. The filing is due when its slowest
 * part is due; a part not answered within its time is deemed to agree (超时默认).
 */
import type { MaterialTerms } from '../api.types';
import type { Audience, SlaState } from '../enums';

/** GET /bundles: one bundle (public). */
export interface BundleSummary {
  id: string;
  name: string;
  /** one line on who it is for and what it saves */
  summary: string;
  /** the services, in the order the bundle lists them */
  serviceIds: string[];
  /** the bundle's promise in working days from acceptance: no part takes longer (a part's own promise may be shorter) */
  promisedDays: number;
  /** the departments that take part, by name, in the order of their services */
  departmentNames: string[];
}

/** One service of a bundle (GET /bundles/:id). */
export interface BundleServiceView {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  /** working days this part takes within the bundle: the service's promise, at most the bundle's */
  promisedDays: number;
  /** the electronic certificate the part issues on approval (营业执照 …), else null */
  certificateType: string | null;
}

/**
 * One line of the merged checklist: asked for once however many services need it. `required` when
 * at least one of the services requires it; `tolerable` (容缺: may be deferred under a credit
 * commitment) only when every service needing it allows it.
 */
export interface BundleMaterialView extends MaterialTerms {
  /** the material as the filing lists it (materials[].materialId of a bundle filing) */
  materialId: string;
  /** the services that need it (more than one: a shared material, asked for once) */
  serviceIds: string[];
}

/** GET /bundles/:id: the bundle with its services, the merged checklist (each material once) and the departments. */
export interface BundleDetail extends BundleSummary {
  audience: Audience;
  services: BundleServiceView[];
  materials: BundleMaterialView[];
  departments: Array<{ id: string; name: string }>;
}

/** POST /admin/bundles: services of at least two departments; `promisedDays` ≥ 1. */
export interface CreateBundleRequest {
  name: string;
  serviceIds: string[];
  promisedDays: number;
  summary?: string;
}

/**
 * Where one department's part of a bundle filing stands:
 * `draft` (filing not yet submitted), `prereview` (waiting for this department's pre-review),
 * `flagged` (this department flagged materials; the combined notice goes out once every part has
 * answered), `passed` (its pre-review passed; waiting for acceptance at the window), `accepted`
 * (its clock runs), `under_review`, `approved`, `denied`, `deemed_approved` (超时默认: its
 * department did not answer within its time and is deemed to agree).
 */
export const PART_STATUSES = ['draft', 'prereview', 'flagged', 'passed', 'accepted', 'under_review', 'approved', 'denied', 'deemed_approved'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const PART_STATUS_LABELS: Record<PartStatus, string> = {
  draft: '待提交',
  prereview: '待部门预审',
  flagged: '需补正',
  passed: '预审通过',
  accepted: '已受理',
  under_review: '审查中',
  approved: '准予许可',
  denied: '不予许可',
  deemed_approved: '超时默认同意',
};

/** A part that is decided (its department answered, or is deemed to have). */
export const PART_DECIDED: readonly PartStatus[] = ['approved', 'denied', 'deemed_approved'];

/** One department's part of a bundle filing (ApplicationView.parts). */
export interface ApplicationPartView {
  id: string;
  serviceId: string;
  serviceName: string;
  departmentId: string;
  departmentName: string;
  status: PartStatus;
  statusLabel: string;
  promisedDays: number;
  /** the filing's materials (materials[].materialId) this part needs */
  materialIds: string[];
  /** the materials this department flagged in the current round (they are in the filing's combined notice) */
  flaggedMaterialIds: string[];
  /** ISO instant; null before acceptance */
  acceptedAt: string | null;
  /** ISO instant: the end of its last promised working day; null before acceptance */
  dueAt: string | null;
  sla: SlaState | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** 超时默认: decided by its time running out, not by its department */
  deemed: boolean;
  /** the certificate this part issued on approval (licence-issuing services), else null */
  certificate: null | { id: string; type: string; number: string; verifyCode: string };
}

/** POST /staff/applications/:id/parts/:partId/prereview: one decision for each material of the part. */
export interface PartPrereviewRequest {
  decisions: Array<{ materialId: string; ok: boolean; reason?: string | null }>;
}

export const PART_ADVANCE_TARGETS = ['under_review', 'approved', 'denied'] as const;
export type PartAdvanceTarget = (typeof PART_ADVANCE_TARGETS)[number];

/** POST /staff/applications/:id/parts/:partId/advance: by a reviewer of the part's department who did not accept the filing. */
export interface PartAdvanceRequest {
  to: PartAdvanceTarget;
  note?: string;
}
