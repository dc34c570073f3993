/**
 * @file Where each payment was read: the sentence of the decision it stands in, so the decision
 * page can link an amount to its sentence, highlighted in the text. Uses `payments[].source =
 * {section, paragraph, start, end}` when the record has it (added by the payments reader) and
 * otherwise finds the payment's `text` sentence in the Summary and sections. Also the paragraph
 * numbers the decision cites: `sections[].paragraphNumbers` when present, else numbered on
 * through the sections from 1. Pure, and defensive: those fields may be absent or partial.
 */
import type { DecisionRecord } from '../schema/record.js';

/** A place in the text: `section` null is the Summary (then `paragraph` is 0). */
export interface TextSpot {
  section: number | null;
  paragraph: number;
  start: number;
  end: number;
}

/** A highlighted range inside one paragraph, and the anchor id links use for it. */
export interface ParagraphMark {
  start: number;
  end: number;
  id: string;
}

export interface Provenance {
  /** Per payment (same order as `record.payments`): the anchor id of its sentence, or null when not found. */
  anchors: (string | null)[];
  /** Marks per paragraph, keyed `summary` or `section:paragraph`; sorted, not overlapping. */
  marks: Map<string, ParagraphMark[]>;
}

/** The key of a paragraph in `Provenance.marks`. */
export function paragraphKey(section: number | null, paragraph: number): string {
  return section === null ? 'summary' : `${section}:${paragraph}`;
}

interface SourceLike {
  section?: unknown;
  paragraph?: unknown;
  start?: unknown;
  end?: unknown;
}

function textAt(record: DecisionRecord, section: number | null, paragraph: number): string | undefined {
  if (section === null) return paragraph === 0 ? (record.summary ?? undefined) : undefined;
  return record.sections[section]?.paragraphs[paragraph];
}

/** A payment's `source` as a spot in this record, when it is present and consistent. */
function fromSource(record: DecisionRecord, source: SourceLike | undefined): TextSpot | null {
  if (!source || typeof source !== 'object') return null;
  let section: number | null;
  if (source.section === null) section = null;
  else if (typeof source.section === 'number') section = source.section;
  else if (typeof source.section === 'string') {
    const i = record.sections.findIndex((s) => s.heading === source.section);
    if (i < 0) return null;
    section = i;
  } else return null;
  const paragraph = typeof source.paragraph === 'number' ? source.paragraph : 0;
  const text = textAt(record, section, paragraph);
  if (text === undefined) return null;
  const start = typeof source.start === 'number' ? source.start : 0;
  const end = typeof source.end === 'number' ? source.end : text.length;
  if (!(start >= 0 && end > start && end <= text.length)) return null;
  return { section, paragraph, start, end };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Finds a sentence in the decision: an exact match first, then one that differs only in spacing. */
export function findSentence(record: DecisionRecord, sentence: string): TextSpot | null {
  const wanted = squash(sentence);
  if (!wanted) return null;
  const places: [number | null, number, string][] = [];
  // The action section is where the payments are agreed: search it before the Summary.
  record.sections.forEach((s, si) => s.paragraphs.forEach((p, pi) => places.push([si, pi, p])));
  if (record.summary) places.push([null, 0, record.summary]);
  const actionFirst = places.sort((a, b) => rank(record, a[0]) - rank(record, b[0]));
  for (const [section, paragraph, text] of actionFirst) {
    const at = text.indexOf(sentence);
    if (at >= 0) return { section, paragraph, start: at, end: at + sentence.length };
  }
  for (const [section, paragraph, text] of actionFirst) {
    const spot = squashedIndex(text, wanted);
    if (spot) return { section, paragraph, ...spot };
  }
  return null;
}

function rank(record: DecisionRecord, section: number | null): number {
  if (section === null) return 1;
  return record.sections[section]?.kind === 'action' ? 0 : 2;
}

/** Where `wanted` (single-spaced) stands in `text` whatever its spacing, as offsets into `text`. */
function squashedIndex(text: string, wanted: string): { start: number; end: number } | null {
  const map: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]!);
    if (space && (flat.endsWith(' ') || flat === '')) continue;
    flat += space ? ' ' : text[i];
    map.push(i);
  }
  const at = flat.indexOf(wanted);
  if (at < 0) return null;
  return { start: map[at]!, end: map[at + wanted.length - 1]! + 1 };
}

/**
 * Locates every payment's sentence and gives each located sentence one anchor id (`pay-1`, ...);
 * two payments read from the same sentence share its anchor.
 */
export function paymentProvenance(record: DecisionRecord): Provenance {
  const marks = new Map<string, ParagraphMark[]>();
  const anchors = record.payments.map((p, i) => {
    const spot = fromSource(record, (p as { source?: SourceLike }).source) ?? findSentence(record, p.text);
    if (!spot) return null;
    const key = paragraphKey(spot.section, spot.paragraph);
    const list = marks.get(key) ?? [];
    const same = list.find((m) => m.start === spot.start && m.end === spot.end);
    if (same) return same.id;
    // A sentence overlapping one already marked is not marked twice: link to the first.
    const overlap = list.find((m) => m.start < spot.end && spot.start < m.end);
    if (overlap) return overlap.id;
    const id = `pay-${i + 1}`;
    list.push({ start: spot.start, end: spot.end, id });
    list.sort((a, b) => a.start - b.start);
    marks.set(key, list);
    return id;
  });
  return { anchors, marks };
}

/**
 * The number shown beside each paragraph of each section: the decision's own
 * (`sections[].paragraphNumbers`, when the record has them) or, without them, 1, 2, 3... on
 * through the sections.
 */
export function paragraphNumbers(record: DecisionRecord): (string | null)[][] {
  let n = 0;
  return record.sections.map((s) => {
    const own = (s as { paragraphNumbers?: unknown }).paragraphNumbers;
    if (Array.isArray(own) && own.length === s.paragraphs.length) return own.map((v) => (typeof v === 'string' && v ? v : null));
    return s.paragraphs.map(() => String(++n));
  });
}
