/**
 * @file Ombudsman references: `YY NNN NNN` with an optional letter suffix (`17 002 402b`).
 * The two-digit year is when the complaint arrived, never the decision date.
 */

/** A reference anywhere in text: digits in groups of 2-3-3 separated by space, hyphen or nothing. */
export const REF_PATTERN = /(?<![\d/])(\d{2})[ \u00a0-]?(\d{3})[ \u00a0-]?(\d{3})([a-zA-Z])?(?![\d])/;

/**
 * Normalises a reference to the record's form, `"19 020 817"` / `"17 002 402b"`; null when it is not one.
 * @example normaliseRef('19-020-817') // '19 020 817'
 */
export function normaliseRef(text: string): string | null {
  const m = REF_PATTERN.exec(text.trim());
  if (!m) return null;
  return `${m[1]} ${m[2]} ${m[3]}${(m[4] ?? '').toLowerCase()}`;
}

/**
 * The reference as used in URLs and file names: `19-020-817`, `17-002-402b`.
 * @example refSlug('17 002 402B') // '17-002-402b'
 */
export function refSlug(ref: string): string {
  const norm = normaliseRef(ref);
  if (!norm) throw new Error(`not an Ombudsman reference: ${JSON.stringify(ref)}`);
  return norm.replace(/ /g, '-');
}
