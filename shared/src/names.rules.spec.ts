import { normalizePersonName, sameLegalName } from './names.rules';

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
