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
/** Letters that fold to others (é -> e); typographic quotes and £ do not need unicode folding. */
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;

function fold(word: string): string {
  // Only non-ASCII words need unicode folding (é -> e), as the FTS5 tokenizer does.
  return ACCENTED.test(word) ? word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase() : word.toLowerCase();
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
  const needles = [...wordSet, ...prefixes];
  const matchTerm = (w: string, folded?: boolean): string | null => {
    const f = folded ? w : fold(w);
    if (wordSet.has(f)) return f;
    const p = prefixes.find((x) => f.startsWith(x));
    return p ? `${p}*` : null;
  };
  const passages: { field: string; text: string }[] = [];
  if (record.summary) passages.push({ field: 'summary', text: record.summary });
  for (const s of record.sections) for (const p of s.paragraphs) passages.push({ field: s.heading || 'text', text: p });
  let best: { field: string; text: string; toks: Tok[]; distinct: number } | null = null;
  for (const p of needles.length ? passages : []) {
    // Cheap pre-check before tokenizing: most paragraphs hold few of the words.
    const folded = fold(p.text);
    const present = needles.filter((n) => folded.includes(n)).length;
    if (present <= (best?.distinct ?? 0)) continue;
    const toks = tokens(p.text, matchTerm);
    const distinct = new Set(toks.map((t) => t.term).filter(Boolean)).size;
    if (distinct > (best?.distinct ?? 0)) best = { ...p, toks, distinct };
    if (best && best.distinct === needles.length) break;
  }
  if (!best) {
    const first = passages[0] ?? { field: 'summary', text: '' };
    return cut(first.field, first.text, tokens(first.text, () => null), 0, size);
  }
  // Slide a window of `size` tokens; keep the start holding the most distinct matched terms.
  const toks = best.toks;
  const inWindow = new Map<string, number>();
  let bestStart = 0;
  let bestCount = -1;
  for (let end = 0; end < toks.length; end++) {
    const t = toks[end]!.term;
    if (t) inWindow.set(t, (inWindow.get(t) ?? 0) + 1);
    const start = end - size + 1;
    if (start > 0) {
      const out = toks[start - 1]!.term;
      if (out) inWindow.set(out, inWindow.get(out)! - 1) || inWindow.delete(out);
    }
    if (inWindow.size > bestCount) {
      bestCount = inWindow.size;
      // Start at the window's first match, so the snippet opens near the words.
      let first = Math.max(0, start);
      while (first < end && !toks[first]!.term) first++;
      bestStart = first;
    }
  }
  // Start a few words before the first match, for context, and use the whole window near the end.
  return cut(best.field, best.text, toks, Math.max(0, Math.min(bestStart - 5, toks.length - size)), size);
}

const ASCII_WORD = /[a-z0-9]+/g;
/** A letter or digit outside ASCII (é, ß): text without one needs no unicode folding. */
const WIDE_LETTER = /(?![\x00-\x7f])[\p{L}\p{N}]/u;

function tokens(text: string, matchTerm: (w: string, folded?: boolean) => string | null): Tok[] {
  const out: Tok[] = [];
  if (WIDE_LETTER.test(text)) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, term: matchTerm(m[0]) });
    return out;
  }
  // Fast path (nearly every paragraph): ASCII words, lower-cased once; ’ and £ have no case, so offsets hold.
  const lower = text.toLowerCase();
  ASCII_WORD.lastIndex = 0;
  for (let m = ASCII_WORD.exec(lower); m; m = ASCII_WORD.exec(lower)) out.push({ start: m.index, end: m.index + m[0].length, term: matchTerm(m[0], true) });
  return out;
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
