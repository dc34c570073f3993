/**
 * @file HTML decision pages into blocks (cheerio). Finds the decision inside
 * `<article id="article">` (or the nearest equivalent), then walks it in document order:
 * h1-h6 are headings, li are items (nested lists deepen), p/div leaves are paragraphs,
 * dt/dd and two-cell table rows become `Label : value` lines so the header block
 * (Category, Decision, Decision date) is read by label text, never by class name.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { block, fold, type Block } from './blocks.js';
import { looksLikeHeading } from '../extract/patterns.js';

/** Elements that never carry decision text. */
const DROPPED = 'script, style, noscript, template, iframe, svg, button, select, input, textarea, nav, form';

/** Elements that start a new block. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'details', 'summary', 'hr', 'br',
]);

/** Candidate containers of the decision, most specific first. */
const ROOTS = ['article#article', '#article', 'article', 'main', '[role=main]', '#content', 'body'];

/**
 * Parses an HTML page into blocks; also returns the page's <title> and canonical link.
 * @example loadHtml('<article id="article"><h1>Council (19 020 817)</h1>...</article>')
 */
export function loadHtml(html: string): { blocks: Block[]; title: string | null; canonical: string | null } {
  const $ = cheerio.load(html);
  const title = fold($('title').first().text()) || null;
  const canonical = $('link[rel=canonical]').attr('href') ?? $('meta[property="og:url"]').attr('content') ?? null;
  $(DROPPED).remove();
  let root: cheerio.Cheerio<AnyNode> = $("body");
  for (const sel of ROOTS) {
    const found = $(sel).first();
    if (found.length && fold(found.text()).length > 0) {
      root = found;
      break;
    }
  }
  const out: Block[] = [];
  // Some pages put the title and header block just before the article: keep an h1 outside it.
  const h1 = $('h1').first();
  if (h1.length && root.find(h1).length === 0 && !root.is(h1)) out.push(block('heading', h1.text(), 0, { level: 1 }));
  for (const child of root.contents().toArray()) walk($, child, 0, out);
  return { blocks: out, title, canonical };
}

function walk($: cheerio.CheerioAPI, node: AnyNode, listDepth: number, out: Block[]): void {
  if (node.type === 'text') {
    const text = fold((node as unknown as { data: string }).data);
    if (text) out.push(block('para', text));
    return;
  }
  if (node.type !== 'tag') return;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (/^h[1-6]$/.test(tag)) {
    const text = fold($(el).text());
    if (text) out.push(block('heading', text, 0, { level: Number(tag[1]) }));
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    let n = Number($(el).attr('start') ?? 1);
    for (const li of $(el).children('li').toArray()) {
      emitItem($, li, tag === 'ol' ? `${n++}.` : '-', listDepth, out);
    }
    return;
  }
  if (tag === 'li') {
    emitItem($, el, '-', listDepth, out);
    return;
  }
  if (tag === 'dl') {
    let label = '';
    for (const child of $(el).children().toArray()) {
      const t = fold($(child).text());
      if ((child as Element).tagName === 'dt') label = t;
      else if (label) {
        out.push(block('para', `${label.replace(/\s*:$/, '')} : ${t}`));
        label = '';
      } else if (t) out.push(block('para', t));
    }
    return;
  }
  if (tag === 'tr') {
    const cells = $(el).children('td, th').toArray().map((c) => fold($(c).text())).filter(Boolean);
    if (cells.length === 2) out.push(block('para', `${cells[0]!.replace(/\s*:$/, '')} : ${cells[1]}`));
    else if (cells.length) out.push(block('para', cells.join(' | ')));
    return;
  }
  const children = $(el).contents().toArray();
  const hasBlockChild = children.some((c) => c.type === 'tag' && BLOCK_TAGS.has((c as Element).tagName.toLowerCase()));
  if (!hasBlockChild) {
    const text = fold($(el).text());
    if (!text) return;
    // A paragraph that is all bold and short reads as a heading on the page.
    const strong = $(el).children('strong, b').toArray();
    const allBold = tag === 'p' && strong.length > 0 && fold(strong.map((s) => $(s).text()).join(' ')) === text;
    out.push(block(allBold && looksLikeHeading(text) ? 'heading' : 'para', labelled($, el, text)));
    return;
  }
  // Mixed content: inline runs become paragraphs, <br> splits them.
  let run = '';
  const flush = () => {
    const text = fold(run);
    if (text) out.push(block('para', text));
    run = '';
  };
  for (const child of children) {
    if (child.type === 'tag' && BLOCK_TAGS.has((child as Element).tagName.toLowerCase())) {
      flush();
      if ((child as Element).tagName.toLowerCase() !== 'br') walk($, child, listDepth, out);
    } else run += child.type === 'text' ? (child as unknown as { data: string }).data : $(child).text();
  }
  flush();
}

function emitItem($: cheerio.CheerioAPI, li: AnyNode, marker: string, depth: number, out: Block[]): void {
  const clone = $(li).clone();
  clone.find('ul, ol').remove();
  const text = fold(clone.text());
  if (text) out.push(block('item', text, depth, { marker }));
  for (const list of $(li).children('ul, ol').toArray()) walk($, list, depth + 1, out);
  // Lists nested inside wrappers (li > div > ul) still count as nested.
  for (const list of $(li).children(':not(ul):not(ol)').find('ul, ol').toArray()) {
    if ($(list).parent().closest('li')[0] === li) walk($, list, depth + 1, out);
  }
}

/** Header labels the site marks up as their own element ("<strong>Category</strong> <span>...</span>"). */
const LABEL = /^(category|decision date|date of decision|decision|summary)\s*:?$/i;

/** "Category Children's care > Other" read from label and value elements becomes "Category : ...". */
function labelled($: cheerio.CheerioAPI, el: Element, text: string): string {
  const first = $(el).children().first();
  const label = fold(first.text());
  if (!first.length || !LABEL.test(label) || !text.startsWith(label)) return text;
  const rest = text.slice(label.length).replace(/^\s*:?\s*/, '');
  return rest ? `${label.replace(/\s*:$/, '')} : ${rest}` : text;
}
