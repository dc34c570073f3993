/**
 * @file Plain-text renderings of decision pages (the seeds' format) into blocks.
 * One paragraph per line; list items carry markers (`  1. `, `- `, `    • `, `a) `);
 * indentation gives nesting; headings are short unmarked lines without closing punctuation.
 */
import { foldedBlock as block, fold, type Block } from './blocks.js';
import { ACTION_START, ITEM_MARKER, STOPS_MID_PHRASE, looksLikeHeading } from '../extract/patterns.js';


/**
 * Splits a plain-text page into blocks.
 * @example loadText('The complaint\n  1. Mrs X complains ...')
 */
export function loadText(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  // In a list a lead-in opened ("the council has agreed to:" then one action per line, without
  // punctuation), a line that starts with an action verb is the next action, not a wrapped line.
  let listOpen = false;
  for (const rawLine of lines) {
    if (!rawLine.trim()) continue;
    const expanded = rawLine.replace(/\t/g, '    ');
    const indent = expanded.length - expanded.trimStart().length;
    const line = fold(expanded);
    const m = ITEM_MARKER.exec(line);
    if (m) {
      const marker = m[1]!;
      const rest = m[2]!;
      // An unindented "a) Stage two investigation" is a lettered sub-heading, not an item.
      if (indent === 0 && /^\(?[a-z]\)$/.test(marker) && looksLikeHeading(rest)) {
        blocks.push(block('heading', line));
        continue;
      }
      blocks.push(block('item', rest, Math.max(0, Math.floor((indent - 2) / 2)), { marker }));
      continue;
    }
    const prev = blocks[blocks.length - 1];
    // A wrapped line: the previous block did not end a sentence and this one starts in lower case;
    // or it stopped mid-phrase ("...complained to the" / "Council" / "about ...": text made one
    // line per HTML element breaks a paragraph at every link or emphasis).
    const midPhrase =
      prev !== undefined &&
      prev.type !== 'heading' &&
      (STOPS_MID_PHRASE.test(prev.text.slice(-12)) || /^[,.;:)\]’'”]/.test(line) || (/^[‘“]/.test(line) && !/[.:;!?]["'’”)]?$/.test(prev.text)));
    if (prev && (midPhrase || (!(listOpen && ACTION_START.test(line)) && prev.type !== 'heading' && /^[a-z]/.test(line) && !/[.:;!?]$/.test(prev.text)))) {
      prev.text = /^[,.;:)\]’'”]/.test(line) ? `${prev.text}${line}` : `${prev.text} ${line}`;
      continue;
    }
    if (/:$/.test(line)) listOpen = true;
    else if (/[.!?]["')]?$/.test(line)) listOpen = false;
    blocks.push(looksLikeHeading(line) ? block('heading', line, 0, { inferred: true }) : block('para', line));
  }
  return blocks;
}
