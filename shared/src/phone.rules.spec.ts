import { isValidPhone, normalizePhone } from './phone.rules';

describe('phone numbers as people type them', () => {
  it('reads the ways people write a mainland mobile number as its 11 digits', () => {
    const typed = [
      '+86 137 1122 3344',
      '+8613711223344',
      '8613711223344',
      '008613711223344',
      '137-1122-3344',
      '137 1122 3344',
      ' 13711223344 ',
      '１３７１１２２３３４４',
      '＋８６ １３７ １１２２ ３３４４',
      '(+86) 137-1122-3344',
      '137\u30001122\u30003344',
      '137–1122–3344',
    ];
    for (const t of typed) expect([t, normalizePhone(t)]).toEqual([t, '13711223344']);
  });

  it('refuses what is not a mainland mobile number', () => {
    for (const t of ['', '1371122334', '137112233445', '12711223344', '+1 415 555 0100', '86137112233', '0371-6512 3456', '137a1122b3344', '+86 +86 13711223344'.repeat(3)]) {
      expect([t, normalizePhone(t)]).toEqual([t, null]);
    }
    expect(normalizePhone(13711223344)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });

  it('does not take 86 for a country code when the number itself starts with 86', () => {
    // 11 digits are never shortened, whatever they start with
    expect(normalizePhone('8613711223')).toBeNull();
  });

  it('stores only what isValidPhone accepts', () => {
    expect(isValidPhone(normalizePhone('+86 139 0012 3456')!)).toBe(true);
    expect(isValidPhone('139 0012 3456')).toBe(false);
  });
});
