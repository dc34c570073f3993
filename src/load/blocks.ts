/**
 * @file The block model every loader produces: the page as an ordered list of headings,
 * paragraphs and list items, whatever its source format (HTML, plain text, Markdown).
 */

export type BlockType = 'heading' | 'para' | 'item';

export interface Block {
  type: BlockType;
  /** The text with list markers removed and white space folded. */
  text: string;
  /** Nesting depth of list items (0 for top-level items and non-items). */
  depth: number;
  /** The list marker as written ("1.", "-", "•", "a)"), for items. */
  marker?: string;
  /** For HTML: the heading level (1 for h1). */
  level?: number;
  /** A heading or item told by its words alone (a short line, a line after a lead-in), not by markup: later stages may re-read it. */
  inferred?: boolean;
}

/** Folds runs of white space (including no-break spaces) into single spaces. */
export function fold(text: string): string {
  const t = text.includes('\u200b') ? text.replace(/\u200b/g, ' ') : text;
  // Replace only runs and odd spaces: replacing every single space costs more than the rest of loading.
  return t.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Makes a block. */
export function block(type: BlockType, text: string, depth = 0, extra: Partial<Block> = {}): Block {
  return { type, text: fold(text), depth, ...extra };
}

/** Makes a block from text that is folded already. */
export function foldedBlock(type: BlockType, text: string, depth = 0, extra: Partial<Block> = {}): Block {
  return { type, text, depth, ...extra };
}
