/**
 * @file Provenance (issue #14): where a sentence stands in the record's `summary` and
 * `sections`, as `{section, paragraph, start, end}` (section null: the Summary), so a viewer can
 * highlight the sentence a payment, remedy or amount was read from.
 */
import type { TextSource } from '../schema/record.js';
import { normaliseQuotes } from './patterns.js';
import { sentenceSpans } from './sentences.js';

/** The record's text as a viewer holds it: the Summary, then each section's paragraphs. */
export interface TextDoc {
  summary: string | null;
  sections: Array<{ heading: string; paragraphs: string[] }>;
}

interface Para {
  heading: string | null;
  section: number | null;
  paragraph: number;
  text: string;
}

/** Finds sentences in one decision's text; paragraphs are read once. */
export class Locator {
  private readonly paras: Para[];
  /** Paragraphs by the id remedy units give them: "<heading>#<index>". */
  private readonly byId = new Map<string, Para[]>();

  constructor(doc: TextDoc) {
    this.paras = [
      ...(doc.summary ? [{ section: null, paragraph: 0, text: normaliseQuotes(doc.summary), heading: null }] : []),
      ...doc.sections.flatMap((s, si) => s.paragraphs.map((p, pi) => ({ section: si, paragraph: pi, text: normaliseQuotes(p), heading: s.heading }))),
    ];
    for (const p of this.paras) {
      if (p.heading === null) continue;
      const key = `${p.heading}#${p.paragraph}`;
      this.byId.set(key, [...(this.byId.get(key) ?? []), p]);
    }
  }

  /**
   * The sentence that holds `raw` (an amount as written, or any words), preferring the paragraph
   * `hint` names ("summary" or "<heading>#<block index>", as remedy units name theirs) and the
   * sentence that shares most words with `near` (the clause it was read from). Null when the
   * text holds no such sentence.
   */
  find(raw: string, near: string, hint: string | null): TextSource | null {
    const needle = normaliseQuotes(raw).trim();
    if (!needle) return null;
    const preferred = hint === 'summary' ? this.paras.filter((p) => p.section === null) : hint ? (this.byId.get(hint) ?? []) : [];
    for (const group of [preferred, this.paras]) {
      let best: { source: TextSource; score: number } | null = null;
      for (const p of group) {
        if (!p.text.includes(needle)) continue;
        for (const span of sentenceSpans(p.text)) {
          const sentence = p.text.slice(span.start, span.end);
          if (!sentence.includes(needle)) continue;
          const score = overlap(sentence, near);
          if (!best || score > best.score) best = { source: { section: p.section, paragraph: p.paragraph, start: span.start, end: span.end }, score };
        }
      }
      if (best) return best.source;
    }
    return null;
  }

  /**
   * Where a clause or sentence of the text stands: its first sentence, found by its opening
   * words. Used for remedies, whose text is a clause cut from a sentence.
   */
  findText(text: string, hint: string | null): TextSource | null {
    const t = normaliseQuotes(text).replace(/\s+/g, ' ').trim();
    if (!t) return null;
    // The opening words (up to 40 characters, ending on a word) locate the clause.
    const head = t.length <= 40 ? t : t.slice(0, 40).replace(/\s+\S*$/, '');
    return this.find(head, t, hint);
  }

  /** Up to `n` sentences before a located one in its paragraph, nearest first (text after normaliseQuotes). */
  sentencesBefore(source: TextSource, n: number): string[] {
    const p = this.paras.find((x) => x.section === source.section && x.paragraph === source.paragraph);
    if (!p) return [];
    return sentenceSpans(p.text)
      .filter((span) => span.end <= source.start)
      .slice(-n)
      .reverse()
      .map((span) => p.text.slice(span.start, span.end));
  }
}

/** Words of `near` found in `sentence`, a tie-break between sentences holding the same amount. */
function overlap(sentence: string, near: string): number {
  const words = new Set(sentence.toLowerCase().match(/[a-z£0-9]+/g) ?? []);
  let n = 0;
  for (const w of near.toLowerCase().match(/[a-z£0-9]+/g) ?? []) if (words.has(w)) n++;
  return n;
}
