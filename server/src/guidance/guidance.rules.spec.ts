import { allAnswerSets, answerProblems, applicantOf, guide, outcomeApplies, topicProblems, type GuidanceDefinition, type TopicCatalogue } from './guidance.rules';
import { SEED_HALL_KEYS, SEED_TOPICS } from './guidance.topics.data';

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
      applicant: 'person',
      bundleId: null,
      hallId: null,
      serviceCodes: ['S1', 'S2', 'S3'],
      materials: [
        { name: '身份证', required: true, note: '本人；法定代表人' },
        { name: '健康证', required: true, note: '' },
      ],
    });
  });

  it('leaves out outcomes whose conditions do not all hold', () => {
    expect(guide(def, { a: 'y', b: 'no' })).toMatchObject({ serviceCodes: ['S1'], materials: [{ name: '身份证', required: false, note: '本人' }] });
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


describe('who applies, the hall, the bundle', () => {
  const def: GuidanceDefinition = {
    applicant: 'enterprise',
    questions: [
      { id: 'who', text: '谁？', options: [{ value: 'me', label: '个人', applicant: 'person' }, { value: 'co', label: '企业', applicant: 'enterprise' }, { value: 'any', label: '都行' }] },
      { id: 'where', text: '哪里？', options: [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }] },
    ],
    outcomes: [
      { serviceCodes: ['P'], hallId: 'H1' },
      { when: { where: 'b' }, hallId: 'H2', bundleId: 'B1' },
      { when: { where: 'b', who: 'co' }, hallId: 'H3', bundleId: 'B2' },
    ],
  };

  it('takes the applicant kind from the chosen option, else the topic', () => {
    expect(applicantOf(def, { who: 'me', where: 'a' })).toBe('person');
    expect(applicantOf(def, { who: 'any', where: 'a' })).toBe('enterprise');
    expect(applicantOf({ ...def, applicant: undefined }, { who: 'any', where: 'a' })).toBe('person');
  });

  it('takes the hall from the last applying outcome naming one and the bundle from the first', () => {
    expect(guide(def, { who: 'me', where: 'a' })).toMatchObject({ hallId: 'H1', bundleId: null });
    expect(guide(def, { who: 'co', where: 'b' })).toMatchObject({ hallId: 'H3', bundleId: 'B1', applicant: 'enterprise' });
  });
});

describe('topicProblems (what an admin may save)', () => {
  const cat: TopicCatalogue = {
    services: new Map([
      ['P', { name: '个人事项', audience: 'person' }],
      ['E', { name: '企业事项', audience: 'enterprise' }],
      ['B', { name: '通用事项', audience: 'both' }],
    ]),
    hallIds: new Set(['H1']),
    bundleIds: new Set(['BUNDLE1']),
  };
  const who = { id: 'who', text: '谁来申请？', options: [{ value: 'me', label: '个人', applicant: 'person' as const }, { value: 'co', label: '企业', applicant: 'enterprise' as const }] };

  it('accepts a sound topic', () => {
    expect(topicProblems({ questions: [who], outcomes: [{ serviceCodes: ['B'], hallId: 'H1' }, { when: { who: 'co' }, serviceCodes: ['E'] }] }, cat)).toEqual([]);
  });

  it('names a question without options, an unknown service, hall, question or option, and an empty outcome', () => {
    const fields = topicProblems(
      {
        questions: [who, { id: 'who', text: '没有选项？', options: [] }],
        outcomes: [{ serviceCodes: ['NOPE'], hallId: 'H9' }, { when: { where: 'x' } }, { when: { who: 'nobody' }, serviceCodes: ['B'] }, { when: { who: 3 as unknown as string }, serviceCodes: ['B'] }],
      },
      cat,
    );
    expect(fields).toEqual([
      { field: 'questions.1.id', message: '问题编号“who”重复' },
      { field: 'questions.1.options', message: '问题“没有选项？”至少要有两个选项' },
      { field: 'outcomes.0.serviceCodes', message: '事项“NOPE”不存在或已下架' },
      { field: 'outcomes.0.hallId', message: '所选大厅不存在' },
      { field: 'outcomes.1.when', message: '条件引用了不存在的问题“where”' },
      { field: 'outcomes.1', message: '这条结果没有指向任何事项、一件事、大厅或材料' },
      { field: 'outcomes.2.when', message: '“nobody”不是问题“谁来申请？”的选项' },
      { field: 'outcomes.3.when', message: '条件“who”的值应为选项值或选项值列表' },
    ]);
  });

  it('refuses a service that does not take the applicant the answers imply, naming the answers', () => {
    expect(topicProblems({ questions: [who], outcomes: [{ serviceCodes: ['B'] }, { when: { who: 'me' }, serviceCodes: ['E'] }] }, cat)).toEqual([
      { field: 'outcomes.1.serviceCodes', message: '“企业事项”不受理个人申请，但回答“个人”时申请人是个人' },
    ]);
  });

  it('refuses an answer combination that leads to no service or bundle', () => {
    expect(topicProblems({ questions: [who], outcomes: [{ when: { who: 'co' }, serviceCodes: ['E'] }] }, cat)).toEqual([
      { field: 'outcomes', message: '回答“个人”时没有对应的事项或一件事' },
    ]);
    expect(topicProblems({ questions: [who], outcomes: [{ bundleId: 'BUNDLE1' }] }, cat)).toEqual([]);
    // a bundle that does not exist (or was switched off) is named, not saved for citizens to be sent to
    expect(topicProblems({ questions: [who], outcomes: [{ bundleId: 'b-1' }] }, cat)).toEqual([{ field: 'outcomes.0.bundleId', message: '所选一件事不存在或已停用' }]);
  });

  it('refuses more combinations than it can check', () => {
    const q = (id: string) => ({ id, text: id, options: Array.from({ length: 10 }, (_, i) => ({ value: `v${i}`, label: `${i}` })) });
    expect(topicProblems({ questions: [q('a'), q('b'), q('c'), q('d')], outcomes: [{ serviceCodes: ['B'] }] }, cat)).toEqual([
      { field: 'questions', message: '问题和选项的组合过多（10000 种，最多 1000 种）' },
    ]);
  });
});

/**
 * One row per answer combination: the answers (in question order), the services (catalogue codes
 * without `QH-`), the hall (seed key: city, county, town; `-` none) and the materials beyond those
 * every combination of the topic asks for, in checklist order.
 */
type Row = { answers: string[]; codes: string[]; hall: string; extra: string[] };
const rows = (table: string): Row[] =>
  table
    .trim()
    .split('\n')
    .map((line) => {
      const [answers, codes, hall, extra] = line.split('|').map((x) => x.trim());
      return { answers: answers.split(/\s+/), codes: codes.split(/\s+/).map((c) => `QH-${c}`), hall, extra: extra ? extra.split(/\s+/) : [] };
    });

const TABLES: Record<string, { common: string[]; table: string }> = {
  'start-company': {
    common: ['公司登记（备案）申请书', '公司章程', '股东主体资格证明', '居民身份证', '经营场所使用证明'],
    table: `
      yes yes own city     | SCJG-002 GA-009 SW-002 SW-001 RS-007 | city   | 办税人员身份证明 单位社会保险登记表
      yes yes own county   | SCJG-002 GA-009 SW-002 SW-001 RS-007 | county | 办税人员身份证明 单位社会保险登记表
      yes yes rented city  | SCJG-002 GA-009 SW-002 SW-001 RS-007 | city   | 办税人员身份证明 单位社会保险登记表
      yes yes rented county| SCJG-002 GA-009 SW-002 SW-001 RS-007 | county | 办税人员身份证明 单位社会保险登记表
      yes no own city      | SCJG-002 GA-009 SW-002 SW-001        | city   | 办税人员身份证明
      yes no own county    | SCJG-002 GA-009 SW-002 SW-001        | county | 办税人员身份证明
      yes no rented city   | SCJG-002 GA-009 SW-002 SW-001        | city   | 办税人员身份证明
      yes no rented county | SCJG-002 GA-009 SW-002 SW-001        | county | 办税人员身份证明
      no yes own city      | SCJG-002 GA-009 SW-002 RS-007        | city   | 单位社会保险登记表
      no yes own county    | SCJG-002 GA-009 SW-002 RS-007        | county | 单位社会保险登记表
      no yes rented city   | SCJG-002 GA-009 SW-002 RS-007        | city   | 单位社会保险登记表
      no yes rented county | SCJG-002 GA-009 SW-002 RS-007        | county | 单位社会保险登记表
      no no own city       | SCJG-002 GA-009 SW-002               | city   |
      no no own county     | SCJG-002 GA-009 SW-002               | county |
      no no rented city    | SCJG-002 GA-009 SW-002               | city   |
      no no rented county  | SCJG-002 GA-009 SW-002               | county |`,
  },
  newborn: {
    common: ['出生医学证明', '居民身份证', '居民户口簿'],
    table: `
      hospital yes yes city   | GA-006 YB-003 RS-001 YB-002 | city   | 结婚证 本人社会保障卡或银行卡
      hospital yes yes county | GA-006 YB-003 RS-001 YB-002 | county | 结婚证 本人社会保障卡或银行卡
      hospital yes yes town   | GA-006 YB-003 RS-001 YB-002 | county | 结婚证 本人社会保障卡或银行卡
      hospital yes no city    | GA-006 YB-003 RS-001        | city   | 结婚证
      hospital yes no county  | GA-006 YB-003 RS-001        | county | 结婚证
      hospital yes no town    | GA-006 YB-003 RS-001        | town   | 结婚证
      hospital no yes city    | GA-006 YB-003 RS-001 YB-002 | city   | 非婚生育说明 本人社会保障卡或银行卡
      hospital no yes county  | GA-006 YB-003 RS-001 YB-002 | county | 非婚生育说明 本人社会保障卡或银行卡
      hospital no yes town    | GA-006 YB-003 RS-001 YB-002 | county | 非婚生育说明 本人社会保障卡或银行卡
      hospital no no city     | GA-006 YB-003 RS-001        | city   | 非婚生育说明
      hospital no no county   | GA-006 YB-003 RS-001        | county | 非婚生育说明
      hospital no no town     | GA-006 YB-003 RS-001        | town   | 非婚生育说明
      outside yes yes city    | GA-006 YB-003 RS-001 YB-002 | city   | 亲子鉴定证明 结婚证 本人社会保障卡或银行卡
      outside yes yes county  | GA-006 YB-003 RS-001 YB-002 | county | 亲子鉴定证明 结婚证 本人社会保障卡或银行卡
      outside yes yes town    | GA-006 YB-003 RS-001 YB-002 | county | 亲子鉴定证明 结婚证 本人社会保障卡或银行卡
      outside yes no city     | GA-006 YB-003 RS-001        | city   | 亲子鉴定证明 结婚证
      outside yes no county   | GA-006 YB-003 RS-001        | county | 亲子鉴定证明 结婚证
      outside yes no town     | GA-006 YB-003 RS-001        | town   | 亲子鉴定证明 结婚证
      outside no yes city     | GA-006 YB-003 RS-001 YB-002 | city   | 亲子鉴定证明 非婚生育说明 本人社会保障卡或银行卡
      outside no yes county   | GA-006 YB-003 RS-001 YB-002 | county | 亲子鉴定证明 非婚生育说明 本人社会保障卡或银行卡
      outside no yes town     | GA-006 YB-003 RS-001 YB-002 | county | 亲子鉴定证明 非婚生育说明 本人社会保障卡或银行卡
      outside no no city      | GA-006 YB-003 RS-001        | city   | 亲子鉴定证明 非婚生育说明
      outside no no county    | GA-006 YB-003 RS-001        | county | 亲子鉴定证明 非婚生育说明
      outside no no town      | GA-006 YB-003 RS-001        | town   | 亲子鉴定证明 非婚生育说明`,
  },
  'individual-business': {
    common: ['居民身份证'],
    table: `
      open single city        | SCJG-001          | city   | 个体工商户登记（备案）申请书 经营场所使用证明
      open single county      | SCJG-001          | county | 个体工商户登记（备案）申请书 经营场所使用证明
      open single town        | SCJG-001          | town   | 个体工商户登记（备案）申请书 经营场所使用证明
      open family city        | SCJG-001          | city   | 居民户口簿或家庭成员关系证明 个体工商户登记（备案）申请书 经营场所使用证明
      open family county      | SCJG-001          | county | 居民户口簿或家庭成员关系证明 个体工商户登记（备案）申请书 经营场所使用证明
      open family town        | SCJG-001          | town   | 居民户口簿或家庭成员关系证明 个体工商户登记（备案）申请书 经营场所使用证明
      open-food single city   | SCJG-001 SCJG-003 | city   | 个体工商户登记（备案）申请书 经营场所使用证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图
      open-food single county | SCJG-001 SCJG-003 | county | 个体工商户登记（备案）申请书 经营场所使用证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图
      open-food single town   | SCJG-001 SCJG-003 | county | 个体工商户登记（备案）申请书 经营场所使用证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图
      open-food family city   | SCJG-001 SCJG-003 | city   | 居民户口簿或家庭成员关系证明 个体工商户登记（备案）申请书 经营场所使用证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图
      open-food family county | SCJG-001 SCJG-003 | county | 居民户口簿或家庭成员关系证明 个体工商户登记（备案）申请书 经营场所使用证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图
      open-food family town   | SCJG-001 SCJG-003 | county | 居民户口簿或家庭成员关系证明 个体工商户登记（备案）申请书 经营场所使用证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图
      add-food single city    | SCJG-003          | city   | 食品经营许可申请书 从业人员健康证明 经营场所平面布局图 营业执照副本复印件
      add-food single county  | SCJG-003          | county | 食品经营许可申请书 从业人员健康证明 经营场所平面布局图 营业执照副本复印件
      add-food single town    | SCJG-003          | county | 食品经营许可申请书 从业人员健康证明 经营场所平面布局图 营业执照副本复印件
      add-food family city    | SCJG-003          | city   | 居民户口簿或家庭成员关系证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图 营业执照副本复印件
      add-food family county  | SCJG-003          | county | 居民户口簿或家庭成员关系证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图 营业执照副本复印件
      add-food family town    | SCJG-003          | county | 居民户口簿或家庭成员关系证明 食品经营许可申请书 从业人员健康证明 经营场所平面布局图 营业执照副本复印件
      close single city       | SCJG-007          | city   | 个体工商户注销登记申请书 营业执照正、副本
      close single county     | SCJG-007          | county | 个体工商户注销登记申请书 营业执照正、副本
      close single town       | SCJG-007          | town   | 个体工商户注销登记申请书 营业执照正、副本
      close family city       | SCJG-007          | city   | 居民户口簿或家庭成员关系证明 个体工商户注销登记申请书 营业执照正、副本
      close family county     | SCJG-007          | county | 居民户口簿或家庭成员关系证明 个体工商户注销登记申请书 营业执照正、副本
      close family town       | SCJG-007          | town   | 居民户口簿或家庭成员关系证明 个体工商户注销登记申请书 营业执照正、副本`,
  },
  'real-estate': {
    common: ['不动产登记申请书'],
    table: `
      person transfer-home city         | BDC-002 | city   | 居民身份证 不动产权证书 存量房买卖合同 婚姻状况证明或书面声明
      person transfer-home county       | BDC-002 | county | 居民身份证 不动产权证书 存量房买卖合同 婚姻状况证明或书面声明
      person transfer-other city        | BDC-003 | city   | 居民身份证 不动产权证书 转移原因证明材料 婚姻状况证明或书面声明
      person transfer-other county      | BDC-003 | county | 居民身份证 不动产权证书 转移原因证明材料 婚姻状况证明或书面声明
      person mortgage city              | BDC-004 | city   | 居民身份证 不动产权证书 主债权合同和抵押合同
      person mortgage county            | BDC-004 | county | 居民身份证 不动产权证书 主债权合同和抵押合同
      person release city               | BDC-005 | city   | 居民身份证 不动产登记证明（抵押权） 抵押权人同意注销的证明
      person release county             | BDC-005 | county | 居民身份证 不动产登记证明（抵押权） 抵押权人同意注销的证明
      person reissue city               | BDC-006 | city   | 居民身份证 遗失情况书面说明
      person reissue county             | BDC-006 | county | 居民身份证 遗失情况书面说明
      enterprise transfer-home city     | BDC-002 | city   | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产权证书 存量房买卖合同
      enterprise transfer-home county   | BDC-002 | county | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产权证书 存量房买卖合同
      enterprise transfer-other city    | BDC-003 | city   | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产权证书 转移原因证明材料
      enterprise transfer-other county  | BDC-003 | county | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产权证书 转移原因证明材料
      enterprise mortgage city          | BDC-004 | city   | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产权证书 主债权合同和抵押合同
      enterprise mortgage county        | BDC-004 | county | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产权证书 主债权合同和抵押合同
      enterprise release city           | BDC-005 | city   | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产登记证明（抵押权） 抵押权人同意注销的证明
      enterprise release county         | BDC-005 | county | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 不动产登记证明（抵押权） 抵押权人同意注销的证明
      enterprise reissue city           | BDC-006 | city   | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 遗失情况书面说明
      enterprise reissue county         | BDC-006 | county | 营业执照副本复印件 法定代表人身份证明书 经办人身份证件 遗失情况书面说明`,
  },
  'open-restaurant': {
    common: [],
    table: `
      individual no no    | SCJG-001 SCJG-003                        | - | 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度
      individual no yes   | SCJG-001 SCJG-003                        | - | 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度 从业人员健康证明
      individual yes no   | SCJG-001 SCJG-003 WJ-001                 | - | 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度 卫生检测（评价）报告
      individual yes yes  | SCJG-001 SCJG-003 WJ-001                 | - | 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度 从业人员健康证明 卫生检测（评价）报告
      company no no       | SCJG-002 GA-009 SCJG-003                 | - | 公司登记（备案）申请书 公司章程 股东主体资格证明 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度
      company no yes      | SCJG-002 GA-009 SCJG-003 RS-007          | - | 公司登记（备案）申请书 公司章程 股东主体资格证明 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度 从业人员健康证明
      company yes no      | SCJG-002 GA-009 SCJG-003 WJ-001          | - | 公司登记（备案）申请书 公司章程 股东主体资格证明 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度 卫生检测（评价）报告
      company yes yes     | SCJG-002 GA-009 SCJG-003 RS-007 WJ-001   | - | 公司登记（备案）申请书 公司章程 股东主体资格证明 居民身份证 经营场所使用证明 食品经营许可申请书 经营场所平面布局图 食品安全管理制度 从业人员健康证明 卫生检测（评价）报告`,
  },
};

describe('the seeded topics, every answer combination (智能导办 table)', () => {
  const cases = SEED_TOPICS.flatMap((t) => rows(TABLES[t.id].table).map((r) => [t.id, r.answers.join(' / '), t, r] as const));

  it.each(cases)('%s: %s', (_id, _words, t, r) => {
    const answers = Object.fromEntries(t.definition.questions.map((q, i) => [q.id, r.answers[i]]));
    expect(answerProblems(t.definition, answers)).toEqual({ missing: [], invalid: [] });
    const plan = guide(t.definition, answers);
    expect(plan.serviceCodes).toEqual(r.codes);
    expect(plan.hallId).toBe(r.hall === '-' ? null : SEED_HALL_KEYS[r.hall as keyof typeof SEED_HALL_KEYS]);
    expect(plan.materials.map((m) => m.name)).toEqual([...TABLES[t.id].common, ...r.extra]);
    expect(plan.materials.every((m) => m.required)).toBe(true);
  });

  it('has a row for every combination of every seeded topic, and no other', () => {
    for (const t of SEED_TOPICS) {
      const listed = rows(TABLES[t.id].table).map((r) => r.answers.join(' '));
      const all = allAnswerSets(t.definition).map((a) => t.definition.questions.map((q) => a[q.id]).join(' '));
      expect([...listed].sort()).toEqual([...all].sort());
    }
    expect(SEED_TOPICS.map((t) => t.title)).toEqual(expect.arrayContaining(['开办企业', '新生儿出生', '个体工商户', '不动产登记']));
  });

  it('marks what a certificate covers (免提交) and says who applies', () => {
    const re = SEED_TOPICS.find((t) => t.id === 'real-estate')!.definition;
    const co = guide(re, { who: 'enterprise', matter: 'mortgage', district: 'city' });
    expect(co.applicant).toBe('enterprise');
    expect(co.materials.find((m) => m.name === '营业执照副本复印件')?.certificateType).toBe('营业执照');
    expect(guide(re, { who: 'person', matter: 'mortgage', district: 'city' }).applicant).toBe('person');
    const ib = SEED_TOPICS.find((t) => t.id === 'individual-business')!.definition;
    expect(guide(ib, { matter: 'add-food', family: 'single', district: 'town' }).materials.find((m) => m.certificateType)?.name).toBe('营业执照副本复印件');
  });
});
