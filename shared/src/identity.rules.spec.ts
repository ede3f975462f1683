import {
  creditCodeCheckChar,
  IdType,
  idDocumentKey,
  idDocumentProblem,
  isValidIdDocument,
  mrzCheckDigit,
  normalizeIdDocumentNumber,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  maskIdNumber,
  maskName,
  maskSensitiveText,
  maskDigitRuns,
  maskTypedValue,
} from './identity.rules';
import { isValidPhone, maskPhone } from './phone.rules';

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

describe('identity documents (POST /me/verify idType)', () => {
  const check = (type: IdType, typed: string) => idDocumentProblem(type, normalizeIdDocumentNumber(typed));

  it('takes each document in its own format', () => {
    expect(check('resident', '11010519491231002x')).toBeNull();
    expect(check('hk_macao_permit', 'H12345678')).toBeNull();
    expect(check('hk_macao_permit', 'm 8765 4321')).toBeNull();
    expect(check('hk_macao_permit', 'H12345678(01)')).toBeNull(); // the renewal count as printed on old booklets
    expect(check('taiwan_permit', '01234567')).toBeNull();
    expect(check('taiwan_permit', '0123456701')).toBeNull();
    expect(check('passport', 'e12345678')).toBeNull();
    expect(check('passport', 'GB1234567')).toBeNull();
  });

  it('refuses numbers of another format', () => {
    expect(check('resident', 'H12345678')).toBe('format');
    expect(check('hk_macao_permit', 'A12345678')).toBe('format');
    expect(check('hk_macao_permit', 'H1234567')).toBe('format');
    expect(check('taiwan_permit', '1234567')).toBe('format');
    expect(check('taiwan_permit', 'T1234567')).toBe('format');
    expect(check('passport', 'ABCDEFGH')).toBe('format');
    expect(check('passport', 'E123')).toBe('format');
    expect(check('foreign_permanent', 'USA12345')).toBe('format');
  });

  it('checks the 2023 外国人永久居留身份证 like a 居民身份证 (first digit 9, GB 11643 check character)', () => {
    const first17 = '93110419900101001';
    const good = first17 + idNumberCheckChar(first17);
    expect(check('foreign_permanent', good)).toBeNull();
    const wrong = first17 + (idNumberCheckChar(first17) === '0' ? '1' : '0');
    expect(check('foreign_permanent', wrong)).toBe('check');
  });

  it('checks the 2017 外国人永久居留身份证: 3 letters, 12 digits, a birth date and an ICAO 9303 check digit', () => {
    const first14 = 'USA31108001013'; // USA, 3110 (北京), born 80-01-01, 3
    const good = first14 + mrzCheckDigit(first14);
    expect(check('foreign_permanent', good.toLowerCase())).toBeNull();
    expect(check('foreign_permanent', first14 + String((Number(mrzCheckDigit(first14)) + 1) % 10))).toBe('check');
    const badDate = 'USA31108013013';
    expect(check('foreign_permanent', badDate + mrzCheckDigit(badDate))).toBe('check');
    // the ICAO example: weights 7 3 1, letters A = 10
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(isValidIdDocument('foreign_permanent', good)).toBe(true);
  });

  it('keys a person by type and number; the 18-character numbers keep their bare key', () => {
    expect(idDocumentKey('resident', '11010519491231002X')).toBe('11010519491231002X');
    expect(idDocumentKey('passport', 'E12345678')).toBe('passport:E12345678');
    expect(idDocumentKey('hk_macao_permit', 'H1234567801')).toBe(idDocumentKey('hk_macao_permit', 'H12345678'));
    expect(idDocumentKey('taiwan_permit', '12345678')).not.toBe(idDocumentKey('passport', '12345678'));
  });

  it('masks short document numbers too', () => {
    expect(maskIdNumber('H12345678')).toBe('H1*****78');
    expect(maskIdNumber('01234567')).toBe('01****67');
    expect(maskSensitiveText('permit H12345678 seen')).toBe('permit H1*****78 seen');
  });
});

describe('maskTypedValue', () => {
  it('masks a phone number however it was typed', () => {
    for (const typed of ['13912340001', '139-1234-0001', '+86 139 1234 0001', '8613912340001', '0086 139 1234 0001', '１３９１２３４０００１']) {
      expect(maskTypedValue(typed)).toBe('139****0001');
    }
  });

  it('masks an ID document number typed in groups or in lower case', () => {
    expect(maskTypedValue('110105 19491231 002x')).toBe('110***********002X');
    expect(maskTypedValue('h1234 5678')).toBe('H1*****78');
  });

  it('leaves other values as they are, masking numbers inside free text', () => {
    expect(maskTypedValue('2026-12-01')).toBe('2026-12-01');
    expect(maskTypedValue('欧阳明')).toBe('欧阳明');
    expect(maskTypedValue('call 13912340001 back')).toBe('call 139****0001 back');
  });
});

describe('maskDigitRuns', () => {
  it('masks a run of eleven or more digits however it is split, in any script, keeping what follows it', () => {
    expect(maskDigitRuns('139\u200b8765\u200b4321')).toBe('139****4321');
    expect(maskDigitRuns('139_8765_4321 找')).toBe('139****4321 找');
    expect(maskDigitRuns('139/8765/4321')).toBe('139****4321');
    expect(maskDigitRuns('\u0661\u0663\u0669\u0668\u0667\u0666\u0665\u0664\u0663\u0662\u0661')).toBe('\u0661\u0663\u0669****\u0664\u0663\u0662\u0661');
  });

  it('leaves shorter runs, dates and text alone; letters end a run', () => {
    for (const t of ['2026-12-01', '1234 5678', '营业执照', 'abc 123', 'A1234567B12345']) expect(maskDigitRuns(t)).toBe(t);
  });
});
