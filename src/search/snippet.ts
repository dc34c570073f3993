/**
 * @file Snippets: the passage of a decision that best matches the query, with the matched words'
 * positions. Pure; rendering (bold, `[...]`, JSON) is the caller's choice.
 */
import type { DecisionRecord } from '../schema/record.js';

export interface Snippet {
  /** Where the passage comes from: "summary" or a section heading. */
  field: string;
  /** The passage, cut to about `words` words, with "…" where it was cut. */
  text: string;
  /** [start, end) character offsets of matched words in `text`. */
  highlights: [number, number][];
}

const WORD = /[\p{L}\p{N}]+/gu;

function fold(word: string): string {
  // Only non-ASCII words need unicode folding (é -> e), as the FTS5 tokenizer does.
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

interface Tok {
  start: number;
  end: number;
  term: string | null;
}

/**
 * Picks the passage with the most distinct query words (the summary wins ties) and cuts a window
 * of about `size` words around its densest stretch.
 * @example makeSnippet(record, ['child', 'need'], [], 30)
 */
export function makeSnippet(record: DecisionRecord, words: string[], prefixes: string[], size = 30): Snippet {
  const wordSet = new Set(words);
  const matchTerm = (w: string): string | null => {
    const f = fold(w);
    if (wordSet.has(f)) return f;
    const p = prefixes.find((x) => f.startsWith(x));
    return p ? `${p}*` : null;
  };
  const passages: { field: string; text: string }[] = [];
  if (record.summary) passages.push({ field: 'summary', text: record.summary });
  for (const s of record.sections) for (const p of s.paragraphs) passages.push({ field: s.heading || 'text', text: p });
  let best: { field: string; text: string; toks: Tok[]; distinct: number } | null = null;
  const needles = [...wordSet, ...prefixes];
  for (const p of passages) {
    if (needles.length === 0) break;
    // Cheap pre-check before tokenizing: most paragraphs hold none of the words.
    const lower = p.text.toLowerCase();
    if (!needles.some((n) => lower.includes(n)) && /^[\x00-\x7f]*$/.test(p.text)) continue;
    const toks: Tok[] = [];
    const seen = new Set<string>();
    for (const m of p.text.matchAll(WORD)) {
      const term = matchTerm(m[0]);
      if (term) seen.add(term);
      toks.push({ start: m.index, end: m.index + m[0].length, term });
    }
    if (seen.size > (best?.distinct ?? 0)) best = { ...p, toks, distinct: seen.size };
    if (best && best.distinct === wordSet.size + prefixes.length) break;
  }
  if (!best) {
    const first = passages[0] ?? { field: 'summary', text: '' };
    const toks = [...first.text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, term: null }));
    return cut(first.field, first.text, toks, 0, size);
  }
  // The window of `size` tokens holding the most distinct matched terms.
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < best.toks.length; i++) {
    if (!best.toks[i]!.term) continue;
    const terms = new Set<string>();
    for (let j = i; j < Math.min(best.toks.length, i + size); j++) if (best.toks[j]!.term) terms.add(best.toks[j]!.term!);
    if (terms.size > bestCount) {
      bestCount = terms.size;
      bestStart = i;
    }
  }
  // Start a few words before the first match, for context, and use the whole window near the end.
  return cut(best.field, best.text, best.toks, Math.max(0, Math.min(bestStart - 5, best.toks.length - size)), size);
}

function cut(field: string, text: string, toks: Tok[], from: number, size: number): Snippet {
  if (toks.length === 0) return { field, text: text.slice(0, 200), highlights: [] };
  const to = Math.min(toks.length, from + size);
  const start = from === 0 ? 0 : toks[from]!.start;
  const end = to >= toks.length ? text.length : toks[to - 1]!.end;
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end);
  const highlights: [number, number][] = toks
    .slice(from, to)
    .filter((t) => t.term)
    .map((t) => [t.start - start + lead.length, t.end - start + lead.length]);
  return { field, text: `${lead}${body}${end < text.length ? '…' : ''}`, highlights };
}

/** Marks the highlights with `open`/`close` (e.g. `[`/`]`, or terminal bold codes). */
export function markSnippet(s: Snippet, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += s.text.slice(at, a) + open + s.text.slice(a, b) + close;
    at = b;
  }
  return out + s.text.slice(at);
}
