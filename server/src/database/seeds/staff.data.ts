import type { StaffRole } from '@gov/shared';
import { SEED_DEPARTMENTS, SEED_HALLS, SEED_SERVICES } from './catalog.data';

/** One demo staff account: its hall and, for a reviewer, its department (by seed key). */
export interface SeedStaff {
  username: string;
  name: string;
  hallKey: string;
  departmentKey: string | null;
  roles: StaffRole[];
}

/** Every demo staff account's password (documented in the README). */
export const DEMO_STAFF_PASSWORD = 'Staff@2026';

const WINDOW_NAMES = ['王窗口', '李窗口', '赵窗口', '孙窗口'];
const SUPERVISOR_NAMES = ['陈督办', '周督办', '吴督办', '郑督办'];

/**
 * The demo halls' staff (受审分离, 新郑; 新乡 三分离): in each hall (numbered 01 … 04 in SEED_HALLS
 * order) a window clerk `staff0N`, a supervisor `duban0N`, and a reviewer `review0N.<department key>`
 * for every department with a service at that hall — so that every demo filing can be accepted by
 * one person and decided by another.
 */
export function demoStaff(): SeedStaff[] {
  const out: SeedStaff[] = [];
  SEED_HALLS.forEach((h, i) => {
    const n = String(i + 1).padStart(2, '0');
    out.push({ username: `staff${n}`, name: WINDOW_NAMES[i] ?? `窗口${n}`, hallKey: h.key, departmentKey: null, roles: ['window'] });
    out.push({ username: `duban${n}`, name: SUPERVISOR_NAMES[i] ?? `督办${n}`, hallKey: h.key, departmentKey: null, roles: ['supervisor'] });
    const depts = new Set(SEED_SERVICES.filter((s) => s.hallKeys.includes(h.key)).map((s) => s.departmentKey));
    for (const d of SEED_DEPARTMENTS.filter((x) => depts.has(x.key))) {
      out.push({ username: `review${n}.${d.key}`, name: `${d.name.replace(/^(国家税务总局)?清河市/, '')}审核员`.slice(0, 32), hallKey: h.key, departmentKey: d.key, roles: ['reviewer'] });
    }
  });
  return out;
}
