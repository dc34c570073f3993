/**
 * @file One decision as readable text or Markdown: extracted fields, remedies and payments first,
 * then the decision itself. Text wraps to a width without cutting words (wrap-ansi), with
 * continuation lines under the start of the text, and paragraphs carry the decision's own
 * numbers (`sections[].paragraphNumbers`) when the record has them, so a reader can follow
 * "see paragraph 28 (f)".
 */
import wrapAnsi from 'wrap-ansi';
import type { DecisionRecord } from '../schema/record.js';
import { canonicalUrl } from '../export/url.js';
import { pounds } from './search-output.js';

export interface ShowTextOptions {
  /** Wrap lines to this many columns; 0 or absent: no wrapping. */
  width?: number;
  /** Bold headings (a terminal without NO_COLOR). */
  color?: boolean;
}

type Section = DecisionRecord['sections'][number];

/**
 * The number to print before paragraph `i`: the decision's own (`"28"`, `"28 (f)"`) when the record
 * carries `paragraphNumbers`, null for a paragraph the decision leaves unnumbered; otherwise the
 * position in the section.
 */
export function paragraphLabel(s: Section, i: number): string | null {
  const own = (s as Section & { paragraphNumbers?: (string | null)[] }).paragraphNumbers;
  if (Array.isArray(own)) return own[i] ?? null;
  return String(i + 1);
}

function fields(r: DecisionRecord): [string, string][] {
  const rows: [string, string | null][] = [
    ['Reference', r.ref],
    ['Organisation', r.organisation],
    ['Category', [r.category, r.subcategory].filter(Boolean).join(' > ') || null],
    ['Outcome', r.outcome ? `${r.outcome}${r.outcomeInferred ? ' (read from the text)' : ''}` : null],
    ['Decision date', r.decisionDate],
    ['Decided by', r.decisionMaker],
    ['Payments', r.paymentTotal > 0 ? `${pounds(r.paymentTotal)} in total` : 'none'],
    ['Address', canonicalUrl(r)],
  ];
  return rows.filter((x): x is [string, string] => x[1] !== null);
}

function remedyLines(r: DecisionRecord): string[] {
  return r.remedies.map((m) => `${m.kind.replace(/_/g, ' ')}: ${m.text}${m.deadline ? ` (${m.deadline})` : ''}`);
}

/** A payment as a line, with its typed why and to whom when read: `£500 to Mrs X for distress (agreed; why: distress; to whom: complainant)`. */
function paymentLines(r: DecisionRecord): string[] {
  return r.payments.map((p) => {
    // Read defensively: records stored before typed payments have neither field.
    const kinds = (p.purposeKinds ?? []).map((k) => k.replace(/_/g, ' '));
    const typed = [p.status.replace('_', ' '), ...(kinds.length ? [`why: ${kinds.join(', ')}`] : []), ...(p.recipientRole ? [`to whom: ${p.recipientRole}`] : [])];
    return `${pounds(p.amount)}${p.recipient ? ` to ${p.recipient}` : ''}${p.purpose ? ` for ${p.purpose}` : ''} (${typed.join('; ')})`;
  });
}

/**
 * `prefix` then `text`, wrapped to `width` with continuation lines indented to the text's start;
 * a word longer than the line stays whole.
 * @example hang('  1. ', 'a long paragraph ...', 40)
 */
export function hang(prefix: string, text: string, width: number | undefined): string {
  if (!width || width <= prefix.length + 10) return `${prefix}${text}`;
  const lines = wrapAnsi(text, width - prefix.length, { hard: false, trim: true }).split('\n');
  const pad = ' '.repeat(prefix.length);
  return lines.map((l, i) => `${i === 0 ? prefix : pad}${l}`).join('\n');
}

/** Plain text, for a terminal or a pager. */
export function showText(r: DecisionRecord, opts: ShowTextOptions = {}): string {
  const { width } = opts;
  const bold = (s: string): string => (opts.color ? `\x1b[1m${s}\x1b[22m` : s);
  const labelWidth = Math.max(...fields(r).map(([k]) => k.length));
  const out = [bold(hang('', `${r.organisation ?? 'Decision'} (${r.ref})`, width)), ''];
  for (const [k, v] of fields(r)) out.push(hang(`${k.padEnd(labelWidth)}  `, v, width));
  const list = (title: string, lines: string[]): void => {
    if (lines.length) out.push('', bold(title), ...lines.map((l) => hang('  - ', l, width)));
  };
  list('Remedies', remedyLines(r));
  list('Payments', paymentLines(r));
  list('Warnings', r.warnings);
  if (r.summary) out.push('', bold('Summary'), '', hang('', r.summary, width));
  for (const s of r.sections) {
    out.push('', bold(hang('', s.heading, width)), '');
    const labels = s.paragraphs.map((_p, i) => paragraphLabel(s, i));
    // Numbers right-aligned in one column per section, so "9." and "10." line up.
    const w = Math.max(0, ...labels.map((l) => (l === null ? 0 : l.length + 1)));
    s.paragraphs.forEach((p, i) => out.push(hang(`  ${labels[i] === null ? ' '.repeat(w) : `${labels[i]}.`.padStart(w)} `, p, width)));
  }
  return `${out.join('\n')}\n`;
}

/** Markdown, for notes and reports. */
export function showMarkdown(r: DecisionRecord): string {
  const out = [`# ${r.organisation ?? 'Decision'} (${r.ref})`, '', '| Field | Value |', '|---|---|'];
  for (const [k, v] of fields(r)) out.push(`| ${k} | ${v.replace(/\|/g, '\\|')} |`);
  if (r.remedies.length) out.push('', '## Remedies', '', ...remedyLines(r).map((l) => `- ${l}`));
  if (r.payments.length) out.push('', '## Payments', '', ...paymentLines(r).map((l) => `- ${l}`));
  if (r.summary) out.push('', '## Summary', '', r.summary);
  for (const s of r.sections) {
    out.push('', `## ${s.heading}`, '');
    // The decision's own numbers in bold (Markdown lists would renumber them); else a list.
    s.paragraphs.forEach((p, i) => {
      const label = paragraphLabel(s, i);
      const own = Array.isArray((s as Section & { paragraphNumbers?: unknown }).paragraphNumbers);
      out.push(own ? `${label === null ? '' : `**${label}.** `}${p}\n` : `${label}. ${p}`);
    });
  }
  return `${out.join('\n')}\n`;
}
