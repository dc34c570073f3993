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

/** Elements that never carry decision text: skipped wherever they stand. */
// Not <form>: ASP.NET pages wrap the whole page in one.
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'button', 'select', 'input', 'textarea', 'nav']);

/** Elements that start a new block. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'details', 'summary', 'hr', 'br',
]);

/** Candidate containers of the decision, most specific first (article#article, #article, article, main, [role=main], #content, body). */
const ROOTS: Array<(el: Element) => boolean> = [
  (el) => el.name === 'article' && el.attribs.id === 'article',
  (el) => el.attribs.id === 'article',
  (el) => el.name === 'article',
  (el) => el.name === 'main',
  (el) => el.attribs.role === 'main',
  (el) => el.attribs.id === 'content',
  (el) => el.name === 'body',
];

/**
 * Parses an HTML page into blocks; also returns the page's <title> and canonical link.
 * @example loadHtml('<article id="article"><h1>Council (19 020 817)</h1>...</article>')
 */
export function loadHtml(html: string): { blocks: Block[]; title: string | null; canonical: string | null } {
  // htmlparser2 (xml: {xmlMode: false}) reads HTML several times faster than parse5 and is as
  // forgiving for what we need; one pass over the tree then finds what selectors would.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const document = $.root()[0]!;
  const found: Array<Element | undefined> = ROOTS.map(() => undefined);
  let titleEl: Element | undefined;
  let h1: Element | undefined;
  let canonical: string | null = null;
  const scan = (node: AnyNode): void => {
    if (!isTag(node)) return;
    const name = node.name.toLowerCase();
    if (name === 'title') titleEl ??= node;
    else if (name === 'h1') h1 ??= node;
    else if (name === 'link' && node.attribs.rel === 'canonical') canonical ??= node.attribs.href ?? null;
    else if (name === 'meta' && node.attribs.property === 'og:url') canonical ??= node.attribs.content ?? null;
    if (DROPPED.has(name)) return;
    ROOTS.forEach((test, i) => {
      if (!found[i] && test(node) && hasText(node)) found[i] = node;
    });
    for (const child of node.children) scan(child);
  };
  for (const child of (document as unknown as { children: AnyNode[] }).children) scan(child);
  const root = found.find(Boolean) ?? (document as unknown as Element);
  const out: Block[] = [];
  // Some pages put the title and header block just before the article: keep an h1 outside it.
  if (h1 && !contains(root, h1)) out.push(block('heading', textOf(h1), 0, { level: 1 }));
  for (const child of root.children) walk(child, 0, out);
  const title = titleEl ? fold(textOf(titleEl)) || null : null;
  return { blocks: out, title, canonical };
}

function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent as AnyNode | null) if (n === ancestor) return true;
  return false;
}

const isTag = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const tagName = (n: AnyNode): string => (isTag(n) ? n.name.toLowerCase() : '');
const isBlock = (n: AnyNode): boolean => isTag(n) && BLOCK_TAGS.has(tagName(n));

/** Whether a node holds any visible text (stops at the first). */
function hasText(node: AnyNode): boolean {
  if (node.type === 'text') return /\S/.test((node as unknown as { data: string }).data);
  return isTag(node) && !DROPPED.has(node.name.toLowerCase()) && node.children.some(hasText);
}

/** The text of a node and its descendants, optionally leaving out nested lists. */
function textOf(node: AnyNode, skipLists = false): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isTag(node) || DROPPED.has(node.name.toLowerCase())) return '';
  if (skipLists && (node.name === 'ul' || node.name === 'ol')) return '';
  let out = '';
  for (const child of node.children) out += textOf(child, skipLists);
  return out;
}

function walk(node: AnyNode, listDepth: number, out: Block[]): void {
  if (node.type === 'text') {
    const text = fold((node as unknown as { data: string }).data);
    if (text) out.push(block('para', text));
    return;
  }
  if (!isTag(node)) return;
  const tag = tagName(node);
  if (DROPPED.has(tag)) return;
  if (/^h[1-6]$/.test(tag)) {
    const text = fold(textOf(node));
    if (text) out.push(block('heading', text, 0, { level: Number(tag[1]) }));
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    let n = Number(node.attribs.start ?? 1) || 1;
    for (const li of node.children.filter((c) => tagName(c) === 'li')) emitItem(li as Element, tag === 'ol' ? `${n++}.` : '-', listDepth, out);
    return;
  }
  if (tag === 'li') {
    emitItem(node, '-', listDepth, out);
    return;
  }
  if (tag === 'dl') {
    let label = '';
    for (const child of node.children.filter(isTag)) {
      const t = fold(textOf(child));
      if (child.name === 'dt') label = t;
      else if (label) {
        out.push(block('para', `${label.replace(/\s*:$/, '')} : ${t}`));
        label = '';
      } else if (t) out.push(block('para', t));
    }
    return;
  }
  if (tag === 'tr') {
    const cells = node.children.filter((c) => tagName(c) === 'td' || tagName(c) === 'th').map((c) => fold(textOf(c))).filter(Boolean);
    if (cells.length === 2) out.push(block('para', `${cells[0]!.replace(/\s*:$/, '')} : ${cells[1]}`));
    else if (cells.length) out.push(block('para', cells.join(' | ')));
    return;
  }
  if (!node.children.some(isBlock)) {
    const text = fold(textOf(node));
    if (!text) return;
    // A paragraph that is all bold and short reads as a heading on the page.
    const strong = node.children.filter((c) => tagName(c) === 'strong' || tagName(c) === 'b');
    const allBold = tag === 'p' && strong.length > 0 && fold(strong.map((c) => textOf(c)).join(' ')) === text;
    // A paragraph that reads as a heading (short, no closing punctuation) is one, as in text renderings; bold or not.
    const line = labelled(node, text);
    out.push(looksLikeHeading(line) ? block('heading', line, 0, { inferred: !allBold }) : block('para', line));
    return;
  }
  // Mixed content: inline runs become paragraphs, <br> and block children split them.
  let run = '';
  const flush = () => {
    const text = fold(run);
    if (text) out.push(block('para', text));
    run = '';
  };
  for (const child of node.children) {
    if (isBlock(child)) {
      flush();
      if (tagName(child) !== 'br') walk(child, listDepth, out);
    } else run += textOf(child);
  }
  flush();
}

function emitItem(li: Element, marker: string, depth: number, out: Block[]): void {
  const text = fold(textOf(li, true));
  if (text) out.push(block('item', text, depth, { marker }));
  // Nested lists, directly inside the item or inside a wrapper (li > div > ul).
  const visit = (node: AnyNode): void => {
    if (!isTag(node)) return;
    if (node.name === 'ul' || node.name === 'ol') walk(node, depth + 1, out);
    else for (const c of node.children) visit(c);
  };
  for (const c of li.children) visit(c);
}

/** Header labels the site marks up as their own element ("<strong>Category</strong> <span>...</span>"). */
const LABEL = /^(category|decision date|date of decision|decision|summary)\s*:?$/i;

/** "Category Children's care > Other" read from label and value elements becomes "Category : ...". */
function labelled(el: Element, text: string): string {
  const first = el.children.find(isTag);
  if (!first) return text;
  const label = fold(textOf(first));
  if (!LABEL.test(label) || !text.startsWith(label)) return text;
  const rest = text.slice(label.length).replace(/^\s*:?\s*/, '');
  return rest ? `${label.replace(/\s*:$/, '')} : ${rest}` : text;
}
