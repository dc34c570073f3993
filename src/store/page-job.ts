/**
 * @file One page's work for the build, wherever it runs (a parse worker or the build's own
 * thread): read the page and its sidecar, hash them, and parse unless the bytes are the ones
 * already stored. Keeping reading and hashing here takes them off the thread that writes the
 * database, which is the one a full build waits for.
 */
import { LgoError } from '../errors.js';
import type { DecisionRecord } from '../schema/record.js';
import { readPage, type CorpusFile } from './corpus-files.js';
import type { ListingCard } from '../record/listing.js';

/** A page parser with the shape of parseDecision. */
export type ParseFn = (input: Uint8Array, opts: { url?: string | null; source?: string; listing?: ListingCard | null }) => DecisionRecord;

/** What a build needs to know of a corpus file to read it. */
export type PageFile = Pick<CorpusFile, 'rel' | 'abs' | 'sidecar'>;

/** What became of one page. */
export type PageOutcome =
  | { kind: 'unreadable'; message: string }
  | { kind: 'unchanged'; hash: string }
  | { kind: 'parsed'; hash: string; record: DecisionRecord }
  | { kind: 'failed'; hash: string; error: Error };

/**
 * Reads, hashes and (unless its hash is `knownHash`) parses one page. Never throws: a read
 * error or a parse error is an outcome.
 */
export function runPageJob(file: PageFile, knownHash: string | null, parse: ParseFn): PageOutcome {
  let page;
  try {
    page = readPage(file);
  } catch (err) {
    return { kind: 'unreadable', message: err instanceof Error ? err.message : String(err) };
  }
  if (page.hash === knownHash) return { kind: 'unchanged', hash: page.hash };
  try {
    return { kind: 'parsed', hash: page.hash, record: parse(page.bytes, { url: page.url, source: file.rel, listing: page.listing }) };
  } catch (err) {
    return { kind: 'failed', hash: page.hash, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

/** A failed outcome as it crosses threads (errors lose their class in a structured clone). */
export interface WireError {
  code: string | null;
  message: string;
}

export function toWire(error: Error): WireError {
  return { code: error instanceof LgoError ? error.code : null, message: error.message };
}

export function fromWire(e: WireError): Error {
  return e.code ? new LgoError(e.code, e.message) : new Error(e.message);
}
