/**
 * Pure rules of a 一件事 filing's parts (DESIGN.md, Across halls and departments; 罗山 联合办理
 * 六(二) 超时默认): each service's department pre-reviews and decides its part in parallel; one
 * combined correction notice once every part has pre-reviewed; the filing is due when its slowest
 * part is due; a part not decided within its time is deemed to agree; one combined result.
 * No Nest, no database.
 */
import { PART_DECIDED, type ApplicationStatus, type PartAdvanceTarget, type PartStatus, type SlaState } from '@gov/shared';
import type { IsWorkday } from '../calendar/calendar.rules';
import { slaState } from './applications.rules';

/** What a part's step is called on the filing's timeline (APPLICATION_ACTION_LABELS). */
export type PartAction = 'part_flag' | 'part_pass' | 'part_start_review' | 'part_approve' | 'part_deny' | 'part_deemed';

interface PartEdge {
  from: readonly PartStatus[];
  action: PartAction;
  to: PartStatus;
}

/**
 * Every step a part takes by its department (or, for `part_deemed`, by its time running out).
 * A department may pre-review again while the filing still waits for the other parts (until the
 * combined notice goes out), and may decide straight from acceptance or after opening its review.
 */
export const PART_TRANSITIONS: readonly PartEdge[] = [
  { from: ['prereview', 'flagged', 'passed'], action: 'part_flag', to: 'flagged' },
  { from: ['prereview', 'flagged', 'passed'], action: 'part_pass', to: 'passed' },
  { from: ['accepted'], action: 'part_start_review', to: 'under_review' },
  { from: ['accepted', 'under_review'], action: 'part_approve', to: 'approved' },
  { from: ['accepted', 'under_review'], action: 'part_deny', to: 'denied' },
  { from: ['accepted', 'under_review'], action: 'part_deemed', to: 'deemed_approved' },
];

/** The status a part moves to by `action`, or null when the step is not allowed from `from`. */
export function partTransition(from: PartStatus, action: PartAction): PartStatus | null {
  const edge = PART_TRANSITIONS.find((e) => e.action === action && e.from.includes(from));
  return edge ? edge.to : null;
}

/** The part step a reviewer's `advance` target stands for. */
export function partActionOf(to: PartAdvanceTarget): PartAction {
  return to === 'under_review' ? 'part_start_review' : to === 'approved' ? 'part_approve' : 'part_deny';
}

/**
 * Where the filing's pre-review stands once a part has answered: `waiting` while some part has not
 * pre-reviewed, else `flag` (one combined notice naming every part's flags) when any part flagged,
 * else `pass`.
 */
export function prereviewOutcome(parts: ReadonlyArray<{ status: PartStatus }>): 'waiting' | 'flag' | 'pass' {
  if (parts.some((p) => p.status === 'prereview')) return 'waiting';
  return parts.some((p) => p.status === 'flagged') ? 'flag' : 'pass';
}

/** A part's status when the applicant submits (again): a new filing's parts and those that flagged go to pre-review; a passed part stays passed. */
export function partOnSubmit(status: PartStatus): PartStatus {
  return status === 'draft' || status === 'flagged' ? 'prereview' : status;
}

/** The bundle is due when its slowest part is due: the latest of the parts' due times (null when none has one). */
export function bundleDueAt(parts: ReadonlyArray<{ dueAt: Date | null }>): Date | null {
  let latest: Date | null = null;
  for (const p of parts) if (p.dueAt && (!latest || p.dueAt.getTime() > latest.getTime())) latest = p.dueAt;
  return latest;
}

/**
 * 超时默认 (罗山 联合办理 六(二)): a part accepted or under review whose due time has passed
 * without its department's decision is deemed to agree, as at its due time.
 */
export function deemedToAgree(part: { status: PartStatus; dueAt: Date | null }, now: Date): boolean {
  return (part.status === 'accepted' || part.status === 'under_review') && part.dueAt !== null && now.getTime() > part.dueAt.getTime();
}

/**
 * The combined result once every part is decided: `approve` when no part was denied (a deemed
 * agreement counts as agreement), `deny` when any was; null while some part is undecided.
 */
export function bundleResult(parts: ReadonlyArray<{ status: PartStatus }>): 'approve' | 'deny' | null {
  if (parts.length === 0 || parts.some((p) => !PART_DECIDED.includes(p.status))) return null;
  return parts.some((p) => p.status === 'denied') ? 'deny' : 'approve';
}

/** A part's SLA state as a filing's would be: running while accepted or under review, judged at its decision once decided. */
export function partSla(part: { status: PartStatus; dueAt: Date | null; decidedAt: Date | null }, now: Date, isWorkday: IsWorkday): SlaState | null {
  const as: ApplicationStatus | null = PART_DECIDED.includes(part.status) ? 'approved' : part.status === 'accepted' || part.status === 'under_review' ? 'under_review' : null;
  return as ? slaState({ status: as, dueAt: part.dueAt, decidedAt: part.decidedAt }, now, isWorkday) : null;
}
