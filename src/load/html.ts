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
import { loadText } from './text.js';

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
  // Iterative walks throughout: pages nested thousands of elements deep must not overflow the stack.
  const pending: AnyNode[] = [...(document as unknown as { children: AnyNode[] }).children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!isTag(node)) continue;
    const name = node.name.toLowerCase();
    if (name === 'title') titleEl ??= node;
    else if (name === 'h1') h1 ??= node;
    else if (name === 'link' && node.attribs.rel === 'canonical') canonical ??= node.attribs.href ?? null;
    else if (name === 'meta' && node.attribs.property === 'og:url') canonical ??= node.attribs.content ?? null;
    if (DROPPED.has(name)) continue;
    ROOTS.forEach((test, i) => {
      if (!found[i] && test(node) && hasText(node)) found[i] = node;
    });
    for (let c = node.children.length - 1; c >= 0; c--) pending.push(node.children[c]!);
  }
  const root = found.find(Boolean) ?? (document as unknown as Element);
  const out: Block[] = [];
  // Some pages put the title and header block just before the article: keep an h1 outside it.
  if (h1 && !contains(root, h1)) out.push(block('heading', textOf(h1), 0, { level: 1 }));
  walk(root.children, out);
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
  const pending: AnyNode[] = [node];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (n.type === 'text') {
      if (/\S/.test((n as unknown as { data: string }).data)) return true;
    } else if (isTag(n) && !DROPPED.has(n.name.toLowerCase())) pending.push(...n.children);
  }
  return false;
}

/** The text of a node and its descendants, optionally leaving out nested lists. */
function textOf(node: AnyNode, skipLists = false): string {
  let out = '';
  const pending: AnyNode[] = [node];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isTag(n) && !DROPPED.has(n.name.toLowerCase()) && !(skipLists && (n.name === 'ul' || n.name === 'ol'))) {
      for (let c = n.children.length - 1; c >= 0; c--) pending.push(n.children[c]!);
    }
  }
  return out;
}

/** A unit of the walk's work: a node to read at a list depth, or a paragraph already read. */
type Task = { node: AnyNode; depth: number; marker?: string } | { para: string };

/** Reads nodes into blocks in document order, with an explicit stack instead of recursion. */
function walk(nodes: AnyNode[], out: Block[]): void {
  const stack: Task[] = nodes.map((node) => ({ node, depth: 0 })).reverse();
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('para' in task) {
      pushLine(task.para, out);
      continue;
    }
    const next = readNode(task.node, task.depth, task.marker, out);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
}

/**
 * Text no element marks up (runs between <br>s, a body wrapped in one <font>): read as the text
 * loader reads lines, so "1." and "a)" markers, indentation and headings count as in a text copy.
 */
function pushLine(text: string, out: Block[]): void {
  for (const b of loadText(text)) out.push(b);
}

/** Reads one node: emits what it holds directly, returns the tasks for what it contains, in order. */
function readNode(node: AnyNode, listDepth: number, marker: string | undefined, out: Block[]): Task[] {
  if (node.type === 'text') {
    const text = fold((node as unknown as { data: string }).data);
    if (text) out.push(block('para', text));
    return [];
  }
  if (!isTag(node)) return [];
  const tag = tagName(node);
  if (DROPPED.has(tag)) return [];
  if (/^h[1-6]$/.test(tag)) {
    const text = fold(textOf(node));
    if (text) out.push(block('heading', text, 0, { level: Number(tag[1]) }));
    return [];
  }
  if (tag === 'ul' || tag === 'ol') {
    let n = Number(node.attribs.start ?? 1) || 1;
    return node.children.filter((c) => tagName(c) === 'li').map((li) => {
      const value = Number((li as Element).attribs.value);
      if (tag === 'ol' && Number.isInteger(value) && value > 0) n = value;
      return { node: li, depth: listDepth, marker: tag === 'ol' ? `${n++}.` : '-' };
    });
  }
  if (tag === 'li') return emitItem(node, marker ?? '-', listDepth, out);
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
    return [];
  }
  if (tag === 'tr') {
    const cells = node.children.filter((c) => tagName(c) === 'td' || tagName(c) === 'th').map((c) => fold(textOf(c))).filter(Boolean);
    if (cells.length === 2) out.push(block('para', `${cells[0]!.replace(/\s*:$/, '')} : ${cells[1]}`));
    else if (cells.length) out.push(block('para', cells.join(' | ')));
    return [];
  }
  if (!node.children.some(isBlock)) {
    const text = fold(textOf(node));
    if (!text) return [];
    // A paragraph that reads as a heading (short, no closing punctuation) is one, as in text renderings; bold or not.
    const strong = node.children.filter((c) => tagName(c) === 'strong' || tagName(c) === 'b');
    const allBold = tag === 'p' && strong.length > 0 && fold(strong.map((c) => textOf(c)).join(' ')) === text;
    const line = labelled(node, text);
    out.push(looksLikeHeading(line) ? block('heading', line, 0, { inferred: !allBold }) : block('para', line));
    return [];
  }
  // Mixed content (an article wrapped in one <span>, lines split by <br>): inline runs become
  // lines, read as the text loader reads lines; block children are read in their turn.
  const tasks: Task[] = [];
  let run = '';
  for (const child of node.children) {
    if (isBlock(child)) {
      if (run.trim()) tasks.push({ para: run });
      run = '';
      if (tagName(child) !== 'br') tasks.push({ node: child, depth: listDepth });
    } else run += textOf(child);
  }
  if (run.trim()) tasks.push({ para: run });
  return tasks;
}

/** Emits a list item's own text; returns its nested lists (directly inside it or in a wrapper, li > div > ul) as tasks. */
function emitItem(li: Element, marker: string, depth: number, out: Block[]): Task[] {
  const text = fold(textOf(li, true));
  if (text) out.push(block('item', text, depth, { marker }));
  const lists: Task[] = [];
  const pending: AnyNode[] = [...li.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'ul' || node.name === 'ol') lists.push({ node, depth: depth + 1 });
    else for (let c = node.children.length - 1; c >= 0; c--) pending.push(node.children[c]!);
  }
  return lists;
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
