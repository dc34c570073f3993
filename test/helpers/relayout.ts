/**
 * @file A small renderer for the rendering-invariance suite: lays one decision's content out
 * again in the renderings real copies of the site come in (../shared/domain.md, "Renderings and
 * eras"): the seeds' text, one line per HTML element, HTML with label/value pairs and lists,
 * HTML whose headings are paragraphs with the header in a <dl> or table, and Markdown as
 * Turndown (an HTML-to-Markdown converter) writes it. The content model is read from the
 * original page by the project's own loader (blocks) and its record (header values), so the
 * same words go into every layout; only the layout changes.
 */
import TurndownService from 'turndown';
import { stripBoilerplate } from '../../src/clean/boilerplate.js';
import type { Block } from '../../src/load/blocks.js';
import { detectFormat, loadBlocks } from '../../src/load/detect.js';
import { decodeBytes } from '../../src/load/decode.js';
import { BARE_REF_LINE, HEADER_LINE, TITLE_LINE } from '../../src/extract/patterns.js';
import type { DecisionRecord } from '../../src/schema/record.js';

export interface PageModel {
  organisation: string | null;
  ref: string;
  category: string | null;
  subcategory: string | null;
  /** Only when the original shows a Decision line. */
  outcome: string | null;
  /** As the site writes it: "03 Jun 2021". */
  decisionDate: string | null;
  body: Block[];
  /** Whether the original shows a title line (some older pages have none, and no organisation). */
  hasTitle: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-06-03" as the header writes it: "03 Jun 2021". */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** Reads the content model of an original page: its record's header values, and its body blocks after the title and header. */
export function readModel(bytes: Uint8Array, record: DecisionRecord): PageModel {
  const text = decodeBytes(bytes);
  const blocks = stripBoilerplate(loadBlocks(text, detectFormat(text)).blocks);
  let i = 0;
  let hasTitle = false;
  for (; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    if (TITLE_LINE.test(t) || BARE_REF_LINE.test(t)) {
      hasTitle = true;
      continue;
    }
    const h = HEADER_LINE.exec(t);
    if (!h) break;
    if (!h[2]!.trim()) i++; // the value stands in the next block
  }
  return {
    organisation: record.organisation,
    ref: record.ref,
    category: record.categorySource === 'page' ? record.category : null,
    subcategory: record.categorySource === 'page' ? record.subcategory : null,
    outcome: record.outcomeInferred ? null : record.outcome,
    decisionDate: record.decisionDate ? displayDate(record.decisionDate) : null,
    body: blocks.slice(i),
    hasTitle: hasTitle || record.organisation !== null,
  };
}

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function titleLine(m: PageModel): string {
  return m.organisation ? `${m.organisation} (${m.ref})` : m.ref;
}

/** The title line as a list of lines: none when the original has none. */
const titleLines = (m: PageModel): string[] => (m.hasTitle ? [titleLine(m)] : []);
const titleHeading = (m: PageModel): string => (m.hasTitle ? `<h1>${esc(titleLine(m))}</h1>\n` : '');

function headerPairs(m: PageModel): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (m.category) out.push(['Category', m.subcategory ? `${m.category} > ${m.subcategory}` : m.category]);
  if (m.outcome) out.push(['Decision', m.outcome]);
  if (m.decisionDate) out.push(['Decision date', m.decisionDate]);
  return out;
}

/** The seeds' layout: title line, `Label : value` lines, blank lines between, numbered and bulleted items indented. */
export function seedText(m: PageModel): string {
  const lines = [...titleLines(m), ...headerPairs(m).map(([l, v]) => `${l} : ${v}`)];
  for (const b of m.body) lines.push(b.type === 'item' ? `${'  '.repeat(b.depth + 1)}${b.marker ?? '-'} ${b.text}` : b.text);
  return `${lines.join('\n\n')}\n`;
}

/**
 * One line per HTML element, as BeautifulSoup's get_text("\n") writes it: labels alone with the
 * value on the next line, `>` alone, no blank lines, no list numbers or bullets, headings without
 * punctuation, "Summary:" alone above its text; with or without the title line.
 */
