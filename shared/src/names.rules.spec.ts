import { charCount, normalizeChineseName, normalizeLatinName, normalizePersonName, normalizeRealName, sameLegalName } from './names.rules';

describe('legal representative name match', () => {
  it('matches the same name', () => {
    expect(sameLegalName('张三', '张三')).toBe(true);
  });
  it('ignores whitespace of every kind, around and inside the name', () => {
    expect(sameLegalName(' 张 三 ', '张三')).toBe(true);
    expect(sameLegalName('张\u3000三', '张三')).toBe(true);
    expect(sameLegalName('张\t三\n', '张三')).toBe(true);
  });
  it('treats every middle-dot variant as one', () => {
    for (const dot of ['·', '•', '・', '･', '‧', '∙', '⋅']) expect(sameLegalName(`艾力${dot}买买提`, '艾力·买买提')).toBe(true);
    expect(sameLegalName('艾力 • 买买提', '艾力·买买提')).toBe(true);
    expect(normalizePersonName('艾力 ・ 买买提')).toBe('艾力·买买提');
  });
  it('folds full-width letters and case in Latin names', () => {
    expect(sameLegalName('ＪＯＨＮ Smith', 'john smith')).toBe(true);
  });
  it('does not match a different name, a dot where there is none, or an empty name', () => {
    expect(sameLegalName('张三', '张四')).toBe(false);
    expect(sameLegalName('张三', '张三丰')).toBe(false);
    expect(sameLegalName('艾力买买提', '艾力·买买提')).toBe(false);
    expect(sameLegalName('', '')).toBe(false);
    expect(sameLegalName('  ', ' ')).toBe(false);
    expect(sameLegalName(null, '张三')).toBe(false);
    expect(sameLegalName(null, null)).toBe(false);
  });
});

describe('real names as printed on the card', () => {
  it('takes names with characters from every CJK ideograph block, counted by code point', () => {
    expect(normalizeChineseName('王㛃')).toBe('王㛃'); // Extension A
    expect(normalizeChineseName('陈𠈌')).toBe('陈𠈌'); // Extension B (two UTF-16 units, one character)
    expect(normalizeChineseName('李𪚥')).toBe('李𪚥'); // Extension C
    expect(normalizeChineseName('张𫠠')).toBe('张𫠠'); // Extension D
    expect(normalizeChineseName('赵𬌗')).toBe('赵𬌗'); // Extension E
    expect(normalizeChineseName('刘𰻞')).toBe('刘𰻞'); // Extension G
    expect(normalizeChineseName('林\uF92F')).toBe('林\uF92F'); // compatibility ideograph kept as typed
    expect(normalizeChineseName('周\u{2F800}')).toBe('周\u{2F800}'); // compatibility supplement
    expect(charCount('𠈌𠈌')).toBe(2);
  });

  it('writes every separator of a minority name as ·', () => {
    for (const sep of ['·', '•', '・', '･', '．', '‧', '∙', '⋅', '.', ' · ', ' • ']) {
      expect([sep, normalizeChineseName(`阿依古丽${sep}吐尔逊`)]).toEqual([sep, '阿依古丽·吐尔逊']);
    }
    expect(normalizeChineseName(' 张\u3000三 ')).toBe('张三');
  });

  it('refuses what is not a name: one character, too long, Latin, digits, radicals, stray dots', () => {
    expect(normalizeChineseName('张')).toBeNull();
    expect(normalizeChineseName('𠈌')).toBeNull();
    expect(normalizeChineseName('张'.repeat(30))).toBe('张'.repeat(30));
    expect(normalizeChineseName('𠈌'.repeat(30))).toBe('𠈌'.repeat(30)); // 60 UTF-16 units, 30 characters
    expect(normalizeChineseName('张'.repeat(31))).toBeNull();
    for (const bad of ['张3', 'Zhang San', '张三😀', '⺈三', '·张三', '张三·', '张··三', '张-三', '', '  ']) {
      expect([bad, normalizeChineseName(bad)]).toEqual([bad, null]);
    }
    expect(normalizeChineseName(null)).toBeNull();
  });

  it('upper-cases Latin names with single spaces, for passports', () => {
    expect(normalizeLatinName('  john   ronald\tsmith ')).toBe('JOHN RONALD SMITH');
    expect(normalizeLatinName('ｊｏｈｎ ｓｍｉｔｈ')).toBe('JOHN SMITH');
    expect(normalizeLatinName("jean-luc o'neil")).toBe("JEAN-LUC O'NEIL");
    expect(normalizeLatinName('Müller Anna')).toBe('MÜLLER ANNA');
    for (const bad of ['J', 'JOHN 3RD', 'JOHN  --SMITH', '约翰', 'A'.repeat(65)]) expect([bad, normalizeLatinName(bad)]).toEqual([bad, null]);
  });

  it('takes a Latin name only where the document carries one', () => {
    expect(normalizeRealName('john smith', true)).toBe('JOHN SMITH');
    expect(normalizeRealName('john smith', false)).toBeNull();
    expect(normalizeRealName('艾力•买买提', false)).toBe('艾力·买买提');
    expect(normalizeRealName('艾力•买买提', true)).toBe('艾力·买买提');
  });
});
