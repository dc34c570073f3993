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
  raw: string;
  /** The text after normaliseQuotes, made on first use (most paragraphs are never searched). */
  norm?: string;
}

function textOf(p: Para): string {
  return (p.norm ??= normaliseQuotes(p.raw));
}

/** Finds sentences in one decision's text; paragraphs are read once, when first searched. */
export class Locator {
  private readonly paras: Para[];
  /** Paragraphs by the id remedy units give them: "<heading>#<index>"; built on first use. */
  private byId: Map<string, Para[]> | null = null;

  constructor(doc: TextDoc) {
    this.paras = [
      ...(doc.summary ? [{ section: null, paragraph: 0, raw: doc.summary, heading: null }] : []),
      ...doc.sections.flatMap((s, si) => s.paragraphs.map((p, pi) => ({ section: si, paragraph: pi, raw: p, heading: s.heading }))),
    ];
  }

  private paragraphsWithId(id: string): Para[] {
    if (!this.byId) {
      this.byId = new Map();
      for (const p of this.paras) {
        if (p.heading === null) continue;
        const key = `${p.heading}#${p.paragraph}`;
        const list = this.byId.get(key);
        if (list) list.push(p);
        else this.byId.set(key, [p]);
      }
    }
    return this.byId.get(id) ?? [];
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
    const nearWords = words(near);
    const preferred = hint === 'summary' ? this.paras.filter((p) => p.section === null) : hint ? this.paragraphsWithId(hint) : [];
    for (const group of [preferred, this.paras]) {
      let best: { source: TextSource; score: number } | null = null;
      // A needle without quotes is found in the raw text (straightening quotes keeps every offset).
      const quoted = /['"]/.test(needle);
      for (const p of group) {
        if (!(quoted ? textOf(p) : p.raw).includes(needle)) continue;
        const text = textOf(p);
        for (const span of sentenceSpans(text)) {
          const sentence = text.slice(span.start, span.end);
          if (!sentence.includes(needle)) continue;
          const score = overlap(sentence, nearWords);
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
    const text = textOf(p);
    return sentenceSpans(text)
      .filter((span) => span.end <= source.start)
      .slice(-n)
      .reverse()
      .map((span) => text.slice(span.start, span.end));
  }
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z£0-9]+/g) ?? [];
}

/** Words of `near` found in `sentence`, a tie-break between sentences holding the same amount. */
function overlap(sentence: string, near: string[]): number {
  const have = new Set(words(sentence));
  let n = 0;
  for (const w of near) if (have.has(w)) n++;
  return n;
}
