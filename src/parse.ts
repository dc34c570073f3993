/**
 * @file parseDecision: bytes or text of one decision page in, one validated DecisionRecord out.
 * Pipeline: decode -> load (HTML, text or Markdown into blocks) -> clean (boilerplate) ->
 * skeleton (title, header, Summary, sections) -> sanity check -> assemble -> zod validation.
 */
import { LgoError, ParseError } from './errors.js';
import { stripBoilerplate } from './clean/boilerplate.js';
import { decodeBytes } from './load/decode.js';
import { detectFormat, loadBlocks, type SourceFormat } from './load/detect.js';
import { shapeBlocks } from './load/shape.js';
import { BARE_REF_LINE, TITLE_LINE } from './extract/patterns.js';
import { readSkeleton } from './extract/structure.js';
import { parseDecisionUrl } from './extract/url.js';
import { assemble } from './record/assemble.js';
import { checkIsDecision } from './record/check.js';
import { dropInvalidItems } from './record/drop-invalid.js';
import { DecisionRecord } from './schema/record.js';
import type { ListingCard } from './record/listing.js';

export interface ParseOptions {
  /** The page's address, when known: gives the canonical URL and, without a header block, the category. */
  url?: string | null;
  /** A name for messages (file path or URL). */
  source?: string;
  /** Force a loader instead of detecting one. */
  format?: SourceFormat;
  /** Charset from an HTTP Content-Type header, if any. */
  charset?: string;
  /** The search listing's card for this page (from the fetcher's sidecar): a second source for the header. */
  listing?: ListingCard | null;
}

/**
 * Parses one decision page. Throws NotADecisionError for pages that are not decisions and
 * ParseError when a record cannot be made; never anything else, whatever the input.
 * @example parseDecision(fs.readFileSync('corpus/000_c84c4f1ce20d3961.txt'))
 */
export function parseDecision(input: string | Uint8Array, opts: ParseOptions = {}): DecisionRecord {
  const name = opts.source ?? opts.url ?? 'input';
  try {
    const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decodeBytes(input, opts.charset);
    const format = opts.format ?? detectFormat(text);
    const { blocks: raw, htmlTitle, canonical } = loadBlocks(text, format);
    const blocks = shapeBlocks(stripBoilerplate(raw));
    const skeleton = readSkeleton(blocks);
    const url = opts.url ?? (canonical && parseDecisionUrl(canonical) ? canonical : null);
    const fallbackTitle = titleFromHtml(htmlTitle);
    const hasRef = Boolean(skeleton.title ?? fallbackTitle ?? (url ? parseDecisionUrl(url)?.ref : null) ?? opts.listing?.ref);
    checkIsDecision(name, text, blocks, hasRef && (skeleton.summary !== null || skeleton.sections.length > 0));
    const assembled = assemble({ skeleton, url, fallbackTitle, endsWithPrintLine: endsWithPrintLine(raw), listing: opts.listing ?? null });
    let checked = DecisionRecord.safeParse(assembled);
    // One odd payment, amount or remedy (a £0 figure) is dropped with a warning, never the record.
    if (!checked.success) checked = DecisionRecord.safeParse(dropInvalidItems(assembled));
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new ParseError(`${name}: the record is not valid: ${issue.path.join('.') || 'record'}: ${issue.message}`, { code: 'invalid-record' });
    }
    return checked.data;
  } catch (err) {
    if (err instanceof LgoError) throw err;
    throw new ParseError(`${name}: could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

function titleFromHtml(title: string | null): { organisation: string | null; ref: string } | null {
  if (!title) return null;
  const bare = title
    .replace(/\s*[-|–:]\s*(?:LGO|LGSCO|Local Government (?:and Social Care )?Ombudsman).*$/i, '')
    .replace(/^(?:(?:LGO|LGSCO|Local Government (?:and Social Care )?Ombudsman|Decisions?|Decision statement|Report)\s*[-|–:]\s*)+/i, '')
    .trim();
  const m = TITLE_LINE.exec(bare);
  if (m) return { organisation: m[1]!.trim(), ref: m[2]! };
  const ref = BARE_REF_LINE.exec(bare); // a public report's page is titled by its reference alone
  return ref ? { organisation: null, ref: ref[1]! } : null;
}

/** Whether "Print this page" stands after the decision's last words (older pages end so; newer ones print it at the top). */
function endsWithPrintLine(raw: Array<{ text: string }>): boolean {
  for (let i = raw.length - 1; i >= 0; i--) {
    const t = raw[i]!.text;
    if (/^print this page\b/i.test(t)) return true;
    if (t.length > 80) return false; // a paragraph of the decision: the print line is not at the end
  }
  return false;
}
