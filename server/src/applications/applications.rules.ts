/**
 * Pure rules of filings (DESIGN.md, Pre-review and filings): the state machine, filing and receipt
 * numbers, the one-time notice lock, the law's pre-review clock and the promised-days SLA.
 * No Nest, no database: everything the rules need is passed in.
 */
import { APPLICATION_STATUS_LABELS, DELIVERY_OPEN_STATUSES, type ActorKind, type ApplicationStatus, type CommitmentStatus, type DeliveryMethod, type SlaState } from '@gov/shared';
export type { ActorKind } from '@gov/shared';
export { EDITABLE_STATUSES as EDITABLE, isEditable } from '@gov/shared';
import { addWorkingDays, endOfDay, IsWorkday, shanghaiDate, workingDaysBetween } from '../calendar/calendar.rules';

// ---- the state machine ----

export const APPLICATION_ACTIONS = [
  'submit',
  'flag',
  'pass',
  'accept',
  'refuse',
  'start_review',
  'approve',
  'deny',
  'deliver',
  'withdraw',
  'deem_accept',
  'ready',
  'return',
  'complete',
  'forward',
  'receive',
  'send_back',
  'receive_approved',
  'receive_denied',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

interface Edge {
  from: ApplicationStatus;
  action: ApplicationAction;
  to: ApplicationStatus;
  by: ActorKind;
}

/**
 * Every allowed transition, and nothing else. DESIGN.md: draft → submitted → correction_required ⇄
 * submitted → prereview_passed → accepted | refused → under_review → approved | denied → delivered;
 * a submitted filing may be refused at once, and the originals check at the window
 * (prereview_passed) may still send the one correction notice; accepted | under_review → returned
 * (退件); a 即办 service goes from the window straight to delivered (临沂 二(三)1); withdraw before
 * acceptance; the law's clock (行政许可法 art. 32) accepts a filing still waiting for pre-review
 * (`submitted`, never one waiting for the applicant's originals) after 5 working days.
 */
export const TRANSITIONS: readonly Edge[] = [
  { from: 'draft', action: 'submit', to: 'submitted', by: 'applicant' },
  { from: 'correction_required', action: 'submit', to: 'submitted', by: 'applicant' },
  { from: 'submitted', action: 'flag', to: 'correction_required', by: 'staff' },
  { from: 'submitted', action: 'pass', to: 'prereview_passed', by: 'staff' },
  { from: 'prereview_passed', action: 'flag', to: 'correction_required', by: 'staff' },
  { from: 'prereview_passed', action: 'accept', to: 'accepted', by: 'staff' },
  { from: 'submitted', action: 'refuse', to: 'refused', by: 'staff' },
  { from: 'prereview_passed', action: 'refuse', to: 'refused', by: 'staff' },
  { from: 'submitted', action: 'complete', to: 'delivered', by: 'staff' },
  { from: 'prereview_passed', action: 'complete', to: 'delivered', by: 'staff' },
  { from: 'accepted', action: 'return', to: 'returned', by: 'staff' },
  { from: 'under_review', action: 'return', to: 'returned', by: 'staff' },
  { from: 'accepted', action: 'start_review', to: 'under_review', by: 'staff' },
  { from: 'under_review', action: 'approve', to: 'approved', by: 'staff' },
  { from: 'under_review', action: 'deny', to: 'denied', by: 'staff' },
  { from: 'approved', action: 'deliver', to: 'delivered', by: 'staff' },
  { from: 'denied', action: 'deliver', to: 'delivered', by: 'staff' },
  // the applicant collects at the window (新乡 四(六)): told where and when, then handed over
  { from: 'approved', action: 'ready', to: 'ready_for_pickup', by: 'staff' },
  { from: 'denied', action: 'ready', to: 'ready_for_pickup', by: 'staff' },
  { from: 'ready_for_pickup', action: 'deliver', to: 'delivered', by: 'staff' },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', by: 'applicant' },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', by: 'applicant' },
  { from: 'correction_required', action: 'withdraw', to: 'withdrawn', by: 'applicant' },
  { from: 'prereview_passed', action: 'withdraw', to: 'withdrawn', by: 'applicant' },
  { from: 'submitted', action: 'deem_accept', to: 'accepted', by: 'system' },
  // 同城通办 / 跨层联办 (forwarding.rules): accepted here, forwarded to the competent hall, received
  // there (the clock runs again); the decision sent back and received where it was filed
  { from: 'accepted', action: 'forward', to: 'forwarding', by: 'staff' },
  { from: 'forwarding', action: 'receive', to: 'accepted', by: 'staff' },
  { from: 'approved', action: 'send_back', to: 'returning', by: 'staff' },
  { from: 'denied', action: 'send_back', to: 'returning', by: 'staff' },
  { from: 'returning', action: 'receive_approved', to: 'approved', by: 'staff' },
  { from: 'returning', action: 'receive_denied', to: 'denied', by: 'staff' },
];

