/**
 * @file Reads the page's skeleton from cleaned blocks: title line, header label/value pairs,
 * Summary, sections (heading + blocks, in page order) and the sign-off.
 */
import type { Block } from '../load/blocks.js';
import type { SectionKind } from '../schema/record.js';
import {
  BARE_REF_LINE,
  COMPLIANCE_LABEL,
  COMPLIANCE_LINE,
  FINAL_DECISION_MARKER,
  SIGN_OFF,
  SUMMARY_LINE,
  TITLE_LINE,
  normaliseQuotes,
} from './patterns.js';
import { readHeaderEntry } from './header.js';

export interface RawSection {
  heading: string;
  kind: SectionKind;
  /** The kind of the last top-level heading at or before this one (sub-headings inherit it). */
  topKind: SectionKind;
  blocks: Block[];
}

export interface Skeleton {
  title: { organisation: string | null; ref: string } | null;
  header: Map<string, string>;
  summary: string | null;
  sections: RawSection[];
  signOffs: string[];
  sawFinalDecisionMarker: boolean;
  /** The date of "Ombudsman satisfied with council's response: <date>", as written. */
  compliance: string | null;
  /** A copy's lines around its "Reference ... Decided ..." banner, before the decision (site links, the organisation's name): not sections. */
  bannerLines?: string[];
}

/**
 * Section kinds by heading text (lower case, straight quotes). First match wins; anything
 * else is an untyped section ("other"). Anchored so that sub-headings such as
 * "Recommended service improvements" are not taken for "Recommendations".
 */
