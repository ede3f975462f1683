import { allAnswerSets, answerProblems, guide, outcomeApplies, type GuidanceDefinition } from './guidance.rules';
import { SEED_TOPICS } from './guidance.topics.data';

const topic = (id: string): GuidanceDefinition => SEED_TOPICS.find((t) => t.id === id)!.definition;
const names = (def: GuidanceDefinition, a: Record<string, string>) => guide(def, a).materials.map((m) => m.name);

describe('guide (智能导办 outcomes)', () => {
  const def: GuidanceDefinition = {
    questions: [
      { id: 'a', text: 'A?', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
      { id: 'b', text: 'B?', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
    ],
    outcomes: [
      { serviceCodes: ['S1'], materials: [{ name: '身份证', required: false, note: '本人' }] },
      { when: { a: 'x' }, serviceCodes: ['S2', 'S1'], materials: [{ name: '身份证', required: true, note: '法定代表人' }] },
      { when: { a: ['x', 'y'], b: 'yes' }, serviceCodes: ['S3'], materials: [{ name: '健康证', required: true, note: '' }] },
    ],
  };

  it('lists each service once in first-mention order and each material once, required if any outcome requires it', () => {
    expect(guide(def, { a: 'x', b: 'yes' })).toEqual({
      serviceCodes: ['S1', 'S2', 'S3'],
      materials: [
        { name: '身份证', required: true, note: '本人；法定代表人' },
        { name: '健康证', required: true, note: '' },
      ],
    });
  });

  it('leaves out outcomes whose conditions do not all hold', () => {
    expect(guide(def, { a: 'y', b: 'no' })).toEqual({ serviceCodes: ['S1'], materials: [{ name: '身份证', required: false, note: '本人' }] });
    expect(outcomeApplies({ a: ['x', 'y'], b: 'yes' }, { a: 'y', b: 'no' })).toBe(false);
    expect(outcomeApplies(undefined, {})).toBe(true);
  });

  it('does not change the topic it reads', () => {
    guide(def, { a: 'x', b: 'yes' });
    expect(def.outcomes[0].materials![0]).toEqual({ name: '身份证', required: false, note: '本人' });
  });

  it('names unanswered questions and answers that are not among the options', () => {
    expect(answerProblems(def, { a: 'z' })).toEqual({ missing: ['b'], invalid: ['a'] });
    expect(answerProblems(def, { a: 'x', b: 'no', other: 'ignored' })).toEqual({ missing: [], invalid: [] });
    expect(answerProblems(def, { a: 1, b: '' })).toEqual({ missing: ['b'], invalid: ['a'] });
  });

  it('enumerates every answer set of a topic', () => {
    expect(allAnswerSets(def)).toEqual([
      { a: 'x', b: 'yes' },
      { a: 'x', b: 'no' },
      { a: 'y', b: 'yes' },
      { a: 'y', b: 'no' },
    ]);
  });
});

describe('the seeded topics, every answer combination', () => {
  // 开办餐饮店: form × leisure × staff → services by catalogue code
  const restaurant: Array<[string, string, string, string[]]> = [
    ['individual', 'no', 'no', ['QH-SCJG-001', 'QH-SCJG-003']],
    ['individual', 'no', 'yes', ['QH-SCJG-001', 'QH-SCJG-003']],
    ['individual', 'yes', 'no', ['QH-SCJG-001', 'QH-SCJG-003', 'QH-WJ-001']],
    ['individual', 'yes', 'yes', ['QH-SCJG-001', 'QH-SCJG-003', 'QH-WJ-001']],
    ['company', 'no', 'no', ['QH-SCJG-002', 'QH-GA-009', 'QH-SCJG-003']],
    ['company', 'no', 'yes', ['QH-SCJG-002', 'QH-GA-009', 'QH-SCJG-003', 'QH-RS-007']],
    ['company', 'yes', 'no', ['QH-SCJG-002', 'QH-GA-009', 'QH-SCJG-003', 'QH-WJ-001']],
    ['company', 'yes', 'yes', ['QH-SCJG-002', 'QH-GA-009', 'QH-SCJG-003', 'QH-RS-007', 'QH-WJ-001']],
  ];
  it.each(restaurant)('开办餐饮店 %s / 休闲区 %s / 员工 %s', (form, leisure, staff, codes) => {
    const def = topic('open-restaurant');
    const a = { form, leisure, staff };
    expect(guide(def, a).serviceCodes).toEqual(codes);
    const m = names(def, a);
    expect(m.includes('从业人员健康证明')).toBe(staff === 'yes');
    expect(m.includes('卫生检测（评价）报告')).toBe(leisure === 'yes');
    expect(m.includes('公司章程')).toBe(form === 'company');
    expect(m.filter((n) => n === '经营场所使用证明')).toHaveLength(1);
  });

  const newborn: Array<[string, string, string, string[]]> = [
    ['hospital', 'yes', 'yes', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001', 'QH-YB-002']],
    ['hospital', 'yes', 'no', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001']],
    ['hospital', 'no', 'yes', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001', 'QH-YB-002']],
    ['hospital', 'no', 'no', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001']],
    ['outside', 'yes', 'yes', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001', 'QH-YB-002']],
    ['outside', 'yes', 'no', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001']],
    ['outside', 'no', 'yes', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001', 'QH-YB-002']],
    ['outside', 'no', 'no', ['QH-GA-006', 'QH-YB-003', 'QH-RS-001']],
  ];
  it.each(newborn)('新生儿出生 %s / 已婚 %s / 职工生育保险 %s', (birthplace, married, maternity, codes) => {
    const def = topic('newborn');
    const a = { birthplace, married, maternity };
    expect(guide(def, a).serviceCodes).toEqual(codes);
    const m = names(def, a);
    expect(m.slice(0, 3)).toEqual(['出生医学证明', '居民身份证', '居民户口簿']);
    expect(m.includes('亲子鉴定证明')).toBe(birthplace === 'outside');
    expect(m.includes('结婚证')).toBe(married === 'yes');
    expect(m.includes('非婚生育说明')).toBe(married === 'no');
  });

  const company: Array<[string, string, string, string[], string]> = [
    ['yes', 'yes', 'own', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002', 'QH-SW-001', 'QH-RS-007'], '不动产权证书'],
    ['yes', 'yes', 'rented', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002', 'QH-SW-001', 'QH-RS-007'], '租赁合同及出租方产权证明'],
    ['yes', 'no', 'own', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002', 'QH-SW-001'], '不动产权证书'],
    ['yes', 'no', 'rented', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002', 'QH-SW-001'], '租赁合同及出租方产权证明'],
    ['no', 'yes', 'own', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002', 'QH-RS-007'], '不动产权证书'],
    ['no', 'yes', 'rented', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002', 'QH-RS-007'], '租赁合同及出租方产权证明'],
    ['no', 'no', 'own', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002'], '不动产权证书'],
    ['no', 'no', 'rented', ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002'], '租赁合同及出租方产权证明'],
  ];
  it.each(company)('企业开办 发票 %s / 员工 %s / 场所 %s', (invoice, staff, premises, codes, premisesNote) => {
    const r = guide(topic('start-company'), { invoice, staff, premises });
    expect(r.serviceCodes).toEqual(codes);
    expect(r.materials.find((m) => m.name === '经营场所使用证明')?.note).toBe(premisesNote);
    expect(r.materials.some((m) => m.name === '办税人员身份证明')).toBe(invoice === 'yes');
  });

  it('covers every combination of every seeded topic, and each is answerable', () => {
    const counts = Object.fromEntries(SEED_TOPICS.map((t) => [t.id, allAnswerSets(t.definition).length]));
    expect(counts).toEqual({ 'open-restaurant': restaurant.length, newborn: newborn.length, 'start-company': company.length });
    for (const t of SEED_TOPICS) for (const a of allAnswerSets(t.definition)) expect(answerProblems(t.definition, a)).toEqual({ missing: [], invalid: [] });
  });
});