export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; code: 'INVALID_STATE' | 'FORBIDDEN' };

/** The one place that decides whether `action` may happen in `from`, and what state follows. */
export function transition(from: ApplicationStatus, action: ApplicationAction, by: ActorKind): TransitionResult {
  const edge = TRANSITIONS.find((e) => e.from === from && e.action === action);
  if (!edge) return { ok: false, code: 'INVALID_STATE' };
  if (edge.by !== by) return { ok: false, code: 'FORBIDDEN' };
  return { ok: true, to: edge.to };
}

/**
 * Whether the applicant may choose `method` now (新乡 四(六)): the filing is still open for it
 * (DELIVERY_OPEN_STATUSES, shared with the mini-app) and the service publishes the method.
 */
export function deliveryChoiceProblem(status: ApplicationStatus, method: DeliveryMethod, published: readonly DeliveryMethod[]): 'INVALID_STATE' | 'NOT_PUBLISHED' | null {
  if (!DELIVERY_OPEN_STATUSES.includes(status)) return 'INVALID_STATE';
  return published.includes(method) ? null : 'NOT_PUBLISHED';
}

/** States in which the promised-days clock runs. */
export const CLOCK_RUNNING: readonly ApplicationStatus[] = ['accepted', 'under_review'];
/** States after a decision: the clock stopped at `decidedAt` (a result travelling back to the filing hall too). */
export const DECIDED: readonly ApplicationStatus[] = ['approved', 'denied', 'ready_for_pickup', 'delivered', 'returning'];

/** The one label of each status (shared with the mini-app). */
export const STATUS_LABELS: Record<ApplicationStatus, string> = APPLICATION_STATUS_LABELS;

// ---- numbers ----

/** `ZW20261201-000123`: the Shanghai date and six random digits (not a counter: nothing to guess from a neighbour). */
export function filingNumber(at: Date, random6: number): string {
  return `ZW${shanghaiDate(at).replace(/-/g, '')}-${String(random6 % 1_000_000).padStart(6, '0')}`;
}

export const FILING_NUMBER_RE = /^ZW\d{8}-\d{6}$/;

/** 受理号: `SL20261201-4F7Q2K` (date and six random characters without look-alikes). */
export function receiptNumber(at: Date, random: Uint8Array): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 6; i++) s += alphabet[(random[i] ?? 0) % alphabet.length];
  return `SL${shanghaiDate(at).replace(/-/g, '')}-${s}`;
}

// ---- submission ----

export interface MaterialState {
  materialId: string;
  required: boolean;
  tolerable: boolean;
  fileCount: number;
  committed: boolean;
  /** 免提交: filled from a valid certificate of the applicant's */
  reused?: boolean;
}

/**
 * Required materials with no file, not filled from a certificate (免提交, DESIGN.md Results) and,
 * for tolerable ones, no credit commitment: these block submission.
 */
export function missingMaterials(materials: readonly MaterialState[]): string[] {
  return materials.filter((m) => m.required && m.fileCount === 0 && !m.reused && !(m.tolerable && m.committed)).map((m) => m.materialId);
}

// ---- pre-review and the one-time notice ----

export interface Decision {
  materialId: string;
  ok: boolean;
  reason?: string | null;
}

export type DecisionProblem = { field: string; message: string };