export const SECTION_KINDS: Array<[SectionKind, RegExp]> = [
  ['complaint', /^(the |your |mr \w+'s |mrs \w+'s |ms \w+'s )?complaints?( and background| summary)?$|^what (the complaint|.* complain(s|ed)) (is )?about$/],
  ['not_investigated', /^(parts of the complaint (that )?i (did|have) not investigate[d]?|what i (have|did) not investigated?( and why)?)$/],
  ['investigated', /^what i (have |did )?investigated?$|^what i have (and have not )?investigated|^scope of (the |my )?investigation$/],
  ['role_and_powers', /role and powers$|^(the )?(ombudsman'?s|our) (role|powers|jurisdiction)/],
  ['how_considered', /^how (i|we) (have )?considered|^how i investigated/],
  ['assessment', /^(my |our )?assessment$/],
  ['findings', /^what (i|we) (have )?found$|^relevant (law|legislation)|^(legal|law) and (administrative |policy )?background|^background$|^what happened$|^key facts$/],
  ['analysis', /^(my |our )?(findings|analysis|consideration)$|^analysis( and findings)?$|^findings and (analysis|conclusions?)$/],
  ['conclusions', /^(my |our )?conclusions?$/],
  ['action', /^(agreed|recommended|required) (action|actions|remed(y|ies))$|^(my |our )?recommendations?$|^actions?$|^remed(y|ies)$|^action( the council| it)? (has )?agreed( to take)?$|^what (the council|it) (has )?agreed to do$/],
  // "Finding" heads the outcome line of 2013-2017 report summaries ("The Ombudsman upheld the complaint ...").
  ['final_decision', /^(final )?decision$|^(my |our )?(final )?decision and reasons$|^finding$/],
];

/** Kinds that end an action section (a real new part of the decision, not a sub-heading). */
export const TOP_LEVEL_KINDS = new Set<SectionKind>(SECTION_KINDS.map(([k]) => k));

/** The kind of a heading (normalised), or "other". */
export function headingKind(heading: string): SectionKind {
  const h = normaliseQuotes(heading).toLowerCase().replace(/[:.]$/, '').replace(/\s+/g, ' ').trim();
  for (const [kind, re] of SECTION_KINDS) if (re.test(h)) return kind;
  return 'other';
}

/** "Reference 25-002-918" as a labelled field (capitalised: a label, not prose). */
const LABELLED_REF = /\bReference:?\s+(\d{2}[ \u00a0-]?\d{3}[ \u00a0-]?\d{3}[a-zA-Z]?)(?![\d])/;
/** "Decided 30 June 2025" beside it. */
const DECIDED = /\bDecided:?\s+(\d{1,2} [A-Z][a-z]+ \d{4})\b/;

/**
 * Splits blocks into the page's parts.
 * @example readSkeleton(stripBoilerplate(loadText(text)))
 */
export function readSkeleton(blocks: Block[]): Skeleton {
  const sk: Skeleton = { title: null, header: new Map(), summary: null, sections: [], signOffs: [], sawFinalDecisionMarker: false, compliance: null };
  let current: RawSection | null = null;
  let topKind: SectionKind = 'other';
  let summaryOpen = false;
  const summaryParts: string[] = [];
  let skippedSubject = false;
  let expectSummary = false;
  /** Paragraphs that may still continue a "Summary:" line. */
  let summaryLines = 0;

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    // Labels, markers and sign-offs are short lines: long paragraphs need no quote folding here.
    const text = b.text.length < 300 ? normaliseQuotes(b.text) : b.text;
    const beforeBody = sk.sections.length === 0 && sk.summary === null && !summaryOpen;

    if (!sk.title && beforeBody && b.type !== 'item' && b.text.length < 250 && /\)\.?$|^(?:ref|\d)/i.test(b.text)) {
      const t = TITLE_LINE.exec(b.text);
      if (t) {
        sk.title = { organisation: t[1]!.trim(), ref: t[2]! };
        continue;
      }
      const bare = BARE_REF_LINE.exec(b.text);
      if (bare) {
        sk.title = { organisation: null, ref: bare[1]! };
        continue;
      }
    }
    // A copy's banner ("... Reference 25-002-918 Sector Other ... Decided 30 June 2025"): the reference and date as labelled fields.
    // Both labels on one short line before the decision: a banner of fields, not a sentence that cites a reference.
    const labelled = !sk.title && sk.summary === null && !summaryOpen && sk.sections.every((x) => x.kind === 'other' && x.blocks.length === 0) && b.text.length < 400 && !SUMMARY_LINE.test(b.text) ? LABELLED_REF.exec(b.text) : null;
    const decided = labelled ? DECIDED.exec(b.text) : null;
    if (labelled && decided) {
      sk.title = { organisation: null, ref: labelled[1]! };
      if (!sk.header.has('decision date')) sk.header.set('decision date', decided[1]!);
      sk.bannerLines = [];
      continue;
    }
    if (beforeBody || (sk.sections.length === 0 && !summaryOpen)) {
      const used = readHeaderEntry(blocks, i, sk.header);
      if (used > 0) {
        i += used - 1;
        continue;
      }
    }
    if (FINAL_DECISION_MARKER.test(text)) {
      sk.sawFinalDecisionMarker = true;
      expectSummary = sk.summary === null;
      continue;
    }
    const inline = /^the ombudsman'?s final decision:?\s+summary\s*:\s*(.+)$/i.exec(text);
    if (inline && sk.summary === null) {
      sk.sawFinalDecisionMarker = true;
      sk.summary = b.text.slice(b.text.length - inline[1]!.length).trim();
      continue;
    }
    const compliance = b.text.length < 120 ? COMPLIANCE_LINE.exec(text) : null;
    if (compliance) {
      sk.compliance ??= compliance[1]!.trim();
      continue;
    }
    // "Ombudsman satisfied with council's response:" alone, the date on the next line (one line per element).
    if (b.text.length < 80 && COMPLIANCE_LABEL.test(text) && blocks[i + 1] && blocks[i + 1]!.text.length < 40) {
      sk.compliance ??= blocks[++i]!.text.replace(/\.$/, '').trim();
      continue;
    }
    const sign = b.type !== 'item' && b.text.length < 120 ? SIGN_OFF.exec(text) : null;
    if (sign) {
      sk.signOffs.push(sign[1]!.trim());
      continue;
    }
    if (sk.summary === null && sk.sections.every((x) => x.kind === 'other')) {
      const s = SUMMARY_LINE.exec(b.text);
      if (s && s[1]) {
        // The Summary is one paragraph (domain.md): the label's own line, and a line or two broken
        // off it before the first heading ("... when it stopped providing" / "Mr X with ...").
        sk.summary = s[1].trim();
        summaryLines = 2;
        continue;
      }
      if (s || (b.type === 'heading' && /^(?:report )?summary:?$/i.test(b.text))) {
        summaryOpen = true; // the label stands alone: the next paragraph is the Summary
        continue;
      }
    }
    // A report's summary may open with a subject line ("Education - school transport").
    if (b.type === 'heading' && summaryOpen && !skippedSubject && headingKind(b.text) === 'other') {
      skippedSubject = true;
      continue;
    }
    if (summaryLines > 0 && b.type === 'para' && sk.sections.length === 0 && sk.summary !== null && sk.summary.length + b.text.length <= 1200 && !OLD_FINDING.test(text)) {
      sk.summary = `${sk.summary} ${b.text}`;
      summaryLines--;
      continue;
    }
    summaryLines = 0;
    if (b.type === 'heading') {
      expectSummary = false;
      if (summaryOpen) {
        sk.summary = summaryParts.join(' ').trim() || null;
        summaryOpen = false;
      }
      const kind = headingKind(b.text);
      if (kind !== 'other') topKind = kind;
      current = { heading: b.text, kind, topKind, blocks: [] };
      sk.sections.push(current);
      continue;
    }
    if (summaryOpen) {
      summaryParts.push(b.text);
      sk.summary = b.text;
      summaryOpen = false;
      continue;
    }
    // Older pages (2013-2017): the title, perhaps the header lines, then the summary paragraph
    // unlabelled, with no "The Ombudsman's final decision" line.
    const oldFormatLead = (sk.title !== null || sk.header.size > 0) && !sk.sawFinalDecisionMarker && sk.sections.length === 0 && !/^(?:report|investigation) /i.test(b.text) && b.text.length > 60;
    if ((expectSummary || oldFormatLead) && b.type === 'para' && sk.summary === null) {
      sk.summary = b.text;
      expectSummary = false;
      continue;
    }
    // Older pages state the finding in a line ("The Ombudsman upheld the complaint and found fault
    // causing injustice."); what follows it is the remedy, as under a Final decision heading.
    if (!sk.sawFinalDecisionMarker && b.type === 'para' && OLD_FINDING.test(text) && current?.kind !== 'final_decision') {
      topKind = 'final_decision';
      current = { heading: '', kind: 'final_decision', topKind, blocks: [] };
      sk.sections.push(current);
    }
    if (!current) {
      current = { heading: '', kind: 'other', topKind: 'other', blocks: [] };
      sk.sections.push(current);
    }
    current.blocks.push(b);
  }
  if (summaryOpen) sk.summary = summaryParts.join(' ').trim() || null;
  if (sk.bannerLines) {
    // The copy's own lines before the decision came out as empty untyped sections.
    const first = sk.sections.findIndex((x) => x.kind !== 'other' || x.blocks.length > 0);
    const chrome = sk.sections.splice(0, first < 0 ? sk.sections.length : first);
    sk.bannerLines = chrome.map((x) => x.heading);
  }
  return sk;
}

const OLD_FINDING = /^the ombudsman (?:has )?(?:upheld|did not uphold|found)\b[^.]{0,80}\b(?:complaint|fault|injustice)\b/i;