export function oneLineText(m: PageModel, withTitle: boolean): string {
  const lines: string[] = withTitle ? titleLines(m) : [];
  if (m.category) lines.push('Category :', m.category, ...(m.subcategory ? ['>', m.subcategory] : []));
  if (m.outcome) lines.push('Decision :', m.outcome);
  if (m.decisionDate) lines.push('Decision date :', m.decisionDate);
  for (const b of m.body) {
    if (b.type === 'heading') lines.push(b.text.replace(/[:.]\s*$/, ''));
    else {
      // A bold label and its value are two elements: "Summary:" / text, "...council's response:" / date.
      const s = /^(Summary:|Ombudsman satisfied with [^:]{5,40}:)\s*(.+)$/i.exec(b.text);
      if (s) lines.push(s[1]!, s[2]!);
      else lines.push(b.text);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One line per element with inline elements too: get_text("\\n") also breaks a paragraph around
 * every link or emphasis, here around "the Council" and quoted words ("‘injustice’").
 */
export function oneLineInline(m: PageModel): string {
  const split = (text: string): string => text.replace(/\b(the) (Council)\b/g, '$1\n$2\n').replace(/ ?(‘[^’\n]{2,40}’)/g, '\n$1\n');
  const body = m.body.map((b) => (b.type === 'heading' ? b : { ...b, text: split(b.text) }));
  return oneLineText({ ...m, body }, true)
    .replace(/\n\s*\n/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}

/** Body blocks as HTML; `heading` says how a heading is marked up. */
function bodyHtml(blocks: Block[], heading: (text: string, n: number) => string): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i]!;
    if (b.type === 'item') {
      let j = i;
      while (j < blocks.length && blocks[j]!.type === 'item') j++;
      out.push(listHtml(blocks.slice(i, j)));
      i = j;
      continue;
    }
    if (b.type === 'heading') out.push(heading(b.text, n++));
    else {
      const s = /^(Summary:)\s*(.+)$/i.exec(b.text);
      out.push(s ? `<p><strong>${esc(s[1]!)}</strong> ${esc(s[2]!)}</p>` : `<p>${esc(b.text)}</p>`);
    }
    i++;
  }
  return out.join('\n');
}

/** Items (with depths) as nested <ol>/<ul>, keeping the original numbering in `start`. */
function listHtml(items: Block[]): string {
  let html = '';
  const open: string[] = [];
  let depth = -1;
  // Bullets a text copy left at the level of the numbered paragraph above them belong to it (the
  // site nests them in its <li>): lift them one level below it.
  let lift: { from: number; to: number } | null = null;
  let prev: Block | null = null;
  for (const it of items) {
    const bullet = !/^(?:\d+[.)]|\(?[a-z]\))$/.test(it.marker ?? '');
    let want = it.depth;
    if (bullet && lift && it.depth === lift.from) want = lift.to;
    else if (bullet && prev && /^(?:\d+[.)]|\(?[a-z]\))$/.test(prev.marker ?? '') && it.depth <= depth) {
      lift = { from: it.depth, to: depth + 1 };
      want = depth + 1;
    } else if (!bullet) lift = null;
    prev = it;
    const d = Math.min(want, depth + 1);
    while (depth > d) {
      html += `</li></${open.pop()}>`;
      depth--;
    }
    if (depth === d) html += '</li>';
    if (d > depth) {
      const num = /^(\d+)[.)]$/.exec(it.marker ?? '');
      const letter = /^\(?[a-z]\)$/.test(it.marker ?? '');
      const tag = num || letter ? 'ol' : 'ul';
      html += num ? `<ol start="${num[1]}">` : letter ? '<ol type="a">' : `<${tag}>`;
      open.push(tag);
      depth = d;
    }
    html += `<li>${esc(it.text)}`;
  }
  while (open.length) html += `</li></${open.pop()}>`;
  return html;
}

function htmlPage(title: string, article: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n</head>\n<body>\n<main>\n<article id="article">\n${article}\n</article>\n</main>\n</body>\n</html>\n`;
}

const SITE = 'Local Government and Social Care Ombudsman';

/** HTML like the site's: h1 title, label/value elements, h2 headings, numbered lists. */
export function htmlPairs(m: PageModel): string {
  const header = headerPairs(m)
    .map(([l, v]) => `<p><strong class="label">${l}</strong> <span class="value">${esc(v)}</span></p>`)
    .join('\n');
  return htmlPage(`${titleLine(m)} - ${SITE}`, `${titleHeading(m)}${header}\n${bodyHtml(m.body, (t) => `<h2>${esc(t)}</h2>`)}`);
}

/**
 * HTML whose headings are plain or bold paragraphs, the header in a <dl> (or a table), and the
 * title only in <title>.
 */
export function htmlParagraphHeadings(m: PageModel, header: 'dl' | 'table'): string {
  const pairs = headerPairs(m);
  const head =
    header === 'dl'
      ? `<dl>${pairs.map(([l, v]) => `<dt>${l}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`
      : `<table>${pairs.map(([l, v]) => `<tr><th>${l}:</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  const heading = (t: string, n: number) => (n % 2 === 0 ? `<p>${esc(t)}</p>` : `<p><strong>${esc(t)}</strong></p>`);
  return htmlPage(`${titleLine(m)} | ${SITE}`, `${head}\n${bodyHtml(m.body, heading)}`);
}

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '*' });

