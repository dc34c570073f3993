/**
 * @file Boilerplate removal: one small handler per kind, applied in order. What each drops:
 * - chrome: `Back to top`, `Print this page`, `LGO logogram` and the cookie/privacy panel's lines
 *   (the panel may stand first, last or both; see gold page 19-012-559 and every seed's end);
 * - toc: a run of three or more lines that only repeats the page's own later headings (a table of contents).
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

/**
 * Drops a table of contents: three or more blocks in a row (links, items or bare lines) that
 * each repeat a heading standing later on the page.
 */
const toc: Handler = (blocks) => {
  const keys = blocks.map((b) => key(b.text));
  const lastHeading = new Map<string, number>();
  blocks.forEach((b, n) => b.type === 'heading' && lastHeading.set(keys[n]!, n));
  const standsLater = (at: number) => keys[at]!.length > 0 && keys[at]!.length <= 80 && (lastHeading.get(keys[at]!) ?? -1) > at + 1;
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && standsLater(j)) j++;
    if (j - i >= 3) {
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
