/**
 * 演示用“一件事”（清河市）：几个部门的事项一次申请、一套材料、并联审批（罗山 联合办理；
 * 各地“高效办成一件事”重点事项清单）。事项按代码引用 catalog.data.ts。
 */
import { DataSource } from 'typeorm';
import { BundleEntity } from '../../bundles/entities/bundle.entity';
import { ServiceEntity } from '../../catalog/entities/service.entity';
import { isDuplicateKey } from '../../common/db/db-errors';
import { stableId } from '../../common/ids';

export interface SeedBundle {
  name: string;
  summary: string;
  serviceCodes: string[];
  promisedDays: number;
}

export const SEED_BUNDLES: SeedBundle[] = [
  {
    name: '开办餐饮店',
    summary: '营业执照、食品经营许可、公共场所卫生许可（设有就餐场所的）一次申请，营业执照不用另行提交',
    serviceCodes: ['QH-SCJG-001', 'QH-SCJG-003', 'QH-WJ-001'],
    promisedDays: 5,
  },
  {
    name: '新生儿出生',
    summary: '出生医学证明、户口登记、城乡居民医保参保一次申请，出生医学证明不用另行提交',
    serviceCodes: ['QH-WJ-006', 'QH-GA-006', 'QH-YB-003'],
    promisedDays: 3,
  },
  {
    name: '企业开办',
    summary: '设立登记、印章刻制备案、涉税事项一次申请，营业执照不用另行提交',
    serviceCodes: ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002'],
    promisedDays: 3,
  },
];

/**
 * The demo bundles, each once by a stable id (its name): a bundle an admin changed or withdrew is
 * left alone, and one whose services are missing is skipped. Returns how many were added.
 */
export async function seedBundles(ds: DataSource, now: Date): Promise<number> {
  const repo = ds.getRepository(BundleEntity);
  const services = await ds.getRepository(ServiceEntity).find({ select: { id: true, code: true } });
  const idOf = new Map(services.map((s) => [s.code, s.id]));
  let added = 0;
  for (const [i, b] of SEED_BUNDLES.entries()) {
    const id = stableId(`demo-bundle:${b.name}`);
    if (await repo.findOne({ where: { id }, select: { id: true } })) continue;
    const serviceIds = b.serviceCodes.map((c) => idOf.get(c));
    if (serviceIds.some((x) => !x)) continue;
    try {
      await repo.insert({ id, name: b.name, summary: b.summary, serviceIds: serviceIds as string[], promisedDays: b.promisedDays, active: true, sortOrder: i + 1, createdAt: now, updatedAt: now });
      added++;
    } catch (e) {
      // another instance seeded it first, or an admin made a bundle of that name
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return added;
}
