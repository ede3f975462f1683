import { attachmentDisposition, MAX_PAGE_SIZE, pageOf, pageParams, serviceDraftProblems, ServiceDraft, templateText } from './catalog.rules';

describe('paging', () => {
  it('defaults to page 1 of 20 and clamps the page size to the cap', () => {
    expect(pageParams(undefined, undefined)).toEqual({ page: 1, pageSize: 20 });
    expect(pageParams(3, 10)).toEqual({ page: 3, pageSize: 10 });
    expect(pageParams(1, 500)).toEqual({ page: 1, pageSize: MAX_PAGE_SIZE });
    expect(MAX_PAGE_SIZE).toBe(50);
  });
  it('slices pages and gives an empty page past the end', () => {
    const xs = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(xs, 1, 20)).toHaveLength(20);
    expect(pageOf(xs, 3, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(xs, 4, 20)).toEqual([]);
  });
});

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

describe('templates', () => {
  it('writes a blank form with title, service and signature', () => {
    const t = templateText({ templateName: '个体工商户登记（备案）申请书', serviceName: '个体工商户设立登记', serviceCode: 'QH-SCJG-001', departmentName: '清河市市场监督管理局' });
    expect(t.startsWith('\uFEFF个体工商户登记（备案）申请书')).toBe(true);
    expect(t).toContain('QH-SCJG-001');
    expect(t).toContain('申请人（签字/盖章）');
  });
  it('names the attachment safely', () => {
    const d = attachmentDisposition('申请书"x".txt');
    expect(d).toContain("filename*=UTF-8''%E7%94%B3");
    expect(d).not.toMatch(/filename="[^"]*"[^;]*"/);
  });
});
