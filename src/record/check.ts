/**
 * @file The sanity stage: a page that is not a decision fails loudly with a typed error
 * instead of producing an empty record (empty file, cookie wall, error page, search listing).
 */
import { NotADecisionError } from '../errors.js';
import type { Block } from '../load/blocks.js';
import { TITLE_LINE } from '../extract/patterns.js';

/**
 * Throws NotADecisionError when the page is plainly not a decision.
 * `raw` is the page's text before cleaning, `blocks` what is left after.
 */
export function checkIsDecision(name: string, raw: string, blocks: Block[], hasRef: boolean): void {
  if (raw.trim().length === 0) throw new NotADecisionError(`${name}: the file is empty`, { code: 'empty' });
  const text = blocks.map((b) => b.text).join('\n');
  if (/your search has (?:\d[\d,]*|no) results?/i.test(raw.slice(0, 20000)) || blocks.filter((b) => b.text.length < 200 && b.text.endsWith(')') && TITLE_LINE.test(b.text)).length >= 3) {
    throw new NotADecisionError(`${name}: this is a search results listing, not a decision page`, { code: 'listing' });
  }
  if (text.trim().length === 0) {
    throw new NotADecisionError(`${name}: only cookie/privacy or site navigation text, no decision`, { code: 'cookie-wall' });
  }
  if (!hasRef && /\b(?:captcha|are you a robot|verify you are human|checking your browser|access denied|request unsuccessful)\b/i.test(text)) {
    throw new NotADecisionError(`${name}: a bot challenge or access-denied page, not a decision`, { code: 'challenge' });
  }
  if (!hasRef && /\b(?:page not found|404|error occurred|server error|service unavailable|no longer available)\b/i.test(text.slice(0, 600))) {
    throw new NotADecisionError(`${name}: an error page ("${text.slice(0, 60).replace(/\s+/g, ' ')}"), not a decision`, { code: 'error-page' });
  }
  if (!hasRef) {
    throw new NotADecisionError(`${name}: no title line with an Ombudsman reference (like "Council name (19 020 817)") was found`, { code: 'no-reference' });
  }
}
