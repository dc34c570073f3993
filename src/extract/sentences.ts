/**
 * @file Sentence splitting that survives decisions' abbreviations ("Mr X", "e.g.", "para. 5",
 * "£2,750.50", "section 30(1B)").
 */

const ABBREVIATIONS = /\b(?:mr|mrs|ms|dr|no|nos|para|paras|e\.g|i\.e|etc|st|vs|cf|approx|ref|sec|s|ch)\.$/i;

/**
 * Splits a paragraph into sentences.
 * @example splitSentences('I uphold this complaint. The Council has agreed to pay £200.')
 */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
}

/**
 * Where each sentence of a paragraph stands: [start, end) offsets, trimmed of spaces, so
 * `text.slice(start, end)` is the sentence `splitSentences` gives.
 * @example sentenceSpans('A. B.') // [{start: 0, end: 2}, {start: 3, end: 5}]
 */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const re = /[.!?](?:["'’”)]*)\s+(?=["'‘“(£]?[A-Z0-9£])/g;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATIONS.test(text.slice(start, end).slice(-7).trim())) continue;
    pushTrimmed(out, text, start, end);
    start = m.index + m[0].length;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

function pushTrimmed(out: Array<{ start: number; end: number }>, text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  both: 2, twenty_four: 24,
};

/** "five" -> 5, "12" -> 12, "both" -> 2; null otherwise. */
export function parseCount(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d{1,3}$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/** The regex alternative for counts ("two|three|...|\d+"). */
export const COUNT_WORD = `(?:\\d{1,3}|${Object.keys(NUMBER_WORDS).filter((k) => !k.includes('_')).join('|')})`;