/** Staff decide on every material of the filing at once, each once, with a reason for each flag. */
export function checkDecisions(materialIds: readonly string[], decisions: readonly Decision[]): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const known = new Set(materialIds);
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!known.has(d.materialId)) problems.push({ field: `decisions.${i}.materialId`, message: '该材料不在本事项的材料清单中' });
    else if (seen.has(d.materialId)) problems.push({ field: `decisions.${i}.materialId`, message: '同一材料只能有一个结论' });
    seen.add(d.materialId);
    if (!d.ok && !(d.reason ?? '').trim()) problems.push({ field: `decisions.${i}.reason`, message: '需补正的材料必须写明原因' });
  });
  const undecided = materialIds.filter((id) => !seen.has(id));
  if (undecided.length) problems.push({ field: 'decisions', message: `还有 ${undecided.length} 项材料未给出结论，须对全部材料一次性作出结论` });
  return problems;
}

export interface NoticeHistory {
  /** how many correction notices have gone out */
  notices: number;
  /** materials named by any notice so far */
  named: ReadonlySet<string>;
  /** materials the applicant changed (files or commitment) after the first notice */
  changed: ReadonlySet<string>;
}

/**
 * The one-time notice (一次性告知): before any notice staff may flag anything on the list; after it,
 * only materials a notice named or that the applicant changed since. Returns the flags that break this.
 */
export function lockedFlags(history: NoticeHistory, decisions: readonly Decision[]): string[] {
  if (history.notices === 0) return [];
  return decisions.filter((d) => !d.ok && !history.named.has(d.materialId) && !history.changed.has(d.materialId)).map((d) => d.materialId);
}

// ---- after the notice: what the applicant changed ----

/** A material as it stood: the sha256 of its files (a set) and whether a credit commitment covers it. */
export interface MaterialSnapshot {
  files: readonly string[];
  committed: boolean;
}

/**
 * Whether the applicant changed a material since the latest correction notice. DESIGN.md, Pre-review:
 * "After the applicant corrects, staff may only reject materials that were flagged or changed" —
 * so "changed" must be a fact about the material, not about clicks: the material is changed when the
 * set of its files' sha256 differs from the set when the notice was issued (a file added, removed or
 * replaced by different bytes), or when a credit commitment (容缺) now covers it that did not then.
 * Uploading the very same bytes again, or removing a file and putting the same one back, is no change.
 * `atNotice` is null for notices issued before snapshots were kept: then any upload, removal or
 * commitment after the notice (`touched`) counts.
 */
export function changedSinceNotice(atNotice: MaterialSnapshot | null, now: MaterialSnapshot, touched: boolean): boolean {
  if (!atNotice) return touched;
  if (now.committed && !atNotice.committed) return true;
  const before = new Set(atNotice.files);
  const after = new Set(now.files);
  return before.size !== after.size || [...after].some((h) => !before.has(h));
}

/**
 * Resubmission after a notice (NOTHING_CORRECTED): the materials the notice flagged that are not
 * changed since it, in the notice's order. A flagged material now covered by a commitment made
 * since the notice counts as dealt with.
 */
export function uncorrectedMaterials(flagged: readonly string[], changed: (materialId: string) => boolean): string[] {
  return [...new Set(flagged)].filter((id) => !changed(id));
}

// ---- the law's pre-review clock (行政许可法 art. 32) ----

/** Working days the centre has to send a correction notice before a filing counts as accepted. */
export const LAW_PREREVIEW_DAYS = 5;

/** The moment the law's clock runs out: the end of the 5th working day after the day of submission. */
export const prereviewDeadline = (submittedAt: Date, isWorkday: IsWorkday, days = LAW_PREREVIEW_DAYS): Date =>
  endOfDay(addWorkingDays(shanghaiDate(submittedAt), days, isWorkday));

/** True when a filing still waiting for pre-review at `now` counts as accepted from its submission day. */
export const deemedAccepted = (submittedAt: Date, now: Date, isWorkday: IsWorkday, days = LAW_PREREVIEW_DAYS): boolean =>
  now.getTime() > prereviewDeadline(submittedAt, isWorkday, days).getTime();

/** Working days of pre-review left (0 on the last day and after). */
export function prereviewDaysLeft(submittedAt: Date, now: Date, isWorkday: IsWorkday, days = LAW_PREREVIEW_DAYS): number {
  const last = addWorkingDays(shanghaiDate(submittedAt), days, isWorkday);
  return Math.max(0, workingDaysBetween(shanghaiDate(now), last, isWorkday));
}

