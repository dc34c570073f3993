/**
 * @file Boilerplate removal: one small handler per kind, applied in order. What each drops:
 * - chrome: `Back to top`, `Print this page`, `LGO logogram` and the cookie/privacy panel's lines
 *   (the panel may stand first, last or both; see gold page 19-012-559 and every seed's end);
 * - toc: a run of list items that only repeats the page's own headings (a table of contents).
 */
import { normaliseQuotes, CHROME_LINES } from '../extract/patterns.js';
import type { Block } from '../load/blocks.js';

type Handler = (blocks: Block[]) => Block[];

/** Drops the site's chrome and the cookie panel, wherever they stand. */
const chrome: Handler = (blocks) =>
  blocks.filter((b) => {
    const t = normaliseQuotes(b.text);
    return !CHROME_LINES.some((re) => re.test(t));
  });

/** Drops a table of contents: two or more list items in a row that each repeat a heading. */
const toc: Handler = (blocks) => {
  const headings = new Set(blocks.filter((b) => b.type === 'heading').map((b) => key(b.text)));
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && blocks[j]!.type !== 'heading' && headings.has(key(blocks[j]!.text))) j++;
    if (j - i >= 2) {
      i = j;
      continue;
    }
    out.push(blocks[i]!);
    i++;
  }
  return out;
};

/** The handlers, in the order they run. */
export const BOILERPLATE_HANDLERS: Record<string, Handler> = { chrome, toc };

/**
 * Removes everything that is not part of the decision.
 * @example stripBoilerplate(loadText(text))
 */
export function stripBoilerplate(blocks: Block[]): Block[] {
  return Object.values(BOILERPLATE_HANDLERS).reduce((acc, handler) => handler(acc), blocks);
}

function key(text: string): string {
  return normaliseQuotes(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
