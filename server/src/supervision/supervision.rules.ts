import type { ResponsibleGroup, ResponsibleView } from '@gov/shared';

/** The key of a responsible person on the board: name and hall (null: nobody took the filing yet). */
const keyOf = (r: ResponsibleView | null): string => (r ? `${r.hallName}\u0000${r.name}` : '');

/**
 * 首问负责 on the supervisor's board: the filings (each once, in board order) grouped by their
 * responsible person, the person with the most overdue first, then the most filings, then by name;
 * filings nobody has taken yet (`responsible` null) last.
 */
export function groupByResponsible(filings: ReadonlyArray<{ id: string; sla: string | null; responsible: ResponsibleView | null }>): ResponsibleGroup[] {
  const groups = new Map<string, ResponsibleGroup>();
  const seen = new Set<string>();
  for (const f of filings) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const k = keyOf(f.responsible);
    const g = groups.get(k) ?? { responsible: f.responsible, applicationIds: [], overdue: 0 };
    g.applicationIds.push(f.id);
    if (f.sla === 'overdue') g.overdue++;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.responsible !== !b.responsible) return a.responsible ? -1 : 1;
    return b.overdue - a.overdue || b.applicationIds.length - a.applicationIds.length || keyOf(a.responsible).localeCompare(keyOf(b.responsible));
  });
}