// ---- acceptance within one working day (新郑 五(二)2⑶) ----

/**
 * `acceptBy`: the working day (YYYY-MM-DD, Asia/Shanghai) by which the centre accepts a submission
 * or sends its notice — the first working day after the day of submission (新郑 五(二)2⑶: 一个
 * 工作日内受理或告知).
 */
export const acceptBy = (submittedAt: Date, isWorkday: IsWorkday): string => addWorkingDays(shanghaiDate(submittedAt), 1, isWorkday);

/** States in which the centre still owes its acceptance or notice (the applicant is not the one waited for). */
export const AWAITING_ACCEPTANCE: readonly ApplicationStatus[] = ['submitted', 'prereview_passed'];

/**
 * 受理超时, for the supervisor's board: a filing still awaiting acceptance (`acceptBy` set only then)
 * on a Shanghai day (`today`, YYYY-MM-DD) after its `acceptBy` day — the whole acceptance day is
 * allowed (新郑 五(二)2⑶).
 */
export const lateForAcceptance = (f: { acceptBy: string | null }, today: string): boolean => f.acceptBy !== null && f.acceptBy < today;

// ---- 容缺: the credit commitment kept (新乡 四(八); 临沂 一(一), 二(三)1) ----

/** A material of a filing as the commitment sees it: committed (容缺) or not, and how many files it has. */
export interface OwedState {
  materialId: string;
  committed: boolean;
  fileCount: number;
}

/** The materials a commitment still owes: committed and without any file, in the list's order. */
export const owedMaterials = (materials: readonly OwedState[]): string[] => materials.filter((m) => m.committed && m.fileCount === 0).map((m) => m.materialId);

/**
 * The commitment's status at acceptance: `open` while something is owed, `fulfilled` when the
 * committed materials were all handed in before, null when nothing was committed.
 */
export function commitmentAtAcceptance(materials: readonly OwedState[]): CommitmentStatus | null {
  if (!materials.some((m) => m.committed)) return null;
  return owedMaterials(materials).length ? 'open' : 'fulfilled';
}

/**
 * A filing's commitment as its view shows it, from its committed materials (with file counts) and
 * the status and due time stored at acceptance; null when nothing was committed. Before acceptance
 * the status reads open (or fulfilled once every committed material has a file) and `dueAt` null.
 */
export function commitmentView(
  a: { commitmentStatus: CommitmentStatus | null; commitmentDueAt: Date | null },
  committed: readonly OwedState[],
  now: Date,
  isWorkday: IsWorkday,
): { materialIds: string[]; owed: string[]; dueAt: string | null; daysLeft: number | null; status: CommitmentStatus } | null {
  if (!committed.some((m) => m.committed)) return null;
  const owed = owedMaterials(committed);
  const due = a.commitmentDueAt;
  return {
    materialIds: committed.filter((m) => m.committed).map((m) => m.materialId),
    owed,
    dueAt: due?.toISOString() ?? null,
    daysLeft: due ? Math.max(0, workingDaysBetween(shanghaiDate(now), shanghaiDate(due), isWorkday)) : null,
    status: a.commitmentStatus ?? (owed.length ? 'open' : 'fulfilled'),
  };
}

/** Whether an open commitment is breached at `now`: its due time passed with something still owed. */
export const commitmentBreached = (c: { status: CommitmentStatus | null; dueAt: Date | null }, owed: number, now: Date): boolean =>
  c.status === 'open' && c.dueAt !== null && owed > 0 && now.getTime() > c.dueAt.getTime();

/** How long a breach bars further 容缺: `barDays` calendar days from when it is recorded. */
export const barUntil = (recordedAt: Date, barDays: number): Date => new Date(recordedAt.getTime() + barDays * 86_400_000);

/** Until when the record bars 容缺 at `now` (the latest bar still running), or null when it does not. */
export function barredUntil(records: ReadonlyArray<{ barUntil: Date }>, now: Date): Date | null {
  const running = records.filter((r) => r.barUntil.getTime() > now.getTime()).map((r) => r.barUntil.getTime());
  return running.length ? new Date(Math.max(...running)) : null;
}

