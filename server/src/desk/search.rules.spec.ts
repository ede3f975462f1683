import { searchKeys, startsWithPattern } from './search.rules';

describe('searchKeys', () => {
  it('reads a filing number in any case, with or without spaces', () => {
    expect(searchKeys(' zw20261201-000123 ')).toEqual({ filingNumber: 'ZW20261201-000123' });
  });

  it('reads a booking code as typed (lower case, spaces, dashes) and also as a possible Latin name', () => {
    expect(searchKeys('abcd-ef23')).toEqual({ bookingCode: 'ABCDEF23' });
    expect(searchKeys('ZHANGSAN')).toEqual({ bookingCode: 'ZHANGSAN', name: 'ZHANGSAN' });
  });

  it('reads four digits as a phone tail, eleven as a whole phone (+86 and full-width digits too)', () => {
    expect(searchKeys('1234')).toEqual({ phoneTail: '1234' });
    expect(searchKeys('+86 139-0012-3456')).toEqual({ phone: '13900123456' });
    expect(searchKeys('１３９００１２３４５６')).toEqual({ phone: '13900123456' });
  });

  it('reads a valid ID number (check character right) and nothing for a wrong one', () => {
    expect(searchKeys('11010519491231002x')).toEqual({ idNumber: '11010519491231002X' });
    // typed in groups, with spaces or dashes
    expect(searchKeys('110105 19491231 002x')).toEqual({ idNumber: '11010519491231002X' });
    expect(searchKeys('110105-19491231-002X')).toEqual({ idNumber: '11010519491231002X' });
    expect(searchKeys('110105194912310021')).toEqual({});
  });

  it('reads Chinese text as the start of a name, and ignores what is like no key', () => {
    expect(searchKeys('张三')).toEqual({ name: '张三' });
    expect(searchKeys('阿卜杜·热合曼')).toEqual({ name: '阿卜杜·热合曼' });
    expect(searchKeys('12')).toEqual({});
    expect(searchKeys('   ')).toEqual({});
    expect(searchKeys('%')).toEqual({});
  });
});

describe('startsWithPattern', () => {
  it('escapes LIKE wildcards so that a name is matched literally', () => {
    expect(startsWithPattern('张')).toBe('张%');
    expect(startsWithPattern('a_b%!')).toBe('a!_b!%!!%');
  });
});
