/**
 * @file One decision as readable text or Markdown: extracted fields, remedies and payments first,
 * then the decision itself.
 */
import type { DecisionRecord } from '../schema/record.js';
import { pounds } from './search-output.js';

function fields(r: DecisionRecord): [string, string][] {
  const rows: [string, string | null][] = [
    ['Reference', r.ref],
    ['Organisation', r.organisation],
    ['Category', [r.category, r.subcategory].filter(Boolean).join(' > ') || null],
    ['Outcome', r.outcome ? `${r.outcome}${r.outcomeInferred ? ' (read from the text)' : ''}` : null],
    ['Decision date', r.decisionDate],
    ['Decided by', r.decisionMaker],
    ['Payments', r.paymentTotal > 0 ? `${pounds(r.paymentTotal)} in total` : 'none'],
    ['Address', r.url],
  ];
  return rows.filter((x): x is [string, string] => x[1] !== null);
}

function remedyLines(r: DecisionRecord): string[] {
  return r.remedies.map((m) => `${m.kind.replace(/_/g, ' ')}: ${m.text}${m.deadline ? ` (${m.deadline})` : ''}`);
}

function paymentLines(r: DecisionRecord): string[] {
  return r.payments.map((p) => `${pounds(p.amount)}${p.recipient ? ` to ${p.recipient}` : ''}${p.purpose ? ` for ${p.purpose}` : ''} (${p.status.replace('_', ' ')})`);
}

/** Plain text, for a terminal or a pager. */
export function showText(r: DecisionRecord): string {
  const width = Math.max(...fields(r).map(([k]) => k.length));
  const out = [`${r.organisation ?? 'Decision'} (${r.ref})`, ''];
  for (const [k, v] of fields(r)) out.push(`${k.padEnd(width)}  ${v}`);
  if (r.remedies.length) out.push('', 'Remedies', ...remedyLines(r).map((l) => `  - ${l}`));
  if (r.payments.length) out.push('', 'Payments', ...paymentLines(r).map((l) => `  - ${l}`));
  if (r.warnings.length) out.push('', 'Warnings', ...r.warnings.map((w) => `  - ${w}`));
  if (r.summary) out.push('', 'Summary', '', r.summary);
  for (const s of r.sections) {
    out.push('', s.heading, '');
    s.paragraphs.forEach((p, i) => out.push(`  ${i + 1}. ${p}`));
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
    s.paragraphs.forEach((p, i) => out.push(`${i + 1}. ${p}`));
  }
  return `${out.join('\n')}\n`;
}