/** Whose credit record a filing's commitment is on: the company's when made for one, else the person's. */
export const creditSubject = (a: { userId: string; enterpriseId: string | null }): { type: 'person' | 'enterprise'; id: string } =>
  a.enterpriseId ? { type: 'enterprise', id: a.enterpriseId } : { type: 'person', id: a.userId };

// ---- the promised time limit ----

/**
 * on_track, due_soon (one working day or less left) or overdue; null before acceptance and for
 * filings that never started the clock. Once decided, the state is frozen at the decision.
 */
export function slaState(
  f: { status: ApplicationStatus; dueAt: Date | null; decidedAt: Date | null },
  now: Date,
  isWorkday: IsWorkday,
): SlaState | null {
  if (!f.dueAt) return null;
  if (DECIDED.includes(f.status)) {
    const at = f.decidedAt ?? now;
    return at.getTime() > f.dueAt.getTime() ? 'overdue' : 'on_track';
  }
  if (!CLOCK_RUNNING.includes(f.status)) return null;
  if (now.getTime() > f.dueAt.getTime()) return 'overdue';
  const left = workingDaysBetween(shanghaiDate(now), shanghaiDate(f.dueAt), isWorkday);
  return left <= 1 ? 'due_soon' : 'on_track';
}

/** Staff lists: key projects first, then overdue, then due soon, then the earliest deadline or submission. */
export function staffOrder<T extends { keyProject: boolean; sla: SlaState | null; dueAt: Date | null; submittedAt: Date | null; createdAt: Date }>(
  a: T,
  b: T,
): number {
  if (a.keyProject !== b.keyProject) return a.keyProject ? -1 : 1;
  const rank = (s: SlaState | null) => (s === 'overdue' ? 0 : s === 'due_soon' ? 1 : 2);
  if (rank(a.sla) !== rank(b.sla)) return rank(a.sla) - rank(b.sla);
  const t = (x: T) => (x.dueAt ?? x.submittedAt ?? x.createdAt).getTime();
  return t(a) - t(b);
}

// ---- the receipt (受理通知书) ----

/** A filing's material as the receipt lists it. */
export interface ReceiptMaterial {
  name: string;
  /** files uploaded */
  files: number;
  /** 免提交: the certificate that stood for it */
  reused: { type: string; number: string } | null;
  /** owed under a credit commitment (容缺) */
  committed: boolean;
}

/**
 * The receipt's lists (新郑 四(一)2: 受理通知书 lists what was received): the materials received, with
 * how many files or the certificate that stood for one, and those owed under a commitment with the
 * day they are due (`owedBy`, the commitment's due day as the receipt writes it; null when the
 * filing has no dated commitment). A material neither given nor owed (an optional one left out) is
 * in neither list.
 */
export function receiptLists(materials: readonly ReceiptMaterial[], owedBy: string | null): Array<{ title: string; items: string[] }> {
  const received: string[] = [];
  const owed: string[] = [];
  for (const m of materials) {
    if (m.files > 0) received.push(`${m.name}（${m.files} 个文件）`);
    else if (m.reused) received.push(`${m.name}（电子证照免提交：${m.reused.type}，编号 ${m.reused.number}）`);
    else if (m.committed) owed.push(owedBy ? `${m.name}（容缺受理，须于${owedBy}前补交）` : `${m.name}（容缺受理，待补交）`);
  }
  return [{ title: '已收取的申请材料', items: received.length ? received : ['无'] }, ...(owed.length ? [{ title: '容缺待补交的材料', items: owed }] : [])];
}

/** Pre-review steps (网上预审): looking at the materials before anyone takes the filing. */
const PREREVIEW_ACTIONS: ReadonlySet<string> = new Set(['flag', 'pass']);

/**
 * 首问负责 (DESIGN.md, Across halls and departments): whether a staff step makes its actor the
 * filing's responsible person — the first step that takes the filing (accepting, refusing or
 * completing it at the window, or reviewing one the law's clock accepted), never pre-review, and
 * never once someone is named: the responsible person stays to the end.
 */
export function takesResponsibility(current: string | null, action: string): boolean {
  return current === null && !PREREVIEW_ACTIONS.has(action);
}
