import type { GuidanceMaterial, GuidanceQuestion } from '@gov/shared';

/**
 * 智能导办 as data (DESIGN.md, Across halls and departments: "guided questions lead to the right
 * service or bundle and a personal materials checklist"; 罗山 智能导办). A topic asks a few questions;
 * each outcome applies when all of its conditions hold and adds services (by catalogue code) and
 * materials. Pure functions: no I/O.
 */

/** questionId → the value(s) that make the condition hold */
export type GuidanceCondition = Readonly<Record<string, string | readonly string[]>>;

export interface GuidanceOutcome {
  /** empty or absent: always applies */
  when?: GuidanceCondition;
  /** catalogue service codes (ServiceEntity.code), in the order to apply */
  serviceCodes?: readonly string[];
  materials?: readonly GuidanceMaterial[];
}

/** A topic's stored definition (guidance_topics.definition). */
export interface GuidanceDefinition {
  questions: readonly GuidanceQuestion[];
  outcomes: readonly GuidanceOutcome[];
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

/**
 * The services (codes, first mention first, each once) and the personal checklist (each material once
 * by name, in first-mention order; required when any applying outcome requires it; notes of repeated
 * mentions joined) for a complete, valid answer set.
 */
export function guide(def: GuidanceDefinition, answers: Readonly<Record<string, string>>): { serviceCodes: string[]; materials: GuidanceMaterial[] } {
  const serviceCodes: string[] = [];
  const byName = new Map<string, GuidanceMaterial>();
  for (const o of def.outcomes) {
    if (!outcomeApplies(o.when, answers)) continue;
    for (const c of o.serviceCodes ?? []) if (!serviceCodes.includes(c)) serviceCodes.push(c);
    for (const m of o.materials ?? []) {
      const seen = byName.get(m.name);
      if (!seen) byName.set(m.name, { ...m });
      else {
        seen.required = seen.required || m.required;
        if (m.note && !seen.note.includes(m.note)) seen.note = seen.note ? `${seen.note}；${m.note}` : m.note;
      }
    }
  }
  return { serviceCodes, materials: [...byName.values()] };
}

/** Every answer set a topic allows (the product of its options), for table-driven checks. */
export function allAnswerSets(def: GuidanceDefinition): Array<Record<string, string>> {
  return def.questions.reduce<Array<Record<string, string>>>((sets, q) => sets.flatMap((s) => q.options.map((o) => ({ ...s, [q.id]: o.value }))), [{}]);
}
