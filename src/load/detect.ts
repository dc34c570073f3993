/**
 * @file Which loader a page needs: HTML, Markdown or plain text, told from its first bytes.
 */
import type { Block } from './blocks.js';
import { loadHtml } from './html.js';
import { loadMarkdown } from './markdown.js';
import { loadText } from './text.js';

export type SourceFormat = 'html' | 'markdown' | 'text';

/** Guesses the format: tags make HTML; `#` headings, `**bold**` or `[links](...)` make Markdown. */
export function detectFormat(text: string): SourceFormat {
  const head = text.slice(0, 4096);
  if (/^\s*(?:<!doctype html|<html|<\?xml)|<(?:article|body|div|p|h[1-6]|section|main|ul|ol|table)[\s>]/i.test(head)) return 'html';
  if (/^#{1,6} \S/m.test(head) || /^\*\*[^*\n]+\*\*/m.test(head) || /\[[^\]\n]+\]\([^)\n]+\)/.test(head)) return 'markdown';
  return 'text';
}

/** Loads a page with the loader for its format. */
export function loadBlocks(text: string, format: SourceFormat): { blocks: Block[]; htmlTitle: string | null; canonical: string | null } {
  if (format === 'html') {
    const { blocks, title, canonical } = loadHtml(text);
    return { blocks, htmlTitle: title, canonical };
  }
  return { blocks: format === 'markdown' ? loadMarkdown(text) : loadText(text), htmlTitle: null, canonical: null };
}
