import { DataSource, In } from 'typeorm';
import type { HallPolicyRequest } from '@gov/shared';
import { HallEntity } from '../../catalog/entities/hall.entity';
import { insertIgnoringDuplicates } from '../../common/db/bulk';
import { HallPolicyEntity } from '../../catalog/entities/hall-policy.entity';
import { sortWindows } from '../../catalog/hall-policy.rules';

const weekdays = (sessions: ReadonlyArray<[string, string]>): HallPolicyRequest['openingHours'] =>
  [1, 2, 3, 4, 5].flatMap((weekday) => sessions.map(([start, end]) => ({ weekday, start, end })));

/**
 * The demo halls' own rules (issue 15), by hall name:
 * - 清河市政务服务中心 follows 罗山 预约办 四.2: 30 minutes' grace, and a late applicant is phoned
 *   before the no-show counts;
 * - 云溪县政务服务中心 follows 新郑 五(三)3: 60 minutes' grace, counted without a call.
 * Opening hours are the halls' published hours (their `hours` line). Other halls keep the defaults.
 */
export const SEED_HALL_POLICIES: ReadonlyArray<{ hallName: string; policy: HallPolicyRequest }> = [
  {
    hallName: '清河市政务服务中心',
    policy: { noShowGraceMinutes: 30, noShowContactRequired: true, openingHours: weekdays([['09:00', '12:00'], ['13:30', '17:00']]) },
  },
  {
    hallName: '云溪县政务服务中心',
    policy: { noShowGraceMinutes: 60, noShowContactRequired: false, openingHours: weekdays([['08:30', '12:00'], ['14:30', '17:30']]) },
  },
];

/** Inserts the demo policies of halls that have none (an admin's policy is never overwritten; a second instance inserts nothing). */
export async function seedHallPolicies(ds: DataSource, now: Date): Promise<number> {
  const halls = await ds.getRepository(HallEntity).find({ where: { name: In(SEED_HALL_POLICIES.map((p) => p.hallName)) }, select: { id: true, name: true } });
  const rows = halls.map((h) => {
    const p = SEED_HALL_POLICIES.find((x) => x.hallName === h.name)!.policy;
    return Object.assign(new HallPolicyEntity(), { hallId: h.id, noShowGraceMinutes: p.noShowGraceMinutes, noShowContactRequired: p.noShowContactRequired, openingHours: sortWindows(p.openingHours), createdAt: now, updatedAt: now });
  });
  if (!rows.length) return 0;
  const present = new Set((await ds.getRepository(HallPolicyEntity).find({ where: { hallId: In(rows.map((r) => r.hallId)) }, select: { hallId: true } })).map((r) => r.hallId));
  const missing = rows.filter((r) => !present.has(r.hallId));
  return missing.length ? ds.transaction((em) => insertIgnoringDuplicates(em, HallPolicyEntity, missing)) : 0;
}
