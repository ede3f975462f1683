import type { Audience, GuidanceApplicant, GuidanceMaterial, GuidanceQuestion } from '@gov/shared';

/**
 * 智能导办 as data (DESIGN.md, Across halls and departments: "guided questions lead to the right
 * service or bundle and a personal materials checklist"; 罗山 智能导办). A topic asks a few questions;
 * each outcome applies when all of its conditions hold and adds services (by catalogue code), a
 * bundle, the hall and materials. Pure functions: no I/O.
 */

/** questionId → the value(s) that make the condition hold */
export type GuidanceCondition = Readonly<Record<string, string | readonly string[]>>;

export interface GuidanceOutcome {
  /** empty or absent: always applies */
  when?: GuidanceCondition;
  /** catalogue service codes (ServiceEntity.code), in the order to apply */
  serviceCodes?: readonly string[];
  /** a 一件事 bundle covering them (the first applying outcome naming one wins) */
  bundleId?: string;
  /** the hall that handles it (the last applying outcome naming one wins) */
  hallId?: string;
  materials?: readonly GuidanceMaterial[];
}

/** A topic's stored definition (guidance_topics.definition). */
export interface GuidanceDefinition {
  /** the applicant kind unless a chosen option says otherwise (absent: a person) */
  applicant?: GuidanceApplicant;
  questions: readonly GuidanceQuestion[];
  outcomes: readonly GuidanceOutcome[];
}

/** What a complete, valid answer set leads to. */
export interface GuidancePlan {
  applicant: GuidanceApplicant;
  serviceCodes: string[];
  bundleId: string | null;
  hallId: string | null;
  materials: GuidanceMaterial[];
}

/** A wrong answer set: the question ids not answered, and those answered with a value not among the options. */
export interface AnswerProblems {
  missing: string[];
  invalid: string[];
}

/** Which questions are unanswered or answered with an unknown value; answers to unknown questions are ignored. */
export function answerProblems(def: GuidanceDefinition, answers: Readonly<Record<string, unknown>>): AnswerProblems {
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const q of def.questions) {
    const a = answers[q.id];
    if (a === undefined || a === null || a === '') missing.push(q.id);
    else if (typeof a !== 'string' || !q.options.some((o) => o.value === a)) invalid.push(q.id);
  }
  return { missing, invalid };
}

/** Whether every condition of `when` holds for the answers. */
export function outcomeApplies(when: GuidanceCondition | undefined, answers: Readonly<Record<string, string>>): boolean {
  return Object.entries(when ?? {}).every(([qid, v]) => (typeof v === 'string' ? answers[qid] === v : v.includes(answers[qid])));
}

/** Who applies: the kind the last chosen option with one names, else the topic's, else a person. */
export function applicantOf(def: GuidanceDefinition, answers: Readonly<Record<string, string>>): GuidanceApplicant {
  let kind: GuidanceApplicant = def.applicant ?? 'person';
  for (const q of def.questions) {
    const chosen = q.options.find((o) => o.value === answers[q.id]);
    if (chosen?.applicant) kind = chosen.applicant;
  }
  return kind;
}

/** Whether a service for `audience` takes an applicant of this kind. */
export function audienceAccepts(audience: Audience, kind: GuidanceApplicant): boolean {
  return audience === 'both' || audience === kind;
}

/**
 * The plan for a complete, valid answer set: the applicant kind, the services (codes, first mention
 * first, each once), the bundle, the hall and the personal checklist (each material once by name, in
 * first-mention order; required when any applying outcome requires it; notes of repeated mentions
 * joined; a certificate type kept from the first mention naming one).
 */
export function guide(def: GuidanceDefinition, answers: Readonly<Record<string, string>>): GuidancePlan {
  const serviceCodes: string[] = [];
  const byName = new Map<string, GuidanceMaterial>();
  let bundleId: string | null = null;
  let hallId: string | null = null;
  for (const o of def.outcomes) {
    if (!outcomeApplies(o.when, answers)) continue;
    for (const c of o.serviceCodes ?? []) if (!serviceCodes.includes(c)) serviceCodes.push(c);
    bundleId ??= o.bundleId ?? null;
    if (o.hallId) hallId = o.hallId;
    for (const m of o.materials ?? []) {
      const seen = byName.get(m.name);
      if (!seen) byName.set(m.name, { ...m });
      else {
        seen.required = seen.required || m.required;
        if (m.note && !seen.note.includes(m.note)) seen.note = seen.note ? `${seen.note}；${m.note}` : m.note;
        if (m.certificateType && !seen.certificateType) seen.certificateType = m.certificateType;
      }
    }
  }
  return { applicant: applicantOf(def, answers), serviceCodes, bundleId, hallId, materials: [...byName.values()] };
}

/** Every answer set a topic allows (the product of its options), for table-driven checks. */
export function allAnswerSets(def: GuidanceDefinition): Array<Record<string, string>> {
  return def.questions.reduce<Array<Record<string, string>>>((sets, q) => sets.flatMap((s) => q.options.map((o) => ({ ...s, [q.id]: o.value }))), [{}]);
}

