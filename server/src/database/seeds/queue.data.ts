import { DataSource, In } from 'typeorm';
import { HallEntity } from '../../catalog/entities/hall.entity';
import { insertIgnoringDuplicates } from '../../common/db/bulk';
import { stableId } from '../../common/ids';
import { QueueWindowEntity } from '../../queue/entities/queue-window.entity';

/** The demo halls' queue windows, by hall name (each calls every service of its hall). */
export const SEED_WINDOWS: ReadonlyArray<{ hallName: string; windows: readonly string[] }> = [
  { hallName: '清河市政务服务中心', windows: ['1号窗口', '2号窗口', '3号窗口', '4号窗口'] },
  { hallName: '云溪县政务服务中心', windows: ['1号窗口', '2号窗口'] },
  { hallName: '云溪县白沙镇便民服务中心', windows: ['综合窗口'] },
];

/**
 * Inserts the demo windows of the demo halls under stable ids (hall, name): a second instance or a
 * later start inserts nothing, and a window an admin renamed keeps its name.
 */
export async function seedQueueWindows(ds: DataSource, now: Date): Promise<number> {
  const halls = await ds.getRepository(HallEntity).find({ where: { name: In(SEED_WINDOWS.map((w) => w.hallName)) }, select: { id: true, name: true } });
  const rows = halls.flatMap((h) =>
    SEED_WINDOWS.find((x) => x.hallName === h.name)!.windows.map((name, i) =>
      Object.assign(new QueueWindowEntity(), { id: stableId(`demo-window:${h.id}:${name}`), hallId: h.id, name, serviceIds: [], sortOrder: (i + 1) * 10, createdAt: now, updatedAt: now }),
    ),
  );
  if (!rows.length) return 0;
  const present = new Set((await ds.getRepository(QueueWindowEntity).find({ where: { id: In(rows.map((r) => r.id)) }, select: { id: true } })).map((r) => r.id));
  const missing = rows.filter((r) => !present.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return missing.length ? ds.transaction((em) => insertIgnoringDuplicates(em, QueueWindowEntity, missing)) : 0;
}
