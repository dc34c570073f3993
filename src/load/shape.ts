/**
 * @file Structure from content, whatever the layout: after a lead-in ("the council has agreed
 * to:", "apologise to Mrs X for:"), the lines that continue it are list items even when the
 * rendering dropped their numbers and bullets (one-line-per-element text, `<p>` per action,
 * report-summary pages with one action per line and no closing punctuation). Runs on every
 * loader's blocks, so text, HTML and Markdown give the same list.
 */
import type { Block } from './blocks.js';
import { ACTION_START, FINAL_DECISION_MARKER, REPORT_MARKER, SIGN_OFF, SUMMARY_LINE, normaliseQuotes } from '../extract/patterns.js';
import { headingKind } from '../extract/structure.js';

/** Lines that end a list whatever their case: the site's own labels and lines. */
const NEVER_AN_ITEM = /^(?:ombudsman(?:'s)? (?:is )?satisfied with|category\b|decision\b|summary\b|the ombudsman'?s final decision|print this page|back to top)/i;

/** A line that ends with a colon and introduces a list (not a label such as "Summary:"). */
function isLeadIn(b: Block): boolean {
  if (b.type === 'heading' && !b.inferred) return false;
  if (b.text.length < 12 || !/:\s*$/.test(b.text)) return false;
  const t = normaliseQuotes(b.text);
  return !NEVER_AN_ITEM.test(t) && !FINAL_DECISION_MARKER.test(t) && !SUMMARY_LINE.test(t);
}

/** Whether a line without list markup continues the list a lead-in opened. */
function continuesList(b: Block, previous: string, inActions: boolean): boolean {
  if (b.type === 'item' || (b.type === 'heading' && !b.inferred)) return false;
  const t = normaliseQuotes(b.text);
  if (/:\s*$/.test(t) || NEVER_AN_ITEM.test(t) || SIGN_OFF.test(t) || headingKind(t) !== 'other') return false;
  if (/^[a-z]/.test(t)) return true;
  // A capitalised line: an action verb first, and the line before did not close a sentence, or was an action too.
  return ACTION_START.test(t) && (inActions || !/[.!?]["')]?$/.test(previous)) && t.length < 400;
}

/** "Apologise to Mrs X", "Review its policy", "Pay Mr Y £200": an action, not a heading, though short and unpunctuated. */
const READS_AS_ACTION = new RegExp(`${ACTION_START.source.slice(0, -2)}\\s+(?:to|its|his|her|their|him|them|mr|mrs|ms|miss|dr|a|an|the|all|relevant|each|both|staff)\\b`, 'i');

/** A known heading form: a section name, a report's label lines, "Report summary", the final decision marker. */
const knownForm = (text: string): boolean => headingKind(text) !== 'other' || REPORT_MARKER.test(text) || /^(?:report )?summary:?$/i.test(text) || /^the ombudsman'?s final decision/i.test(normaliseQuotes(text));

/**
 * Whether a line taken for a heading by its shape alone is one: a heading is followed by body
 * text, does not read as an action, and is not one of three or more such lines in a row (a list
 * that lost its bullets: "Level 1 Universal ...", "Level 2 Targeted ..."). The page's last line is
 * no heading (a copy cut short ends mid-sentence).
 */
function readsAsHeading(blocks: Block[], i: number, loose: boolean[]): boolean {
  const b = blocks[i]!;
  // An action, or "Council response: This was completed in January 2023" (a label, then a sentence).
  if (READS_AS_ACTION.test(b.text) || /:\s+(?:this|it|he|she|they|we|i|the (?:council|organisation|provider))\s+[a-z]/i.test(b.text)) return false;
  if (!loose[i]) return true;
  if (i === blocks.length - 1) return false;
  let start = i;
  while (loose[start - 1]) start--;
  let end = i;
  while (loose[end + 1]) end++;
  // In a run of three or more, only the last (the one body text follows) is a heading.
  return end - start < 2 || i === end;
}

/**
 * Re-reads blocks that came without list markup: lines after a lead-in become its items; a line
 * taken for a heading by its shape alone that reads as an action is a paragraph.
 * @example shapeBlocks(loadText('The council has agreed to:\napologise to Mr X\npay Mr X £100'))
 */
export function shapeBlocks(blocks: Block[]): Block[] {
  // Headings told by shape alone and by no known form, worked out once per block.
  const loose = blocks.map((b) => b.type === 'heading' && b.inferred === true && !knownForm(b.text));
  const out = blocks.map((b, i) => (b.type === 'heading' && b.inferred && !readsAsHeading(blocks, i, loose) ? { ...b, type: 'para' as const } : b));
  for (let i = 0; i < out.length; i++) {
    const lead = out[i]!;
    if (!isLeadIn(lead)) continue;
    const depth = (lead.type === 'item' ? lead.depth : 0) + 1;
    let previous = lead.text;
    let j = i + 1;
    // "1. ... apologise to Mrs X for:" then "• ..." at the same indentation (a browser's copy loses
    // it): items of another kind of marker than the lead-in's are its sub-list.
    if (lead.type === 'item') {
      const kind = markerKind(lead.marker);
      for (; j < out.length && out[j]!.type === 'item' && out[j]!.depth === lead.depth && markerKind(out[j]!.marker) !== kind; j++) {
        out[j] = { ...out[j]!, depth };
      }
      if (j > i + 1) {
        i = j - 1;
        continue;
      }
    }
    let inActions = false;
    for (; j < out.length && continuesList(out[j]!, previous, inActions); j++) {
      previous = out[j]!.text;
      inActions = ACTION_START.test(normaliseQuotes(previous));
      out[j] = { ...out[j]!, type: 'item', depth, marker: '-', inferred: true };
    }
    i = j - 1;
  }
  return out;
}

/** "ordinal" (1. 2)), "letter" (a) (b)), or "bullet" (- • *). */
function markerKind(marker: string | undefined): 'ordinal' | 'letter' | 'bullet' {
  if (!marker) return 'bullet';
  if (/^\d/.test(marker)) return 'ordinal';
  if (/^\(?[a-z]{1,5}[.)]$/i.test(marker)) return 'letter';
  return 'bullet';
}
