/**
 * @file Worker thread body for parse-pool.ts: runs the page jobs it is sent (read, hash, parse)
 * and answers with their outcomes.
 */
import { parentPort } from 'node:worker_threads';
import { parseDecision } from '../parse.js';
import { runPageJob, toWire, type PageFile } from './page-job.js';
import type { WorkerReply } from './parse-pool.js';
import { termCountsOf } from './score-index.js';
import { ftsText } from './write.js';
import { TermEncoder } from './term-codes.js';

const encoder = new TermEncoder();

parentPort?.on('message', (msg: { id: number; file: PageFile; knownHash: string | null }) => {
  const out = runPageJob(msg.file, msg.knownHash, parseDecision);
  let reply: WorkerReply;
  // JSON text crosses threads faster than a structured clone of the record, and the store
  // keeps that very text as records.record_json.
  // The ranking index's term counts too: tokenizing here keeps that work off the writing thread.
  if (out.kind === 'parsed') reply = { id: msg.id, kind: 'parsed', hash: out.hash, json: JSON.stringify(out.record), counts: encoder.encode(termCountsOf(ftsText(out.record))) };
  else if (out.kind === 'failed') reply = { id: msg.id, kind: 'failed', hash: out.hash, error: toWire(out.error) };
  else reply = { id: msg.id, ...out };
  parentPort!.postMessage(reply);
});
