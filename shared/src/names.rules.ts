/**
 * Comparing people's names as typed on different forms: the verified real name (实名) against the
 * legal representative (法定代表人) written on a company registration. Shared by the server (which
 * decides) and the mini-app (which tells the user beforehand).
 */

/**
 * Middle-dot variants people type between the parts of a transliterated minority name (艾力·买买提):
 * · U+00B7, • U+2022, ・ U+30FB, ･ U+FF65, ‧ U+2027, ∙ U+2219, ⋅ U+22C5, ． U+FF0E, · U+0387, ⸱ U+2E31,
 * ․ U+2024, ● U+25CF, ・ from a Korean keyboard (ㆍ U+318D), and the plain full stop.
 */
const MIDDLE_DOTS = /[\u00B7\u2022\u30FB\uFF65\u2027\u2219\u22C5\uFF0E\u0387\u2E31\u2024\u25CF\u318D.]/g;

/**
 * A name reduced to what identifies it: full-width forms folded (NFKC), every kind of whitespace
 * (the ideographic space included) removed, every middle-dot variant written as "·", Latin letters
 * in upper case.
 */
export function normalizePersonName(name: string | null | undefined): string {
  if (typeof name !== 'string') return '';
  return name.replace(MIDDLE_DOTS, '·').normalize('NFKC').replace(MIDDLE_DOTS, '·').replace(/\s+/g, '').toUpperCase();
}

/** True when both are the same non-empty name once normalised: `艾力 • 买买提` is `艾力·买买提`. */
export function sameLegalName(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = normalizePersonName(a);
  return x.length > 0 && x === normalizePersonName(b);
}

/* ------------------------------------------------------------------------------------------------
 * Real names (实名) as printed on the identity document, checked and normalised once: the server's
 * DTOs store the normalised form, the mini-app's forms check with the same function before sending.
 * ---------------------------------------------------------------------------------------------- */

/** A Chinese name: 2–30 characters, counted by code point (a character of Extension B is one, not two). */
export const CHINESE_NAME_LENGTH = { min: 2, max: 30 } as const;
/** A Latin name (passport, 永居证): 2–64 characters (the column holds 64). */
export const LATIN_NAME_LENGTH = { min: 2, max: 64 } as const;

/**
 * The CJK ideograph blocks (Unicode 15.1): Unified, Extension A, B, C, D, E, F, G, H, I, the
 * compatibility ideographs and their supplement, and 〇. Rare characters that people carry on their
 * cards come from these (㛃 Extension A, 𠈌 Extension B); radicals and strokes are not ideographs.
 */
const IDEOGRAPH_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3007, 0x3007], // 〇
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // Unified
  [0xf900, 0xfaff], // Compatibility
  [0x20000, 0x2a6df], // Extension B
  [0x2a700, 0x2b73f], // Extension C
  [0x2b740, 0x2b81f], // Extension D
  [0x2b820, 0x2ceaf], // Extension E
  [0x2ceb0, 0x2ebef], // Extension F
  [0x2ebf0, 0x2ee5f], // Extension I
  [0x2f800, 0x2fa1f], // Compatibility Supplement
  [0x30000, 0x3134f], // Extension G
  [0x31350, 0x323af], // Extension H
];

/** True for a code point in one of the CJK ideograph blocks. */
export function isCjkIdeograph(codePoint: number): boolean {
  return IDEOGRAPH_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/** The length of a string in characters (code points), not UTF-16 units: `𠈌` is 1. */
export function charCount(s: string): number {
  return Array.from(s).length;
}

/**
 * A Chinese name as printed on the card, or null when it is not one: surrounding and inner spaces
 * dropped (the ideographic space too), every middle-dot variant written `·`; then 2–30 ideographs, in
 * parts joined by single `·` (艾力·买买提). The ideographs themselves are kept as typed (no Unicode
 * normalisation: that would turn a compatibility ideograph into another code point than the card's).
 */
export function normalizeChineseName(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const name = input.replace(/[\s\u3000]+/g, '').replace(MIDDLE_DOTS, '·');
  const chars = Array.from(name);
  if (chars.length < CHINESE_NAME_LENGTH.min || chars.length > CHINESE_NAME_LENGTH.max) return null;
  let previousDot = true; // no dot first
  for (const c of chars) {
    if (c === '·') {
      if (previousDot) return null;
      previousDot = true;
    } else if (isCjkIdeograph(c.codePointAt(0)!)) previousDot = false;
    else return null;
  }
  return previousDot ? null : name;
}

/**
 * A Latin name as on a passport, or null: full-width letters folded, upper case, words separated by
 * single spaces (hyphens and apostrophes kept inside words: JEAN-LUC O'NEIL); letters with diacritics
 * (MÜLLER) are kept; 2–64 characters.
 */
export function normalizeLatinName(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const name = input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .toUpperCase();
  const n = charCount(name);
  if (n < LATIN_NAME_LENGTH.min || n > LATIN_NAME_LENGTH.max) return null;
  return /^[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F]+(?:[ '\-.][A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F]+)*\.?$/.test(name) ? name : null;
}

/** Said when a real name cannot be read. */
export const REAL_NAME_MESSAGE = '请输入与证件一致的姓名（2-30 个汉字，少数民族姓名可用“·”分隔）';
export const LATIN_REAL_NAME_MESSAGE = '请输入与证件一致的姓名：中文姓名，或证件上的英文姓名';

/**
 * The real name to store for a holder of this kind of document, or null when it cannot be one: a
 * Chinese name always; a Latin name too when `latin` (passports and 外国人永久居留身份证).
 */
export function normalizeRealName(input: unknown, latin: boolean): string | null {
  const chinese = normalizeChineseName(input);
  if (chinese !== null || !latin) return chinese;
  return normalizeLatinName(input);
}
