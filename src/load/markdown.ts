/**
 * @file Markdown renderings of decision pages into blocks, through remark-parse (mdast).
 * One handler per node kind; dropped kinds are listed in IGNORED.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { block, type Block } from './blocks.js';
import { looksLikeHeading } from '../extract/patterns.js';

/** Node kinds that carry nothing of the decision. */
const IGNORED = new Set(['html', 'thematicBreak', 'definition', 'footnoteDefinition', 'yaml', 'image', 'imageReference']);

const processor = unified().use(remarkParse);

/**
 * The deepest nesting read as written: a line indented past MAX_INDENT columns (a dozen list levels) or quoted more than
 * MAX_QUOTES times is read at that depth, its text kept. remark's time grows steeply with nesting
 * (a list 1,000 levels deep takes over a minute); real decisions nest three or four levels.
 */
export const MAX_INDENT = 24;
export const MAX_QUOTES = 12;

/** Parses Markdown into blocks. */
export function loadMarkdown(text: string): Block[] {
  const tree = processor.parse(limitNesting(text)) as Root;
  const out: Block[] = [];
  for (const node of tree.children) visit(node, 0, out);
  return out;
}

function visit(node: RootContent, depth: number, out: Block[]): void {
  if (IGNORED.has(node.type)) return;
  switch (node.type) {
    case 'heading':
      out.push(block('heading', phrasing(node.children), 0, { level: node.depth }));
      return;
    case 'paragraph':
      for (const line of phrasing(node.children).split('\n')) {
        if (!line.trim()) continue;
        const strongOnly = node.children.length === 1 && node.children[0]!.type === 'strong';
        out.push(looksLikeHeading(line) ? block('heading', line, 0, { inferred: !strongOnly }) : block('para', line));
      }
      return;
    case 'list':
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '-';
        let first = true;
        for (const child of item.children) {
          if (child.type === 'paragraph' && first) {
            out.push(block('item', phrasing(child.children), depth, { marker }));
            first = false;
          } else visit(child, depth + 1, out);
        }
      });
      return;
    case 'blockquote':
      for (const child of node.children) visit(child, depth, out);
      return;
    case 'table':
      for (const row of node.children) out.push(block('para', row.children.map((c) => phrasing(c.children)).join(' : ')));
      return;
    case 'code':
      out.push(block('para', node.value));
      return;
    default:
      if ('value' in node && typeof node.value === 'string') out.push(block('para', node.value));
  }
}

function phrasing(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text' || n.type === 'inlineCode') return n.value;
      if (n.type === 'break') return '\n';
      if ('children' in n) return phrasing(n.children as PhrasingContent[]);
      return '';
    })
    .join('');
}

/** Clamps each line's indentation and quote markers (see MAX_INDENT); linear in the text. */
export function limitNesting(text: string): string {
  if (!new RegExp(String.raw`^[ \t>]{${MAX_QUOTES + 1},}`, 'm').test(text)) return text;
  return text.replace(/^[ \t>]+/gm, (prefix) => {
    let quotes = 0;
    let width = 0;
    let out = '';
    for (const ch of prefix) {
      if (ch === '>') {
        if (quotes++ < MAX_QUOTES) out += ch;
        continue;
      }
      const w = ch === '\t' ? 4 - (width % 4) : 1;
      if (width + w > MAX_INDENT) continue;
      width += w;
      out += ch;
    }
    return out;
  });
}
