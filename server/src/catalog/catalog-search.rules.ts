import { pinyin } from 'pinyin-pro';
import type { Audience } from '@gov/shared';

/**
 * Catalogue search, pure: how a query is normalised, how a service's name and keywords are indexed
 * (Chinese text, full pinyin, pinyin initials) and how matches are ranked. Name matches always
 * rank before matches found only in keywords, sub-item or category.
 */

/** A piece of text ready for matching. */
export interface SearchableText {
  /** NFKC, lower case, letters/digits/CJK only */
  text: string;
  /** toneless pinyin of every character, run together ("hunyindengji") */
  full: string;
  /** where each syllable starts in `full`: a pinyin query must start at one of them */
  starts: number[];
  /** first letter of each syllable ("hydj") */
  initials: string;
}

export interface SearchEntry {
  id: string;
  code: string;
  name: SearchableText;
  /** keywords and the sub-item */
  keywords: SearchableText[];
  category: SearchableText;
  departmentId: string;
  audience: Audience;
  categoryName: string;
  /** position in the catalogue's own order, the last tie-break */
  order: number;
}

export interface SearchFilters {
  category?: string;
  audience?: Audience;
  departmentId?: string;
}

const KEEP = /[^\p{L}\p{N}]+/gu;
const ASCII_TERM = /^[a-z0-9]+$/;

/** NFKC (full-width → half-width), lower case, and nothing but letters, digits and CJK. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(KEEP, '');
}

/**
 * A query as terms that must all match. Punctuation splits terms; neighbouring Latin terms are
 * joined, so "hun yin" is "hunyin". An empty result means "no query" (list everything).
 */
export function normalizeQuery(q: string | undefined | null): string[] {
  if (!q) return [];
  const raw = q.normalize('NFKC').toLowerCase().replace(KEEP, ' ').trim();
  if (!raw) return [];
  const terms: string[] = [];
  let latin = '';
  for (const t of raw.split(/\s+/)) {
    if (ASCII_TERM.test(t)) {
      latin += t;
      continue;
    }
    if (latin) terms.push(latin);
    latin = '';
    terms.push(t);
  }
  if (latin) terms.push(latin);
  return terms;
}

/** Index a piece of text; `cache` (text → result) saves pinyin work when the index is rebuilt. */
export function toSearchable(s: string, cache?: Map<string, SearchableText>): SearchableText {
  const text = normalizeText(s);
  const hit = cache?.get(text);
  if (hit) return hit;
  const syllables = text ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) : [];
  let full = '';
  let initials = '';
  const starts: number[] = [];
  for (const raw of syllables) {
    const syl = raw.toLowerCase().replace(KEEP, '');
    if (!syl) continue;
    starts.push(full.length);
    full += syl;
    initials += syl[0];
  }
  const out: SearchableText = { text, full, starts, initials };
  cache?.set(text, out);
  return out;
}

/** Rank tiers: any name tier is above every other tier. */
export const TIER = {
  nameExact: 100,
  codeExact: 98,
  namePrefix: 95,
  nameContains: 90,
  namePinyinPrefix: 85,
  namePinyin: 80,
  nameInitialsPrefix: 75,
  nameInitials: 70,
  keywordExact: 40,
  keywordContains: 35,
  keywordPinyin: 30,
  keywordInitials: 25,
  category: 20,
  codePrefix: 15,
} as const;

const pinyinAt = (f: SearchableText, term: string): number => {
  for (const s of f.starts) if (f.full.startsWith(term, s)) return s;
  return -1;
};

