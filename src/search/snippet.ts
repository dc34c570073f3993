/**
 * @file Snippets: the sentence of a decision that best matches the query, with the matched words'
 * and phrases' positions. Pure; rendering (bold, `[...]`, JSON) is the caller's choice.
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
  /** The word as the index sees it (lower case, accents folded). */
  word?: string;
  /** A later word of a marked phrase (its highlight is the phrase's). */
  joined?: boolean;
}

/**
 * Picks the sentence with the most distinct query words or phrases (the Summary first, then the
 * paragraphs in order, win ties) and cuts about `size` words from its start. Stop words are never
 * query words here (query.ts leaves them out); a phrase is marked as one stretch.
 * @example makeSnippet(record, ['child', 'need'], [], 30, [['child', 'in', 'need']])
 */
export function makeSnippet(record: DecisionRecord, words: string[], prefixes: string[], size = 30, phrases: string[][] = []): Snippet {
  const wordSet = new Set(words);
  const needles = [...new Set([...words, ...prefixes, ...phrases.map((p) => p[0]!)])];
  const matchTerm = (w: string, folded?: boolean): string | null => {
    const f = folded ? w : fold(w);
    if (wordSet.has(f)) return f;
    const p = prefixes.find((x) => f.startsWith(x));
    return p ? `${p}*` : null;
  };
  const passages: { field: string; text: string }[] = [];
  if (record.summary) passages.push({ field: 'summary', text: record.summary });
  for (const s of record.sections) for (const p of s.paragraphs) passages.push({ field: s.heading || 'text', text: p });
  let best: { field: string; text: string; toks: Tok[]; from: number; count: number } | null = null;
  for (const p of needles.length ? passages : []) {
    // Cheap pre-check before tokenizing: most paragraphs hold few of the words.
    const folded = fold(p.text);
    if (!needles.some((n) => folded.includes(n))) continue;
    const toks = markPhrases(tokens(p.text, matchTerm), phrases);
    for (const [from, to] of sentences(p.text, toks)) {
      const count = new Set(toks.slice(from, to).map((t) => t.term).filter(Boolean)).size;
      if (count > (best?.count ?? 0)) best = { ...p, toks, from, count };
    }
  }
  if (!best) {
    const first = passages[0] ?? { field: 'summary', text: '' };
    return cut(first.field, first.text, tokens(first.text, () => null), 0, size);
  }
  // Open at the sentence, or a few words before its first match when that lies beyond the window.
  let at = best.from;
  while (at < best.toks.length && !best.toks[at]!.term) at++;
  const start = at - best.from >= size - 5 ? Math.max(best.from, at - 5) : best.from;
  return cut(best.field, best.text, best.toks, start, size);
}

/** [first, end) token ranges of the sentences of `text` (a sentence ends at . ! ? followed by a space). */
function sentences(text: string, toks: Tok[]): [number, number][] {
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) ends.push(m.index);
  const out: [number, number][] = [];
  let from = 0;
  let e = 0;
  for (let i = 0; i < toks.length && e < ends.length; i++) {
    // The sentence ends after token i when a stop lies between it and the next token.
    while (e < ends.length && ends[e]! < toks[i]!.end) e++;
    const next = toks[i + 1];
    if (next && e < ends.length && ends[e]! < next.start) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < toks.length) out.push([from, toks.length]);
  return out;
}

const SENTENCE_END = /[.!?]["'’”)]*\s/g;

/** Marks each occurrence of a phrase as one term spanning its words (`phrase` tokens after the first are joined to it). */
function markPhrases(toks: Tok[], phrases: string[][]): Tok[] {
  if (phrases.length === 0) return toks;
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const p = phrases.find((ph) => ph.every((w, k) => toks[i + k]?.word === w));
    if (!p) {
      out.push(toks[i]!);
      continue;
    }
    out.push({ start: toks[i]!.start, end: toks[i + p.length - 1]!.end, term: `"${p.join(' ')}"` });
    for (let k = 1; k < p.length; k++) out.push({ start: toks[i + k]!.start, end: toks[i + k]!.end, term: null, joined: true });
    i += p.length - 1;
  }
  return out;
}

const ASCII_WORD = /[a-z0-9]+/g;
/** A letter or digit outside ASCII (é, ß): text without one needs no unicode folding. */
const WIDE_LETTER = /(?![\x00-\x7f])[\p{L}\p{N}]/u;

function tokens(text: string, matchTerm: (w: string, folded?: boolean) => string | null): Tok[] {
  const out: Tok[] = [];
  if (WIDE_LETTER.test(text)) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, term: matchTerm(m[0]), word: fold(m[0]) });
    return out;
  }
  // Fast path (nearly every paragraph): ASCII words, lower-cased once; ’ and £ have no case, so offsets hold.
  const lower = text.toLowerCase();
  ASCII_WORD.lastIndex = 0;
  for (let m = ASCII_WORD.exec(lower); m; m = ASCII_WORD.exec(lower)) out.push({ start: m.index, end: m.index + m[0].length, term: matchTerm(m[0], true), word: m[0] });
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
    .map((t) => [t.start - start + lead.length, Math.min(t.end, end) - start + lead.length]);
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
