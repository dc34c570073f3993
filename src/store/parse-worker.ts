/**
 * @file Worker thread body for parse-pool.ts: parses pages it is sent, answers with records or errors.
 */
import { parentPort } from 'node:worker_threads';
import { LgoError } from '../errors.js';
import { parseDecision } from '../parse.js';

parentPort?.on('message', (msg: { id: number; bytes: Uint8Array; url: string | null; source: string }) => {
  try {
    const record = parseDecision(msg.bytes, { url: msg.url, source: msg.source });
    // JSON text crosses threads faster than a structured clone of the record, and the store
    // keeps that very text as records.record_json.
    parentPort!.postMessage({ id: msg.id, json: JSON.stringify(record) });
  } catch (err) {
    const code = err instanceof LgoError ? err.code : 'parse-failed';
    const message = err instanceof LgoError ? err.message : `unexpected error: ${(err as Error).message}`;
    parentPort!.postMessage({ id: msg.id, error: { code, message } });
  }
});