/** How well one term matches one field: [exact, prefix/contains, pinyin-at-0, pinyin, initials-at-0, initials] or 0. */
function fieldScore(
  f: SearchableText,
  term: string,
  t: { exact: number; prefix: number; contains: number; pinyinPrefix: number; pinyin: number; initialsPrefix: number; initials: number },
): number {
  if (!f.text) return 0;
  if (f.text === term) return t.exact;
  const at = f.text.indexOf(term);
  if (at === 0) return t.prefix;
  if (at > 0) return t.contains;
  if (!ASCII_TERM.test(term)) return 0;
  const p = pinyinAt(f, term);
  if (p === 0) return t.pinyinPrefix;
  if (p > 0) return t.pinyin;
  // initials need two letters: one letter is every syllable that starts with it
  if (term.length >= 2) {
    const i = f.initials.indexOf(term);
    if (i === 0) return t.initialsPrefix;
    if (i > 0) return t.initials;
  }
  return 0;
}

const NAME_TIERS = {
  exact: TIER.nameExact,
  prefix: TIER.namePrefix,
  contains: TIER.nameContains,
  pinyinPrefix: TIER.namePinyinPrefix,
  pinyin: TIER.namePinyin,
  initialsPrefix: TIER.nameInitialsPrefix,
  initials: TIER.nameInitials,
};
const KEYWORD_TIERS = {
  exact: TIER.keywordExact,
  prefix: TIER.keywordContains,
  contains: TIER.keywordContains,
  pinyinPrefix: TIER.keywordPinyin,
  pinyin: TIER.keywordPinyin,
  initialsPrefix: TIER.keywordInitials,
  initials: TIER.keywordInitials,
};
const CATEGORY_TIERS = {
  exact: TIER.category,
  prefix: TIER.category,
  contains: TIER.category,
  pinyinPrefix: 0,
  pinyin: 0,
  initialsPrefix: 0,
  initials: 0,
};

/** The best score of one term over an entry's fields; 0 when nothing matches. */
export function termScore(e: SearchEntry, term: string): number {
  let best = fieldScore(e.name, term, NAME_TIERS);
  if (best >= TIER.nameContains) return best;
  const code = normalizeText(e.code);
  if (code === term) return TIER.codeExact;
  if (best > 0) return best;
  for (const k of e.keywords) best = Math.max(best, fieldScore(k, term, KEYWORD_TIERS));
  if (best > 0) return best;
  best = fieldScore(e.category, term, CATEGORY_TIERS);
  if (best > 0) return best;
  return term.length >= 3 && code.startsWith(term) ? TIER.codePrefix : 0;
}

/** An entry's score for a whole query: every term must match; the weakest term decides. */
export function entryScore(e: SearchEntry, terms: string[]): number {
  let min = Infinity;
  for (const t of terms) {
    const s = termScore(e, t);
    if (s === 0) return 0;
    if (s < min) min = s;
  }
  return min === Infinity ? 0 : min;
}

/** `audience=person` includes services for both; `enterprise` likewise; `both` only those for both. */
export function audienceMatches(service: Audience, wanted: Audience | undefined): boolean {
  if (!wanted) return true;
  return service === wanted || (wanted !== 'both' && service === 'both');
}

export function passesFilters(e: SearchEntry, f: SearchFilters): boolean {
  return (
    (!f.category || e.categoryName === f.category) &&
    (!f.departmentId || e.departmentId === f.departmentId) &&
    audienceMatches(e.audience, f.audience)
  );
}

/**
 * The entries that pass the filters and match the query, best first. Without a query, the
 * catalogue's own order.
 */
export function searchEntries<E extends SearchEntry>(entries: readonly E[], terms: string[], filters: SearchFilters): E[] {
  const filtered = entries.filter((e) => passesFilters(e, filters));
  if (terms.length === 0) return filtered.sort((a, b) => a.order - b.order);
  const scored: Array<{ e: E; s: number }> = [];
  for (const e of filtered) {
    const s = entryScore(e, terms);
    if (s > 0) scored.push({ e, s });
  }
  scored.sort((a, b) => b.s - a.s || a.e.name.text.length - b.e.name.text.length || a.e.order - b.e.order);
  return scored.map((x) => x.e);
}
