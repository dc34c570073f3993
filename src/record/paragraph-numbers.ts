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

/** A block's list marker, read once: its ordinal number, its letter, or a bullet. */
interface Mark {
  ordinal: number | null;
  letter: string | null;
  bullet: boolean;
}

function markOf(b: Block): Mark {
  if (b.type !== 'item' || !b.marker) return { ordinal: null, letter: null, bullet: b.type === 'item' };
  const o = ORDINAL.exec(b.marker);
  if (o) return { ordinal: Number(o[1]), letter: null, bullet: false };
  const l = LETTER.exec(b.marker);
  return l ? { ordinal: null, letter: (l[1] ?? l[2])!, bullet: false } : { ordinal: null, letter: null, bullet: true };
}

const topNumber = (b: Block, m: Mark): number | null => (b.depth === 0 ? m.ordinal : null);

/** Whether the source's own top-level numbers run on through the statement (1, 2, 3 ... across sections). */
function sourceNumbersRunOn(sections: Block[][], marks: Mark[][]): boolean {
  let last = 0;
  let seen = 0;
  let sectionsWithNumbers = 0;
  for (let s = 0; s < sections.length; s++) {
    let here = false;
    for (let i = 0; i < sections[s]!.length; i++) {
      const n = topNumber(sections[s]![i]!, marks[s]![i]!);
      if (n === null) continue;
      if (seen > 0 && n !== last + 1) return false;
      last = n;
      seen++;
      here = true;
    }
    if (here) sectionsWithNumbers++;
  }
  return seen >= 2 && sectionsWithNumbers > 1;
}

/**
 * One list per section, parallel to its blocks: the cited number of each paragraph, or null
 * where there is none yet (text before the first numbered paragraph).
 * @example paragraphNumbers([[item('1.'), item('1.', 1), item('2.', 1)]]) // [['1', '1 (a)', '1 (b)']]
 */
export function paragraphNumbers(sections: Block[][]): Array<Array<string | null>> {
  const marks = sections.map((blocks) => blocks.map(markOf));
  const keep = sourceNumbersRunOn(sections, marks);
  let count = 0;
  let current: string | null = null;
  let sub: string | null = null;
  let letters = 0;
  return sections.map((blocks, s) => {
    let numberedHere = false;
    return blocks.map((b, i) => {
      const m = marks[s]![i]!;
      if (b.depth === 0 && !m.bullet) {
        const own = topNumber(b, m);
        const prev = i > 0 ? blocks[i - 1]! : undefined;
        // "1." again after a list inside this section: the copy broke one paragraph around its list.
        const continues = !keep && own === 1 && numberedHere && prev !== undefined && (prev.depth > 0 || marks[s]![i - 1]!.bullet);
        if (continues || (keep && own === null && b.type !== 'item' && current !== null)) return sub ?? current;
        count = keep && own !== null ? own : count + 1;
        current = String(count);
        sub = null;
        letters = 0;
        numberedHere = true;
        return current;
      }
      if (current === null) return null;
      if (b.depth > 0 && !m.bullet) {
        letters = m.letter ? m.letter.charCodeAt(0) - 96 : letters + 1;
        sub = `${current} (${String.fromCharCode(96 + Math.min(letters, 26))})`;
        return sub;
      }
      return sub ?? current;
    });
  });
}
