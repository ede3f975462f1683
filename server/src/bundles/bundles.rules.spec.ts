import { bundleAudience, bundleProblems, materialKey, mergeMaterials, partPromisedDays, SourceMaterial } from './bundles.rules';

const mat = (id: string, name: string, o: Partial<SourceMaterial> = {}): SourceMaterial => ({
  id,
  name,
  form: 'original',
  required: true,
  tolerable: false,
  copies: 1,
  note: null,
  certificateType: null,
  ...o,
});

describe('mergeMaterials (one merged checklist)', () => {
  const licence = { id: 'licence', certificateType: '营业执照', materials: [mat('l1', '个体工商户登记申请书'), mat('l2', '法定代表人（负责人）身份证件'), mat('l3', '经营场所平面布局图', { tolerable: true })] };
  const food = {
    id: 'food',
    certificateType: '食品经营许可证',
    materials: [mat('f1', '食品经营许可申请书'), mat('f2', '营业执照副本复印件', { form: 'copy', certificateType: '营业执照' }), mat('f3', '法定代表人(负责人) 身份证件'), mat('f4', '经营场所平面布局图', { tolerable: false, copies: 2 })],
  };
  const health = { id: 'health', certificateType: '公共场所卫生许可证', materials: [mat('h1', '法定代表人（负责人）身份证件', { form: 'copy' }), mat('h2', '经营场所平面布局图', { tolerable: true, note: '标明面积' })] };

  it('asks for a material several services need (same name and form) once, naming every service that needs it', () => {
    const merged = mergeMaterials([licence, food, health]);
    const ids = merged.filter((m) => m.name.startsWith('法定代表人')).map((m) => [m.materialId, m.form, m.serviceIds, m.sourceIds]);
    // same name (bracket widths and spaces aside) and form: one line; a copy is another material
    expect(ids).toEqual([
      ['l2', 'original', ['licence', 'food'], ['l2', 'f3']],
      ['h1', 'copy', ['health'], ['h1']],
    ]);
    expect(merged.map((m) => m.materialId)).toEqual(['l1', 'l2', 'l3', 'f1', 'h1']);
  });

  it('keeps the strictest terms of a shared material: required if any requires it, 容缺 only if all allow it, the most copies', () => {
    const plan = mergeMaterials([licence, food, health]).find((m) => m.materialId === 'l3')!;
    expect(plan).toMatchObject({ required: true, tolerable: false, copies: 2, serviceIds: ['licence', 'food', 'health'], note: '标明面积' });
    const loose = mergeMaterials([
      { id: 'a', certificateType: null, materials: [mat('a1', '说明', { required: false, tolerable: true })] },
      { id: 'b', certificateType: null, materials: [mat('b1', '说明', { required: true, tolerable: true })] },
    ]);
    expect(loose).toEqual([expect.objectContaining({ materialId: 'a1', required: true, tolerable: true, serviceIds: ['a', 'b'] })]);
  });

  it('leaves out a material that another service of the bundle issues (the bundle produces the 营业执照)', () => {
    expect(mergeMaterials([licence, food]).some((m) => m.name.startsWith('营业执照'))).toBe(false);
    // without the service that issues it, it is asked for
    expect(mergeMaterials([food, health]).map((m) => m.materialId)).toContain('f2');
  });

  it('recognises a material by name and form, not by its punctuation', () => {
    expect(materialKey({ name: '居民身份证、户口簿', form: 'copy' })).toBe(materialKey({ name: '居民身份证 、户口簿', form: 'copy' }));
    expect(materialKey({ name: '身份证件', form: 'copy' })).not.toBe(materialKey({ name: '身份证件', form: 'original' }));
  });
});

describe('partPromisedDays', () => {
  it("is the service's promise, capped by the bundle's, and at least one day", () => {
    expect(partPromisedDays(3, 5)).toBe(3);
    expect(partPromisedDays(20, 5)).toBe(5);
    expect(partPromisedDays(0, 5)).toBe(1);
  });
});

describe('bundleAudience', () => {
  it('is persons only when every service is; a business-opening bundle is open to its founder too', () => {
    expect(bundleAudience(['person', 'person'])).toBe('person');
    expect(bundleAudience(['both', 'enterprise'])).toBe('both');
    expect(bundleAudience(['enterprise', 'enterprise'])).toBe('both');
  });
});

describe('bundleProblems', () => {
  const dept = new Map([
    ['s1', 'market'],
    ['s2', 'market'],
    ['s3', 'health'],
  ]);
  it('accepts services of two departments or more', () => {
    expect(bundleProblems({ serviceIds: ['s1', 's2', 's3'], promisedDays: 5 }, dept)).toEqual([]);
  });
  it('names every fault: one department, unknown or repeated services, no promise', () => {
    expect(bundleProblems({ serviceIds: ['s1', 's2'], promisedDays: 5 }, dept)).toEqual([{ field: 'serviceIds', message: '一件事须由至少 2 个部门的事项组成' }]);
    expect(bundleProblems({ serviceIds: ['s1', 'nope'], promisedDays: 0 }, dept).map((p) => p.field)).toEqual(['serviceIds.1', 'promisedDays']);
    expect(bundleProblems({ serviceIds: ['s1', 's1', 's3'], promisedDays: 2 }, dept).map((p) => p.field)).toEqual(['serviceIds']);
    expect(bundleProblems({ serviceIds: ['s3'], promisedDays: 2 }, dept)).toEqual([{ field: 'serviceIds', message: '一件事至少包含 2 个事项' }]);
  });
});
