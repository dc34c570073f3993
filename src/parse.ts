/**
 * @file parseDecision: bytes or text of one decision page in, one validated DecisionRecord out.
 * (Placeholder while the pipeline lands: load -> clean -> extract -> assemble -> check.)
 */
import { ParseError } from './errors.js';
import type { DecisionRecord } from './schema/record.js';

export interface ParseOptions {
  /** The page's address, when known: gives the canonical URL and, without a header block, the category. */
  url?: string | null;
  /** A name for messages (file path or URL). */
  source?: string;
  /** Force a loader instead of detecting one. */
  format?: 'html' | 'text' | 'markdown';
}

/**
 * Parses one decision page. Throws NotADecisionError for pages that are not decisions.
 * @example parseDecision(fs.readFileSync('corpus/000_c84c4f1ce20d3961.txt'))
 */
export function parseDecision(_input: string | Uint8Array, opts: ParseOptions = {}): DecisionRecord {
  throw new ParseError(`${opts.source ?? 'input'}: the parser is not built yet`);
}
