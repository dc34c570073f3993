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
}

/** Folds runs of white space (including no-break spaces) into single spaces. */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Makes a block. */
export function block(type: BlockType, text: string, depth = 0, extra: Partial<Block> = {}): Block {
  return { type, text: fold(text), depth, ...extra };
}