/** Markdown as Turndown writes the site-like HTML's article. */
export function markdown(m: PageModel): string {
  const html = htmlPairs(m);
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>') + 10);
  return `${turndown.turndown(article)}\n`;
}

/**
 * A browser's copy of the page: label and value separated by a tab (table cells, dt/dd), list
 * numbers and bullets kept but not indented, blank lines between paragraphs.
 */
export function browserCopy(m: PageModel): string {
  const lines = [...titleLines(m), ...headerPairs(m).map(([l, v]) => `${l}\t${v}`)];
  for (const b of m.body) lines.push(b.type === 'item' ? `${/^\d/.test(b.marker ?? '') ? b.marker : '•'} ${b.text}` : b.text);
  return `${lines.join('\n\n')}\n`;
}

/** Markdown as Turndown writes the page whose headings are paragraphs and whose header is a <dl>/table. */
export function markdownOfParagraphHeadings(m: PageModel): string {
  const html = htmlParagraphHeadings(m, 'table');
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>') + 10);
  return `${turndown.turndown(article)}\n`;
}

/** HTML from another era of markup: header labels and values in sibling <div>s, <h3> headings, list items holding <p>. */
export function htmlDivs(m: PageModel): string {
  const header = headerPairs(m)
    .map(([l, v]) => `<div class="field"><div class="field-label">${l}</div><div class="field-value">${esc(v)}</div></div>`)
    .join('\n');
  const body = bodyHtml(m.body, (t) => `<h3>${esc(t)}</h3>`).replace(/<li>([^<]*)/g, '<li><p>$1</p>');
  return htmlPage(`LGO | Decision | ${titleLine(m)}`, `${titleHeading(m)}${header}\n${body}`);
}

export type LayoutName = 'seed-text' | 'one-line' | 'one-line-no-title' | 'html-pairs' | 'html-p-dl' | 'html-strong-table' | 'markdown' | 'browser-copy' | 'markdown-p' | 'html-divs' | 'one-line-inline';

/** Every layout of one page, with the format the parser should detect. */
export function allLayouts(m: PageModel): Array<{ layout: LayoutName; text: string }> {
  return [
    { layout: 'seed-text', text: seedText(m) },
    { layout: 'one-line', text: oneLineText(m, true) },
    { layout: 'one-line-no-title', text: oneLineText(m, false) },
    { layout: 'html-pairs', text: htmlPairs(m) },
    { layout: 'html-p-dl', text: htmlParagraphHeadings(m, 'dl') },
    { layout: 'html-strong-table', text: htmlParagraphHeadings(m, 'table') },
    { layout: 'markdown', text: markdown(m) },
    { layout: 'browser-copy', text: browserCopy(m) },
    { layout: 'markdown-p', text: markdownOfParagraphHeadings(m) },
    { layout: 'html-divs', text: htmlDivs(m) },
    { layout: 'one-line-inline', text: oneLineInline(m) },
  ];
}

/** The fields that must not depend on the layout. */
export function invariantFields(r: DecisionRecord): Record<string, unknown> {
  return {
    organisation: r.organisation,
    ref: r.ref,
    category: r.category,
    subcategory: r.subcategory,
    outcome: r.outcome,
    decisionDate: r.decisionDate,
    summary: r.summary?.replace(/\s+/g, ' ').trim() ?? null,
    remedyKinds: r.remedies.map((x) => x.kind).sort(),
    payments: r.payments.map((p) => `${p.amount}${p.perUnit ? `=${p.perUnit.amount}x${p.perUnit.count}` : ''}`).sort(),
    complianceDate: r.complianceDate,
    truncated: r.truncated,
    documentType: r.documentType,
    decisionMaker: r.decisionMaker,
    outcomeInferred: r.outcomeInferred,
    paymentRecipients: r.payments.map((p) => `${p.amount}|${p.recipient}`).sort(),
    sectionHeadings: r.sections.map((x) => x.heading.replace(/[:.]$/, '')),
  };
}
