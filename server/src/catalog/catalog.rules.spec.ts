import { blankForm, BlankFormInput, blankFormFileName, etagMatches, etagOf, formKind, serviceDraftProblems, ServiceDraft } from './catalog.rules';

describe('serviceDraftProblems', () => {
  const ok: ServiceDraft = {
    legalDays: 20,
    promisedDays: 5,
    fee: { free: true, amount: null, basis: null },
    materials: [{ required: true, tolerable: true }, { required: false, tolerable: false }],
    hallIds: ['a', 'b'],
    delivery: ['window', 'post'],
  };
  it('accepts a sound service, promised equal to legal included', () => {
    expect(serviceDraftProblems(ok)).toEqual([]);
    expect(serviceDraftProblems({ ...ok, promisedDays: 20 })).toEqual([]);
  });
  it('refuses promised days over legal days, naming promisedDays', () => {
    expect(serviceDraftProblems({ ...ok, promisedDays: 21 }).map((p) => p.field)).toEqual(['promisedDays']);
  });
  it('checks the fee both ways', () => {
    expect(serviceDraftProblems({ ...ok, fee: { free: false, amount: null, basis: '' } }).map((p) => p.field)).toEqual(['fee.amount', 'fee.basis']);
    expect(serviceDraftProblems({ ...ok, fee: { free: false, amount: 8000, basis: '发改价格规〔2016〕2559号' } })).toEqual([]);
    expect(serviceDraftProblems({ ...ok, fee: { free: true, amount: 100 } }).map((p) => p.field)).toEqual(['fee.amount']);
  });
  it('lets only required materials be tolerable', () => {
    const d = { ...ok, materials: [{ required: false, tolerable: true }] };
    expect(serviceDraftProblems(d).map((p) => p.field)).toEqual(['materials.0.tolerable']);
  });
  it('refuses duplicate halls and delivery methods', () => {
    expect(serviceDraftProblems({ ...ok, hallIds: ['a', 'a'], delivery: ['post', 'post'] }).map((p) => p.field)).toEqual(['hallIds', 'delivery']);
  });
});

describe('blank forms', () => {
  const materials = [
    { id: 'm1', name: '个体工商户登记（备案）申请书', copies: 1, form: 'original' },
    { id: 'm2', name: '经营者身份证件', copies: 1, form: 'original' },
    { id: 'm3', name: '经营场所使用证明复印件', copies: 2, form: 'copy' },
  ];
  const input = (over: Partial<BlankFormInput> = {}): BlankFormInput => ({
    templateName: '个体工商户登记（备案）申请书',
    service: { name: '个体工商户设立登记', code: 'QH-SCJG-001', subItem: '个体工商户设立登记（含家庭经营）', audience: 'person' },
    departmentName: '清河市市场监督管理局',
    materials,
    materialId: 'm1',
    ...over,
  });
  const labels = (f: ReturnType<typeof blankForm>) => f.sections.flatMap((s) => s.fields.map((x) => x.label));

  it('is titled with the material and names the service, its code and department', () => {
    const f = blankForm(input());
    expect(f.title).toBe('个体工商户登记（备案）申请书');
    expect(f.subtitle[0]).toBe('办理事项：个体工商户设立登记（含家庭经营）');
    expect(f.subtitle.join(' ')).toContain('QH-SCJG-001');
    expect(f.subtitle.join(' ')).toContain('清河市市场监督管理局');
  });
  it('asks a person for name, ID number, phone and address, and fills in the matter applied for', () => {
    const f = blankForm(input());
    expect(labels(f)).toEqual(expect.arrayContaining(['申请人姓名', '身份证件类型及号码', '联系电话', '通讯地址', '申请内容及理由']));
    expect(f.sections.flatMap((s) => s.fields).find((x) => x.label === '办理事项')?.value).toBe('个体工商户设立登记（含家庭经营）');
    expect(f.sections.flatMap((s) => s.fields).filter((x) => x.label !== '办理事项').every((x) => x.value === null)).toBe(true);
  });
  it('lists the other materials to tick, with their form and copies', () => {
    const checks = blankForm(input()).sections.flatMap((s) => s.checks ?? []);
    expect(checks).toEqual(['经营者身份证件（原件 1 份）', '经营场所使用证明复印件（复印件 2 份）']);
  });
  it('ends with the declaration and a signature and date line', () => {
    const f = blankForm(input());
    expect(f.declaration).toContain('真实');
    expect(f.signatures).toEqual(['申请人（签字/盖章）']);
  });
  it('asks a company for its name, credit code and legal representative, and who handles it', () => {
    const f = blankForm(input({ service: { name: '食品经营许可', code: 'X', subItem: null, audience: 'enterprise' } }));
    expect(labels(f)).toEqual(expect.arrayContaining(['单位名称', '统一社会信用代码', '法定代表人（负责人）', '经办人姓名']));
    expect(labels(f)).not.toContain('申请人姓名');
    expect(f.subtitle[0]).toBe('办理事项：食品经营许可');
    const sub = blankForm(input({ service: { name: '户口迁移', code: 'X', subItem: '市内迁移', audience: 'person' } }));
    expect(sub.subtitle[0]).toBe('办理事项：户口迁移（市内迁移）');
  });
  it('offers both blocks for a service open to people and companies', () => {
    const f = blankForm(input({ service: { name: 'A', code: 'X', subItem: null, audience: 'both' } }));
    expect(f.sections.map((s) => s.title).slice(0, 2)).toEqual(['申请人', '申请单位']);
  });
  it('makes a power of attorney ask for principal, agent, scope and term', () => {
    expect(formKind('授权委托书')).toBe('authorization');
    const f = blankForm(input({ templateName: '授权委托书', materialId: 'm9' }));
    expect(f.sections.map((s) => s.title)).toEqual(['委托人', '受托人', '委托事项及权限']);
    expect(labels(f)).toEqual(expect.arrayContaining(['委托人姓名', '受托人姓名', '委托事项']));
    expect(f.sections[2].checks).toContain('代为提交申请材料');
    expect(f.signatures).toEqual(['委托人（签字/盖章）', '受托人（签字）']);
  });
  it('makes a statement ask for the declarant and the statement', () => {
    expect(formKind('家庭收入和财产状况声明')).toBe('statement');
    expect(formKind('家庭经济状况核对授权书')).toBe('statement');
    expect(formKind('不动产登记申请书')).toBe('application');
    const f = blankForm(input({ templateName: '遗失情况书面说明' }));
    expect(labels(f)).toContain('声明（说明）内容');
    expect(f.signatures).toEqual(['声明人（签字/盖章）']);
  });
  it('names the file after the form, as PDF, without path characters', () => {
    expect(blankFormFileName('不动产登记申请书')).toBe('不动产登记申请书.pdf');
    expect(blankFormFileName('a/b:c')).toBe('a_b_c.pdf');
  });
});

describe('etagOf and etagMatches (conditional GETs of guides)', () => {
  const tag = etagOf('{"id":"a"}');
  it('gives the same strong tag for the same bytes and another for other bytes', () => {
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(etagOf('{"id":"a"}')).toBe(tag);
    expect(etagOf('{"id":"b"}')).not.toBe(tag);
  });
  it('matches the tag itself, its weak form, a list holding it, and *', () => {
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches(`"x", ${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
  });
  it('does not match nothing, another tag or the tag without its quotes', () => {
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches('', tag)).toBe(false);
    expect(etagMatches('"x"', tag)).toBe(false);
    expect(etagMatches(tag.slice(1, -1), tag)).toBe(false);
  });
});
