import {
  creditCodeCheckChar,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  isValidPhone,
  maskIdNumber,
  maskName,
  maskPhone,
  maskSensitiveText,
} from './identity.rules';

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard example and computes its X check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });
  it('refuses a wrong check character, a bad date, bad lengths and letters', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300028')).toBe(false); // 30 February
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('1101051949123100A2')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });
  it('is right for every check character', () => {
    // take one number and vary the sequence digits; exactly one of the 11 check chars fits each
    for (let seq = 100; seq < 140; seq++) {
      const first17 = `3201021990010${seq}`;
      const ok = '0123456789X'.split('').filter((c) => isValidIdNumber(first17 + c));
      expect(ok).toEqual([idNumberCheckChar(first17)]);
    }
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts real-shaped codes with the right check character', () => {
    const first17 = '91350100M000100Y4';
    const code = first17 + creditCodeCheckChar(first17);
    expect(isValidCreditCode(code)).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });
  it('refuses a wrong check character and forbidden letters', () => {
    expect(isValidCreditCode('91110000600037341M')).toBe(false);
    expect(isValidCreditCode('91110000600037341I')).toBe(false);
    expect(isValidCreditCode('9111000060003734')).toBe(false);
  });
});

describe('masking', () => {
  it('masks phones, ID numbers and names', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskPhone(null)).toBeNull();
  });
  it('masks every full number inside free text, and nothing else', () => {
    const line = '{"msg":"login 13800138000 id 11010519491231002X at 1732000000000","reqId":"a1"}';
    const out = maskSensitiveText(line);
    expect(out).not.toContain('13800138000');
    expect(out).not.toContain('11010519491231002X');
    expect(out).toContain('138****8000');
    expect(out).toContain('110***********002X');
    expect(out).toContain('1732000000000');
  });
  it('validates phones', () => {
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('12800138000')).toBe(false);
    expect(isValidPhone('1380013800')).toBe(false);
  });
});
