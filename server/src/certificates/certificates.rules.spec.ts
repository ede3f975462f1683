import { canonicalJson, certificateNumber, inEffect, maskHolder, parseContent, reusableCertificates, validTo, VERIFY_CODE_RE, verifyCode } from './certificates.rules';

describe('certificate numbers and codes', () => {
  it('numbers a certificate by its issue date and 8 characters without look-alikes', () => {
    expect(certificateNumber('2026-12-07', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 30]))).toBe('ZZ20261207-2345678Z');
    expect(certificateNumber('2026-12-07', new Uint8Array(8).fill(255))).toMatch(/^ZZ20261207-[2-9A-HJKMNP-Z]{8}$/);
  });

  it('draws verification codes of 16 such characters, and recognises only those', () => {
    const c = verifyCode(new Uint8Array(Array.from({ length: 16 }, (_, i) => i * 17)));
    expect(c).toMatch(VERIFY_CODE_RE);
    expect(VERIFY_CODE_RE.test('O0I1L' + c.slice(5))).toBe(false);
    expect(VERIFY_CODE_RE.test(c.slice(1))).toBe(false);
  });
});

describe('validity', () => {
  it('runs N years to the day before the anniversary; null years is long-term', () => {
    expect(validTo('2026-12-07', 5)).toBe('2031-12-06');
    expect(validTo('2028-02-29', 1)).toBe('2029-02-27');
    expect(validTo('2026-01-01', 1)).toBe('2026-12-31');
    expect(validTo('2026-12-07', null)).toBeNull();
  });

  it('is in effect from its first to its last day unless revoked', () => {
    const c = { status: 'valid', validFrom: '2026-12-07', validTo: '2031-12-06' };
    expect(inEffect(c, '2026-12-06')).toBe(false);
    expect(inEffect(c, '2026-12-07')).toBe(true);
    expect(inEffect(c, '2031-12-06')).toBe(true);
    expect(inEffect(c, '2031-12-07')).toBe(false);
    expect(inEffect({ ...c, validTo: null }, '2099-01-01')).toBe(true);
    expect(inEffect({ ...c, status: 'revoked' }, '2027-01-01')).toBe(false);
  });
});

describe('the holder as shown', () => {
  it('masks a person as 张*三 and a company but for its first two and last four characters', () => {
    expect(maskHolder('person', '张小三')).toBe('张*三');
    expect(maskHolder('enterprise', '清河市好运来餐饮有限公司')).toBe('清河******有限公司');
  });
});

describe('signed content', () => {
  it('writes keys in one order at every level, whatever order they came in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('reads back a certificate and nothing else', () => {
    const text = canonicalJson({ v: 1, type: '营业执照', number: 'ZZ1', holder: { kind: 'person', name: '张三', idNo: '' } });
    expect(parseContent(text)?.type).toBe('营业执照');
    expect(parseContent(text.slice(0, -1))).toBeNull();
    expect(parseContent('{"v":2}')).toBeNull();
  });
});

describe('免提交', () => {
  const cert = (id: string, type: string, issued: string, o: Partial<{ status: string; validTo: string | null }> = {}) => ({
    id,
    type,
    status: o.status ?? 'valid',
    validFrom: issued,
    validTo: o.validTo === undefined ? null : o.validTo,
    issuedAt: new Date(`${issued}T02:00:00Z`),
  });

  it('fills each material a certificate type satisfies with the newest one in effect', () => {
    const held = [
      cert('old', '营业执照', '2025-01-01'),
      cert('new', '营业执照', '2026-06-01'),
      cert('revoked', '营业执照', '2026-11-01', { status: 'revoked' }),
      cert('expired', '食品经营许可证', '2020-01-01', { validTo: '2024-12-31' }),
    ];
    const got = reusableCertificates(
      [
        { materialId: 'licence', certificateType: '营业执照' },
        { materialId: 'food', certificateType: '食品经营许可证' },
        { materialId: 'form', certificateType: null },
      ],
      held,
      '2026-12-07',
    );
    expect([...got.entries()].map(([m, c]) => [m, c.id])).toEqual([['licence', 'new']]);
  });
});
