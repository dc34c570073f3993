/**
 * @file The numbers a decision cites its own paragraphs by ("paragraph 28 (f)"), one per
 * paragraph of `sections`. The site numbers paragraphs through the whole statement, lettering the
 * items of a list inside one ("28 (a)"). Copies differ: HTML with `<ol start>` keeps the site's
 * numbers; text copies restart at 1 in each section, restart again after a list that breaks one
 * paragraph, and number lettered items 1, 2, 3. So:
 * - when the top-level numbers the source gives run on through the statement, they are kept;
 * - otherwise top-level paragraphs are counted through the statement, and a "1." that follows a
 *   list inside the same section continues the paragraph before it (seed 001: this is how its
 *   own "paragraph 28 (f)" and "28 (h)" land on the recommendations they name);
 * - items of a deeper list are lettered under their paragraph, in order ("28 (a)", "28 (b)"),
 *   or keep the letter they were written with; bullets belong to the item or paragraph above.
 */
import type { Block } from '../load/blocks.js';

const ORDINAL = /^(\d{1,3})[.)]$/;
const LETTER = /^\(?([a-z])\)$|^([a-h])\.$/;

const isBullet = (b: Block): boolean => b.type === 'item' && !ORDINAL.test(b.marker ?? '') && !LETTER.test(b.marker ?? '');
const topNumber = (b: Block): number | null => (b.type === 'item' && b.depth === 0 ? Number(ORDINAL.exec(b.marker ?? '')?.[1] ?? NaN) || null : null);

/** Whether the source's own top-level numbers run on through the statement (1, 2, 3 ... across sections). */
function sourceNumbersRunOn(sections: Block[][]): boolean {
  const numbers = sections.flatMap((blocks) => blocks.map(topNumber).filter((n): n is number => n !== null));
  if (numbers.length < 2) return false;
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1) && sections.filter((s) => s.some((b) => topNumber(b) !== null)).length > 1;
}

/**
 * One list per section, parallel to its blocks: the cited number of each paragraph, or null
 * where there is none yet (text before the first numbered paragraph).
 * @example paragraphNumbers([[item('1.'), item('1.', 1), item('2.', 1)]]) // [['1', '1 (a)', '1 (b)']]
 */
export function paragraphNumbers(sections: Block[][]): Array<Array<string | null>> {
  const keep = sourceNumbersRunOn(sections);
  let count = 0;
  let current: string | null = null;
  let sub: string | null = null;
  let letters = 0;
  return sections.map((blocks) => {
    let numberedHere = false;
    return blocks.map((b, i) => {
      const prev = blocks[i - 1];
      if (b.depth === 0 && !isBullet(b)) {
        const own = topNumber(b);
        // "1." again after a list inside this section: the copy broke one paragraph around its list.
        const continues = !keep && own === 1 && numberedHere && prev !== undefined && (prev.depth > 0 || isBullet(prev));
        if (continues || (keep && own === null && b.type !== 'item' && current !== null)) return sub ?? current;
        count = keep && own !== null ? own : count + 1;
        current = String(count);
        sub = null;
        letters = 0;
        numberedHere = true;
        return current;
      }
      if (current === null) return null;
      if (b.depth > 0 && !isBullet(b)) {
        const letter = LETTER.exec(b.marker ?? '');
        letters = letter ? (letter[1] ?? letter[2])!.charCodeAt(0) - 96 : letters + 1;
        sub = `${current} (${String.fromCharCode(96 + Math.min(letters, 26))})`;
        return sub;
      }
      return sub ?? current;
    });
  });
}