/** At most this many answer combinations per topic (each is checked when the topic is saved). */
export const MAX_ANSWER_SETS = 1000;

/** What checking a topic needs of the catalogue: active services by code, and the halls. */
export interface TopicCatalogue {
  services: ReadonlyMap<string, { name: string; audience: Audience }>;
  hallIds: ReadonlySet<string>;
  /** the active 一件事 bundles an outcome may name */
  bundleIds: ReadonlySet<string>;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const APPLICANT_LABEL: Record<GuidanceApplicant, string> = { person: '个人', enterprise: '企业' };

/** The answers in words: 个体工商户、是、否 */
function answerWords(def: GuidanceDefinition, answers: Readonly<Record<string, string>>): string {
  return def.questions.map((q) => q.options.find((o) => o.value === answers[q.id])?.label ?? answers[q.id]).join('、');
}

/** Problems of the questions and of each outcome taken alone (fields `questions.<i>…`, `outcomes.<k>…`). */
function shapeProblems(def: GuidanceDefinition, cat: TopicCatalogue): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!def.questions.length) out.push({ field: 'questions', message: '请至少设置一个问题' });
  const ids = new Set<string>();
  def.questions.forEach((q, i) => {
    if (ids.has(q.id)) out.push({ field: `questions.${i}.id`, message: `问题编号“${q.id}”重复` });
    ids.add(q.id);
    if (q.options.length < 2) out.push({ field: `questions.${i}.options`, message: `问题“${q.text}”至少要有两个选项` });
    const values = new Set<string>();
    q.options.forEach((o, j) => {
      if (values.has(o.value)) out.push({ field: `questions.${i}.options.${j}.value`, message: `选项值“${o.value}”重复` });
      values.add(o.value);
    });
  });
  if (!def.outcomes.length) out.push({ field: 'outcomes', message: '请至少设置一条结果' });
  def.outcomes.forEach((o, k) => {
    for (const [qid, v] of Object.entries(o.when ?? {})) {
      const q = def.questions.find((x) => x.id === qid);
      if (typeof v !== 'string' && !(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))) {
        out.push({ field: `outcomes.${k}.when`, message: `条件“${qid}”的值应为选项值或选项值列表` });
        continue;
      }
      if (!q) {
        out.push({ field: `outcomes.${k}.when`, message: `条件引用了不存在的问题“${qid}”` });
        continue;
      }
      for (const value of typeof v === 'string' ? [v] : v) {
        if (!q.options.some((x) => x.value === value)) out.push({ field: `outcomes.${k}.when`, message: `“${value}”不是问题“${q.text}”的选项` });
      }
    }
    for (const c of o.serviceCodes ?? []) if (!cat.services.has(c)) out.push({ field: `outcomes.${k}.serviceCodes`, message: `事项“${c}”不存在或已下架` });
    if (o.hallId && !cat.hallIds.has(o.hallId)) out.push({ field: `outcomes.${k}.hallId`, message: '所选大厅不存在' });
    if (o.bundleId && !cat.bundleIds.has(o.bundleId)) out.push({ field: `outcomes.${k}.bundleId`, message: '所选一件事不存在或已停用' });
    if (!o.serviceCodes?.length && !o.bundleId && !o.hallId && !o.materials?.length) {
      out.push({ field: `outcomes.${k}`, message: '这条结果没有指向任何事项、一件事、大厅或材料' });
    }
  });
  return out;
}

/**
 * Every problem of a topic an admin saves: the shape (questions with at least two distinct options,
 * conditions naming existing questions and options, services active in the catalogue, halls that
 * exist) and then every answer combination: each leads to at least one service or a bundle, and
 * each service it leads to accepts the applicant kind the answers imply. Empty when it is sound.
 */
export function topicProblems(def: GuidanceDefinition, cat: TopicCatalogue): FieldProblem[] {
  const shape = shapeProblems(def, cat);
  if (shape.length) return shape;
  const count = def.questions.reduce((n, q) => n * q.options.length, 1);
  if (count > MAX_ANSWER_SETS) return [{ field: 'questions', message: `问题和选项的组合过多（${count} 种，最多 ${MAX_ANSWER_SETS} 种）` }];
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (p: FieldProblem) => {
    if (!seen.has(p.field)) out.push(p);
    seen.add(p.field);
  };
  for (const answers of allAnswerSets(def)) {
    const plan = guide(def, answers);
    if (!plan.serviceCodes.length && !plan.bundleId) add({ field: 'outcomes', message: `回答“${answerWords(def, answers)}”时没有对应的事项或一件事` });
    def.outcomes.forEach((o, k) => {
      if (!outcomeApplies(o.when, answers)) return;
      for (const c of o.serviceCodes ?? []) {
        const s = cat.services.get(c);
        if (s && !audienceAccepts(s.audience, plan.applicant)) {
          const who = APPLICANT_LABEL[plan.applicant];
          add({ field: `outcomes.${k}.serviceCodes`, message: `“${s.name}”不受理${who}申请，但回答“${answerWords(def, answers)}”时申请人是${who}` });
        }
      }
    });
  }
  return out;
}
