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

/** Finds sentences in one decision's text; a paragraph's quotes are straightened only when it is searched. */
export class Locator {
  private readonly doc: TextDoc;
  private readonly straightened = new Map<string, string>();

  constructor(doc: TextDoc) {
    this.doc = doc;
  }

  /** Paragraph text by position; section null is the Summary. */
  private raw(section: number | null, paragraph: number): string | undefined {
    return section === null ? (paragraph === 0 ? (this.doc.summary ?? undefined) : undefined) : this.doc.sections[section]?.paragraphs[paragraph];
  }

  private text(section: number | null, paragraph: number): string {
    const key = `${section}:${paragraph}`;
    let t = this.straightened.get(key);
    if (t === undefined) this.straightened.set(key, (t = normaliseQuotes(this.raw(section, paragraph) ?? '')));
    return t;
  }

  /** Every paragraph position, the Summary first; or only those a remedy unit's id names ("summary", "<heading>#<index>"). */
  private *positions(hint?: string | null): Generator<[number | null, number]> {
    if (hint === undefined || hint === 'summary') if (this.doc.summary) yield [null, 0];
    if (hint === 'summary') return;
    const cut = hint ? hint.lastIndexOf('#') : -1;
    for (const [si, s] of this.doc.sections.entries()) {
      if (hint) {
        if (cut >= 0 && s.heading === hint.slice(0, cut) && s.paragraphs[Number(hint.slice(cut + 1))] !== undefined) yield [si, Number(hint.slice(cut + 1))];
        continue;
      }
      for (let pi = 0; pi < s.paragraphs.length; pi++) yield [si, pi];
    }
  }

  /**
   * The sentence that holds `raw` (an amount as written, or any words), preferring the paragraph
   * `hint` names ("summary" or "<heading>#<block index>", as remedy units name theirs) and, among
   * several, the sentence that shares most words with `near` (the clause it was read from). Null
   * when the text holds no such sentence.
   */
  find(raw: string, near: string, hint: string | null): TextSource | null {
    const needle = normaliseQuotes(raw).trim();
    if (!needle) return null;
    // The needle is looked for in the raw text, its quotes matching either form (straightening
    // quotes keeps every offset), so only paragraphs that hold it are straightened.
    const quoted = /['"]/.test(needle) ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['‘’`´]").replace(/"/g, '["“”]')) : null;
    for (const group of hint ? [hint, undefined] : [undefined]) {
      const found: TextSource[] = [];
      for (const [section, paragraph] of this.positions(group)) {
        const raw = this.raw(section, paragraph) ?? '';
        if (quoted ? !quoted.test(raw) : !raw.includes(needle)) continue;
        const text = this.text(section, paragraph);
        for (const span of sentenceSpans(text)) if (text.slice(span.start, span.end).includes(needle)) found.push({ section, paragraph, ...span });
      }
      if (found.length === 1) return found[0]!;
      if (found.length > 1) {
        const nearWords = words(near);
        let best = found[0]!;
        let bestScore = -1;
        for (const f of found) {
          const score = overlap(this.text(f.section, f.paragraph).slice(f.start, f.end), nearWords);
          if (score > bestScore) [best, bestScore] = [f, score];
        }
        return best;
      }
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
    if (this.raw(source.section, source.paragraph) === undefined) return [];
    const text = this.text(source.section, source.paragraph);
    return sentenceSpans(text)
      .filter((span) => span.end <= source.start)
      .slice(-n)
      .reverse()
      .map((span) => text.slice(span.start, span.end));
  }

  /** The sentence right after a located one in its paragraph, or null. */
  sentenceAfter(source: TextSource): string | null {
    if (this.raw(source.section, source.paragraph) === undefined) return null;
    const text = this.text(source.section, source.paragraph);
    const next = sentenceSpans(text).find((span) => span.start >= source.end);
    return next ? text.slice(next.start, next.end) : null;
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
