/**
 * @file The header block (Category, Decision, Decision date) wherever its values sit: on the
 * label's line ("Category : A > B", "Category A > B" from `**Category** A > B`), on the next line
 * ("Category :" then "A", ">" alone, "B", as one-line-per-element text has it), or several pairs on
 * one line. A label without a colon is taken only when its value reads as that label's value
 * (a date for Decision date, an outcome for Decision), so a section headed "Decision" is not.
 */
import type { Block } from '../load/blocks.js';
import { parseDate } from './dates.js';
import { normaliseQuotes } from './patterns.js';

/** "Category", "Decision date", "Date of decision", "Decision", "Outcome" at the start of a line, with or without a colon. */
const LABEL = /^(category|decision date|date of decision|decision|outcome)\b\s*(:?)\s*(.*)$/i;

/**
 * How outcomes on the site begin ("Upheld", "Not upheld: no maladministration", "Closed after
 * initial enquiries", "Advice given", "Withdrawn", ...): a Decision value without a colon must.
 */
export const OUTCOME_VALUE = /^(?:upheld|not upheld|closed|advice given|withdrawn|not investigated|no further action|premature|outside (?:our )?jurisdiction|out of jurisdiction|investigation discontinued|referred back|discontinued|incomplete|invalid|no (?:maladministration|fault)|maladministration|injustice remedied|local settlement|report|other)\b/i;

/** A cheap first test: every header entry starts with one of its labels (perhaps after a table's "|"). */
const MAY_BE_HEADER = /^\|?\s*(?:category|decision|date of decision|outcome)/i;

const canonicalLabel = (label: string): string => {
  const l = label.toLowerCase();
  return l === 'date of decision' ? 'decision date' : l;
};

/** Whether `value` can be the value of `label` (stricter when the label had no colon). */
function fits(label: string, value: string, colon: boolean): boolean {
  if (!value || value.length > 150) return false;
  if (label === 'decision date') return colon || parseDate(value) !== null;
  // "Decision: The Ombudsman upheld the complaint and found fault." is a sentence, not an outcome.
  if (label === 'decision' || label === 'outcome') return OUTCOME_VALUE.test(value) || (colon && value.split(/\s+/).length <= 10 && !/[.;]$/.test(value));
  return colon || (value.length < 120 && !/[.;!?]$/.test(value) && /^[A-Z]/.test(value));
}

/** Two or more pairs on one line ("Category : A > B Decision : Upheld Decision date : 03 Jun 2021"), else null. */
export function splitHeaderPairs(text: string): Array<[string, string]> | null {
  const re = /\b(category|decision date|date of decision|decision)\s*:\s*/gi;
  const hits = [...text.matchAll(re)];
  if (hits.length < 2 || hits[0]!.index !== 0) return null;
  return hits.map((m, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.index : text.length;
    return [canonicalLabel(m[1]!), text.slice(m.index + m[0].length, end).trim()];
  });
}

/**
 * Reads one header entry starting at blocks[i] into `header` (first value of a label wins).
 * Returns how many blocks it used (0: blocks[i] is no header entry).
 */
export function readHeaderEntry(blocks: Block[], i: number, header: Map<string, string>): number {
  const b = blocks[i]!;
  if (b.type === 'item' || b.text.length >= 300 || !MAY_BE_HEADER.test(b.text)) return 0;
  // A Markdown table row left as text: "| Category | Housing > Allocations |".
  const raw = b.text.replace(/^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|?$/, (_all, label: string, value: string) => `${label.replace(/\s*:$/, '')} : ${value}`);
  const text = normaliseQuotes(raw);
  const pairs = splitHeaderPairs(text);
  if (pairs) {
    for (const [label, value] of pairs) if (!header.has(label)) header.set(label, value);
    return 1;
  }
  const m = LABEL.exec(text);
  if (!m) return 0;
  const label = canonicalLabel(m[1]!);
  const colon = m[2] === ':';
  let value = raw.slice(raw.length - m[3]!.length).trim();
  let used = 1;
  // The value on the next line (one line per element; a label alone in its own element).
  if (!value && blocks[i + 1] && blocks[i + 1]!.type !== 'item' && !LABEL.test(blocks[i + 1]!.text)) {
    value = blocks[i + 1]!.text.trim();
    used = 2;
  }
  if (label === 'category') {
    // "A" / ">" / "B", "A >" / "B", "A" / "> B": the subcategory follows on its own lines.
    while (blocks[i + used] && blocks[i + used]!.text.length < 150 && (/>\s*$/.test(value) || /^>/.test(blocks[i + used]!.text.trim()))) {
      value = `${value} ${blocks[i + used]!.text.trim()}`;
      used++;
    }
    value = value.replace(/\s*>\s*/g, ' > ').replace(/\s*>\s*$/, '').trim();
  }
  if (!fits(label, value, colon)) return 0;
  if (!header.has(label)) header.set(label, value);
  return used;
}
