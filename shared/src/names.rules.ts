/**
 * Comparing people's names as typed on different forms: the verified real name (实名) against the
 * legal representative (法定代表人) written on a company registration. Shared by the server (which
 * decides) and the mini-app (which tells the user beforehand).
 */

/** Middle-dot variants people type in transliterated names (艾力·买买提): ·, •, ・, ･, ‧, ∙, ⋅. */
const MIDDLE_DOTS = /[\u00B7\u2022\u30FB\uFF65\u2027\u2219\u22C5]/g;

/**
 * A name reduced to what identifies it: full-width forms folded (NFKC), every kind of whitespace
 * (the ideographic space included) removed, every middle-dot variant written as "·", Latin letters
 * in upper case.
 */
export function normalizePersonName(name: string | null | undefined): string {
  if (typeof name !== 'string') return '';
  return name.normalize('NFKC').replace(MIDDLE_DOTS, '·').replace(/\s+/g, '').toUpperCase();
}

/** True when both are the same non-empty name once normalised: `艾力 • 买买提` is `艾力·买买提`. */
export function sameLegalName(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = normalizePersonName(a);
  return x.length > 0 && x === normalizePersonName(b);
}
