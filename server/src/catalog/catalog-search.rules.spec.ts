import type { Audience } from '@gov/shared';
import {
  audienceMatches,
  entryScore,
  normalizeQuery,
  normalizeText,
  searchEntries,
  SearchEntry,
  TIER,
  toSearchable,
} from './catalog-search.rules';

let n = 0;
function entry(name: string, keywords: string[], extra: Partial<{ audience: Audience; category: string; departmentId: string; code: string }> = {}): SearchEntry {
  const order = n++;
  return {
    id: `s${order}`,
    code: extra.code ?? `QH-T-${String(order).padStart(3, '0')}`,
    name: toSearchable(name),
    keywords: keywords.map((k) => toSearchable(k)),
    category: toSearchable(extra.category ?? '其他'),
    categoryName: extra.category ?? '其他',
    departmentId: extra.departmentId ?? 'd1',
    audience: extra.audience ?? 'person',
    order,
  };
}

const catalogue = [
  entry('个体工商户设立登记', ['个体户', '营业执照', '开店'], { audience: 'both', category: '企业开办', departmentId: 'market' }),
  entry('有限责任公司设立登记（营业执照）', ['营业执照', '开公司', '注册公司'], { audience: 'enterprise', category: '企业开办', departmentId: 'market' }),
  entry('营业执照补领、换发', ['执照遗失'], { audience: 'enterprise', category: '企业变更注销', departmentId: 'market' }),
  entry('结婚登记（婚姻登记）', ['结婚', '领证'], { category: '婚姻登记', departmentId: 'civil' }),
  entry('离婚登记（婚姻登记）', ['离婚'], { category: '婚姻登记', departmentId: 'civil' }),
  entry('补领婚姻登记证', ['结婚证丢了'], { category: '婚姻登记', departmentId: 'civil' }),
  entry('居民身份证换领', ['身份证到期', '换身份证'], { category: '户籍办理', departmentId: 'police' }),
  entry('户口迁移', ['迁户口', '落户'], { category: '户籍办理', departmentId: 'police' }),
  entry('社会保障卡申领', ['社保卡'], { audience: 'both', category: '社会保障', departmentId: 'hrss' }),
  entry('食品经营许可', ['开饭店', '餐饮'], { audience: 'enterprise', category: '经营许可', departmentId: 'market' }),
];
const names = (terms: string[], f = {}) => searchEntries(catalogue, terms, f).map((e) => e.name.text);

describe('normalising', () => {
  it('folds full-width letters, case and punctuation', () => {
    expect(normalizeText('ＹＹＺＺ')).toBe('yyzz');
    expect(normalizeText('有限责任公司设立登记（营业执照）')).toBe('有限责任公司设立登记营业执照');
  });
  it('joins neighbouring Latin words and keeps Chinese terms apart', () => {
    expect(normalizeQuery('  hun yin ')).toEqual(['hunyin']);
    expect(normalizeQuery('营业执照 个体')).toEqual(['营业执照', '个体']);
    expect(normalizeQuery('HunYin 补领')).toEqual(['hunyin', '补领']);
    expect(normalizeQuery('，。！')).toEqual([]);
    expect(normalizeQuery('')).toEqual([]);
    expect(normalizeQuery(undefined)).toEqual([]);
  });
  it('indexes full pinyin with syllable starts and initials', () => {
    const s = toSearchable('婚姻登记');
    expect(s.full).toBe('hunyindengji');
    expect(s.starts).toEqual([0, 3, 6, 10]);
    expect(s.initials).toBe('hydj');
    expect(toSearchable('营业执照').initials).toBe('yyzz');
  });
  it('reuses the cache', () => {
    const cache = new Map();
    const a = toSearchable('户口迁移', cache);
    expect(toSearchable('户口迁移', cache)).toBe(a);
  });
});

describe('matching', () => {
  it('finds Chinese in names and keywords, names first', () => {
    const r = names(['营业执照']);
    expect(r.slice(0, 2).sort()).toEqual(['有限责任公司设立登记营业执照', '营业执照补领换发'].sort());
    expect(r[0]).toBe('营业执照补领换发'); // name prefix before name contains
    expect(r[2]).toBe('个体工商户设立登记'); // keyword only: last
    expect(r).toHaveLength(3);
  });
  it('finds full pinyin at syllable boundaries only', () => {
    expect(names(['hunyin'])).toEqual(expect.arrayContaining(['结婚登记婚姻登记', '离婚登记婚姻登记', '补领婚姻登记证']));
    expect(names(['hunyin'])).toHaveLength(3);
    expect(names(['huny'])).toHaveLength(3); // a partial last syllable
    expect(names(['unyin'])).toEqual([]); // not from inside a syllable
  });
  it('finds pinyin initials', () => {
    const r = names(['yyzz']);
    expect(r[0]).toBe('营业执照补领换发');
    expect(r).toContain('有限责任公司设立登记营业执照');
    expect(r).toContain('个体工商户设立登记');
    expect(names(['sbk'])).toEqual(['社会保障卡申领']); // keyword initials (社保卡)
  });
  it('ranks every name match before keyword-only matches', () => {
    const scores = catalogue.map((e) => entryScore(e, ['营业执照']));
    const nameHits = scores.filter((s) => s >= TIER.nameInitials);
    const kwHits = scores.filter((s) => s > 0 && s < TIER.nameInitials);
    expect(Math.min(...nameHits)).toBeGreaterThan(Math.max(...kwHits));
  });
  it('needs every term to match', () => {
    expect(names(['婚姻', '补领'])).toEqual(['补领婚姻登记证']);
    expect(names(['hunyin', '户口'])).toEqual([]);
  });
  it('finds by exact item code', () => expect(names(normalizeQuery('QH-T-007'))).toEqual(['户口迁移']));
  it('gives nothing for nonsense', () => {
    expect(names(['xqzvbnm'])).toEqual([]);
    expect(names(['火星移民'])).toEqual([]);
    expect(names(['zzzzzz'])).toEqual([]);
  });
  it('does not match initials on a single letter', () => {
    // "q" is the start of qian (迁) in full pinyin, but no initials-only hit on a single letter
    expect(names(['x'])).not.toContain('营业执照补领换发');
  });
});

describe('filters', () => {
  it('lets person include both, enterprise include both, both only both', () => {
    expect(audienceMatches('both', 'person')).toBe(true);
    expect(audienceMatches('enterprise', 'person')).toBe(false);
    expect(audienceMatches('both', 'enterprise')).toBe(true);
    expect(audienceMatches('person', 'both')).toBe(false);
    expect(audienceMatches('person', undefined)).toBe(true);
  });
  it('filters by category, department and audience, with or without a query', () => {
    expect(names([], { category: '婚姻登记' })).toHaveLength(3);
    expect(names([], { departmentId: 'police' })).toEqual(['居民身份证换领', '户口迁移']);
    expect(names(['yyzz'], { audience: 'person' })).toEqual(['个体工商户设立登记']);
    expect(names([], { audience: 'enterprise' })).toHaveLength(5);
  });
  it('keeps the catalogue order without a query', () => {
    expect(searchEntries(catalogue, [], {}).map((e) => e.order)).toEqual(catalogue.map((e) => e.order));
  });
});
