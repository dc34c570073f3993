/**
 * @file Running page jobs (read, hash, parse) for the build, in this thread or in worker threads.
 * Parsing dominates a full build, so large builds spread it over the machine's cores; small ones
 * stay in-thread (starting workers costs more than parsing a few pages).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecisionRecord } from '../schema/record.js';
import { TermDecoder, TermTable, type CodedCounts, type TableCounts } from './term-codes.js';
import { fromWire, runPageJob, type PageFile, type PageOutcome, type ParseFn, type WireError } from './page-job.js';

export type { ParseFn } from './page-job.js';

export interface PageParser {
  /** Reads, hashes and (unless its hash is `knownHash`) parses one page. */
  run(file: PageFile, knownHash: string | null): Promise<PageOutcome>;
  close(): Promise<void>;
}

/** Runs page jobs in this thread with `parse`. */
export function inThreadParser(parse: ParseFn): PageParser {
  return {
    run: async (file, knownHash) => runPageJob(file, knownHash, parse),
    close: async () => {},
  };
}

/** The record's JSON text, when a worker sent it as text (the store saves it as is). */
export const RECORD_JSON = Symbol('recordJson');
/** The record's term counts for the ranking index, when a worker counted them. */
export const TERM_COUNTS = Symbol('termCounts');

function withJson(record: DecisionRecord, json: string, counts: TableCounts): DecisionRecord {
  Object.defineProperty(record, RECORD_JSON, { value: json, enumerable: false });
  Object.defineProperty(record, TERM_COUNTS, { value: counts, enumerable: false });
  return record;
}

/** Pages above which a full build parses in worker threads. */
const WORKER_THRESHOLD = 2000;

/**
 * parseDecision in-thread, or in `workers` threads (default: up to 2, when there are over 2,000
 * pages and this is compiled JavaScript, since workers cannot load TypeScript sources).
 */
export async function defaultPageParser(pages: number, workers?: number): Promise<PageParser> {
  const compiled = import.meta.url.endsWith('.js');
  const n = workers ?? (pages > WORKER_THRESHOLD && compiled ? Math.min(2, os.availableParallelism()) : 0);
  if (n > 0 && compiled) return workerParser(n);
  const { parseDecision } = await import('../parse.js');
  return inThreadParser(parseDecision);
}

/** A worker's answer: the outcome, with a parsed record as JSON text and an error as plain data. */
export type WorkerReply = { id: number } & (
  | Exclude<PageOutcome, { kind: 'parsed' } | { kind: 'failed' }>
  | { kind: 'parsed'; hash: string; json: string; counts: CodedCounts }
  | { kind: 'failed'; hash: string; error: WireError }
);

interface Job {
  resolve: (r: PageOutcome) => void;
  reject: (e: Error) => void;
}

/** Round-robin over `n` workers running parse-worker.js. */
function workerParser(n: number): PageParser {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./parse-worker.js', import.meta.url)));
  const jobs = new Map<number, Job>();
  let next = 0;
  const table = new TermTable();
  for (const w of workers) {
    // Each worker numbers words its own way; its messages arrive in the order it sent them.
    const decoder = new TermDecoder(table);
    w.on('message', (msg: WorkerReply) => {
      // Decoded first, whatever becomes of the job: the worker's numbering goes on from this message.
      const counts = msg.kind === 'parsed' ? decoder.decode(msg.counts) : null;
      const job = jobs.get(msg.id);
      if (!job) return;
      jobs.delete(msg.id);
      if (msg.kind === 'parsed') job.resolve({ kind: 'parsed', hash: msg.hash, record: withJson(JSON.parse(msg.json) as DecisionRecord, msg.json, counts!) });
      else if (msg.kind === 'failed') job.resolve({ kind: 'failed', hash: msg.hash, error: fromWire(msg.error) });
      else job.resolve(msg);
    });
    w.on('error', (err) => {
      for (const job of jobs.values()) job.reject(err);
      jobs.clear();
    });
  }
  return {
    run(file, knownHash) {
      const id = next++;
      return new Promise((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        workers[id % n]!.postMessage({ id, file: { rel: file.rel, abs: file.abs, sidecar: file.sidecar }, knownHash });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
