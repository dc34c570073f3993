/**
 * @file Parsing pages for the build, in this thread or in worker threads. Parsing dominates a
 * full build, so large builds spread it over the machine's cores; small ones stay in-thread
 * (starting workers costs more than parsing a few pages).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecisionRecord } from '../schema/record.js';
import { LgoError } from '../errors.js';

/** A page parser with the shape of parseDecision. */
export type ParseFn = (input: Uint8Array, opts: { url?: string | null; source?: string }) => DecisionRecord;

export interface PageParser {
  parse(bytes: Uint8Array, url: string | null, source: string): Promise<DecisionRecord>;
  close(): Promise<void>;
}

/** Wraps a synchronous parser. */
export function inThreadParser(parse: ParseFn): PageParser {
  return {
    parse: async (bytes, url, source) => parse(bytes, { url, source }),
    close: async () => {},
  };
}

/** The record's JSON text, when a worker sent it as text (the store saves it as is). */
export const RECORD_JSON = Symbol('recordJson');

function withJson(record: DecisionRecord, json: string): DecisionRecord {
  Object.defineProperty(record, RECORD_JSON, { value: json, enumerable: false });
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

interface Job {
  resolve: (r: DecisionRecord) => void;
  reject: (e: Error) => void;
}

/** Round-robin over `n` workers running parse-worker.js; errors come back as LgoErrors. */
function workerParser(n: number): PageParser {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./parse-worker.js', import.meta.url)));
  const jobs = new Map<number, Job>();
  let next = 0;
  for (const w of workers) {
    w.on('message', (msg: { id: number; json?: string; error?: { code: string; message: string } }) => {
      const job = jobs.get(msg.id);
      if (!job) return;
      jobs.delete(msg.id);
      if (msg.json !== undefined) job.resolve(withJson(JSON.parse(msg.json) as DecisionRecord, msg.json));
      else job.reject(new LgoError(msg.error!.code, msg.error!.message));
    });
    w.on('error', (err) => {
      for (const job of jobs.values()) job.reject(err);
      jobs.clear();
    });
  }
  return {
    parse(bytes, url, source) {
      const id = next++;
      return new Promise((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        workers[id % n]!.postMessage({ id, bytes, url, source });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
