/**
 * @file Document-frequency profile of a set of decisions: the share of distinct words found in
 * more than 50%, 10-50%, 1-10% and under 1% of the decisions. Words are split as FTS5's
 * unicode61 tokenizer splits them (letters and digits, lower case, accents folded).
 * Used by scripts/df-compare.mjs to show that the benchmark corpus looks like real text.
 */

/** Distinct index words of one text. */
export function wordsOf(text) {
  return new Set(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

/**
 * @param {string[]} texts one indexed text per decision
 * @returns {{docs: number, words: number, buckets: {over50: number, from10to50: number, from1to10: number, under1: number}, df: Map<string, number>}}
 */
export function dfProfile(texts) {
  const df = new Map();
  for (const t of texts) for (const w of wordsOf(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  const b = { over50: 0, from10to50: 0, from1to10: 0, under1: 0 };
  for (const c of df.values()) {
    const share = c / n;
    if (share > 0.5) b.over50++;
    else if (share >= 0.1) b.from10to50++;
    else if (share >= 0.01) b.from1to10++;
    else b.under1++;
  }
  const words = df.size;
  for (const k of Object.keys(b)) b[k] = b[k] / words;
  return { docs: n, words, buckets: b, df };
}
