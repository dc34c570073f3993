/**
 * @file `buildStore`: decision pages in a corpus folder -> records in the SQLite store.
 * Incremental by content hash (only new or changed pages are parsed; pages gone from the corpus
 * are removed) and atomic: an incremental build is one transaction, a full build writes a temp
 * file renamed over the old database only once complete, so an interrupted build leaves the
 * previous database usable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LgoError } from '../errors.js';
import type { DecisionRecord } from '../schema/record.js';
import { listCorpusFiles, type CorpusFile } from './corpus-files.js';
import { createStore, openStore, type Store } from './open.js';
import { inThreadParser, type PageParser, type ParseFn } from './parse-pool.js';
import { MAX_ADDED_TEXTS, updateLookups } from './lookups.js';
import { recordWriter, type FtsText } from './write.js';
import { scoreIndexWriter, termCountsOf, type ScoreIndexWriter } from './score-index.js';
import { TERM_COUNTS } from './parse-pool.js';
import type { TableCounts } from './term-codes.js';
import { buildSuggestIndex } from '../search/suggest.js';
import { acquireWriteLock, removeStaleTemps } from './lock.js';
import { begin, refuseOtherCorpus, replaceDatabase, sqliteFailure, useWal } from './durable.js';

export interface BuildOptions {
  corpusDir: string;
  dbPath: string;
  /** Called as pages are parsed: `done` of `total` pages that needed parsing. */
  onProgress?: (done: number, total: number) => void;
  /** Rebuild from scratch instead of updating (also chosen when the database is missing or of another schema). */
  full?: boolean;
  /** Called once per skipped page (not a decision, unreadable) with a one-line message. */
  onWarning?: (message: string) => void;
  /** The page parser; defaults to parseDecision (in worker threads for large full builds). */
  parse?: ParseFn;
  /** Worker threads for parsing; default: 2 for builds of over 2,000 pages when running compiled code, else 0. */
  workers?: number;
  /** Told when another process is writing the database and this build waits for it. */
  onWait?: (message: string) => void;
  /** How long to wait for another writer, in ms (default: LGO_LOCK_WAIT seconds, else 10 minutes). */
  lockWaitMs?: number;
}

export interface BuildStats {
  full: boolean;
  /** Decision pages found in the corpus folder. */
  files: number;
  /** Pages read and parsed by this build. */
  parsed: number;
  added: number;
  updated: number;
  removed: number;
  /** Pages found unchanged (by size and time, or by hash). */
  unchanged: number;
  /** Pages that are not decisions or could not be read, or repeat a decision already stored. */
  skipped: number;
  /** Decisions in the store after the build. */
  decisions: number;
  warnings: string[];
  durationMs: number;
  dbPath: string;
}

interface KnownFile {
  hash: string;
  size: number;
  mtime_ms: number;
  ref: string | null;
  status: string;
}

const CHUNK = 64;
/** FTS5's in-memory buffer of words before it writes a segment. */
const FTS_HASH_BYTES = 64 * 1024 * 1024;
/** Chunks read and parsed ahead of the one being written. */
const LOOKAHEAD = 4;

/**
 * Builds or updates the store at `dbPath` from the pages under `corpusDir`.
 * @example const stats = await buildStore({ corpusDir: 'corpus', dbPath: 'index/decisions.sqlite' });
 */
export async function buildStore(opts: BuildOptions): Promise<BuildStats> {
  try {
    return await lockedBuild(opts);
  } catch (err) {
    throw sqliteFailure(opts.dbPath, err) ?? err;
  }
}

async function lockedBuild(opts: BuildOptions): Promise<BuildStats> {
  const started = performance.now();
  const files = await listCorpusFiles(opts.corpusDir);
  fs.mkdirSync(path.dirname(opts.dbPath), { recursive: true });
  const release = await acquireWriteLock(opts.dbPath, { onWait: opts.onWait, waitMs: opts.lockWaitMs });
  try {
    removeStaleTemps(opts.dbPath);
    const current = fs.existsSync(opts.dbPath) && hasCurrentSchema(opts.dbPath);
    if (fs.existsSync(opts.dbPath)) refuseOtherCorpus(opts.dbPath, opts.corpusDir);
    const stats = await write(opts, files, opts.full === true || !current);
    stats.durationMs = Math.round(performance.now() - started);
    return stats;
  } finally {
    release();
  }
}

async function write(opts: BuildOptions, files: CorpusFile[], full: boolean): Promise<BuildStats> {
  const target = full ? `${opts.dbPath}.tmp-${process.pid}` : opts.dbPath;
  if (full) fs.rmSync(target, { force: true });
  const db = full ? createStore(target) : openStore(target);
  // FTS5 writes its pending words out as a new segment every 1 MB by default, then spends the
  // build merging segments. With 64 MB (about 20,000 decisions' words) a 60,000-decision build
  // took 12% less time and left 3 segments instead of 10, which queries also prefer. (Stored in
  // the table's config, so large updates use it too.)
  if (full) db.exec(`INSERT INTO decisions_fts (decisions_fts, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`);
  // A full build writes a temp file that is fsynced and renamed only when complete: it needs no
  // journal and no syncs of its own. An update writes the live database: WAL, synced at each
  // commit (NORMAL), so a power cut loses at most the last update, never the database.
  if (full) db.pragma('synchronous = OFF');
  else useWal(db, opts.dbPath);
  db.pragma('cache_size = -131072');
  const stats: BuildStats = { full, files: files.length, parsed: 0, added: 0, updated: 0, removed: 0, unchanged: 0, skipped: 0, decisions: 0, warnings: [], durationMs: 0, dbPath: opts.dbPath };
  let parser: PageParser | null = null;
  let committed = false;
  try {
    begin(db, opts.dbPath);
    parser = opts.parse ? inThreadParser(opts.parse) : await defaultParser(full ? files.length : 0, opts.workers);
    const before = totalChanges(db);
    // A full build fills empty tables: secondary indexes are cheaper made once at the end than
    // kept up to date row by row.
    const deferred = full ? deferIndexes(db) : [];
    const score = scoreIndexWriter(db, full);
    const texts = await update(db, files, parser, opts, stats, score);
    for (const ddl of deferred) db.exec(ddl);
    stats.decisions = (db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n;
    if (!full && totalChanges(db) === before) {
      // Nothing new (a fetch that found nothing, a second build): leave the database untouched.
      db.exec('ROLLBACK');
    } else {
      const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      const scoreProblem = score.finish();
      if (scoreProblem) {
        stats.warnings.push(scoreProblem);
        opts.onWarning?.(scoreProblem);
      }
      const termsRescanned = updateLookups(db, { full, changed: stats.added + stats.updated + stats.removed, texts });
      buildSuggestIndex(db, { termsRescanned });
      setMeta.run('built_at', new Date().toISOString());
      setMeta.run('corpus_dir', path.resolve(opts.corpusDir));
      setMeta.run('decision_count', String(stats.decisions));
      db.exec('COMMIT');
    }
    committed = true;
    if (full) db.pragma('journal_mode = WAL');
  } finally {
    await parser?.close();
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
    db.close();
    if (full && !committed) fs.rmSync(target, { force: true });
  }
  if (full) replaceDatabase(target, opts.dbPath);
  return stats;
}

function totalChanges(db: Store): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Writes what changed; returns the index text of the decisions written (for `terms`), or null when too many. */
async function update(db: Store, files: CorpusFile[], parser: PageParser, opts: BuildOptions, stats: BuildStats, score: ScoreIndexWriter): Promise<FtsText[] | null> {
  // A full build rescans the vocabulary from the index; an update lists the words it adds.
  let texts: FtsText[] | null = stats.full ? null : [];
  const writer = recordWriter(db, {
    onPut(id, t, record) {
      if (texts && texts.push(t) > MAX_ADDED_TEXTS) texts = null;
      score.add(id, (record as { [TERM_COUNTS]?: TableCounts })[TERM_COUNTS] ?? termCountsOf(t));
    },
    onRemove: (id) => score.remove(id),
  });
  const known = new Map<string, KnownFile>();
  // Raw rows: 60,000 objects with named keys cost more than the lookups they serve.
  for (const [p, hash, size, mtime, ref, status] of db.prepare('SELECT path, hash, size, mtime_ms, ref, status FROM files').raw().iterate() as IterableIterator<[string, string, number, number, string | null, string]>) {
    known.set(p, { hash, size, mtime_ms: mtime, ref, status });
  }
  const present = new Set(files.map((f) => f.rel));
  const delFile = db.prepare('DELETE FROM files WHERE path = ?');
  const putFile = db.prepare('INSERT OR REPLACE INTO files (path, hash, size, mtime_ms, ref, status, message) VALUES (?, ?, ?, ?, ?, ?, ?)');

  // Pages gone from the corpus: their decisions go; a duplicate page of the same decision is re-read.
  const freed = new Set<string>();
  for (const [rel, k] of known) {
    if (present.has(rel)) continue;
    if (k.ref && k.status === 'ok' && writer.sourceOf(k.ref) === rel) {
      writer.remove(k.ref);
      freed.add(k.ref);
      stats.removed++;
    }
    delFile.run(rel);
    known.delete(rel);
  }
  const todo = files.filter((f) => {
    const k = known.get(f.rel);
    if (!k || k.size !== f.size || k.mtime_ms !== f.mtimeMs) return true;
    if (k.status === 'duplicate' && k.ref && freed.has(k.ref)) return true;
    stats.unchanged++;
    return false;
  });

  const warn = (msg: string): void => {
    stats.warnings.push(msg);
    opts.onWarning?.(msg);
  };
  // The stored hash, unless a freed duplicate must be read again whatever its bytes.
  const knownHash = (f: CorpusFile): string | null => {
    const k = known.get(f.rel);
    return k && !(k.status === 'duplicate' && k.ref && freed.has(k.ref)) ? k.hash : null;
  };
  const prepare = async (chunk: CorpusFile[]) => ({ chunk, outcomes: await Promise.all(chunk.map((f) => parser.run(f, knownHash(f)))) });
  let done = 0;
  // Parse the next chunks (in workers) while this one is written: a few chunks ahead, so the
  // workers never wait for the writer and the writer seldom waits for them.
  const queue: Array<ReturnType<typeof prepare>> = [];
  let queued = 0;
  const fill = () => {
    while (queue.length < LOOKAHEAD && queued < todo.length) {
      queue.push(prepare(todo.slice(queued, queued + CHUNK)));
      queued += CHUNK;
    }
  };
  fill();
  while (queue.length > 0) {
    const { chunk, outcomes } = await queue.shift()!;
    fill();
    chunk.forEach((f, j) => {
      const out = outcomes[j]!;
      const k = known.get(f.rel);
      if (out.kind === 'unreadable') {
        warn(`${f.rel}: cannot read (${out.message}), skipped`);
        putFile.run(f.rel, '', f.size, f.mtimeMs, null, 'skipped', out.message);
        stats.skipped++;
        return;
      }
      if (out.kind === 'unchanged') {
        // Same bytes, new timestamp (a copy or a touch): remember the time, parse nothing.
        putFile.run(f.rel, out.hash, f.size, f.mtimeMs, k!.ref, k!.status, null);
        stats.unchanged++;
        return;
      }
      stats.parsed++;
      // The page held another decision before (or none now): drop what it used to provide.
      if (k?.ref && k.status === 'ok' && writer.sourceOf(k.ref) === f.rel) writer.remove(k.ref);
      if (out.kind === 'failed') {
        const why = out.error instanceof LgoError ? out.error.message : `unexpected error: ${out.error.message}`;
        warn(`${why.startsWith(f.rel) ? why : `${f.rel}: ${why}`}, skipped`);
        putFile.run(f.rel, out.hash, f.size, f.mtimeMs, null, 'skipped', why);
        stats.skipped++;
        if (k?.status === 'ok') stats.removed++;
        return;
      }
      writeRecord(out.record, f, out.hash, k);
    });
    done += chunk.length;
    opts.onProgress?.(done, todo.length);
  }
  return texts;

  function writeRecord(record: DecisionRecord, f: CorpusFile, hash: string, k: KnownFile | undefined): void {
    const holder = writer.sourceOf(record.ref);
    if (holder && holder !== f.rel && present.has(holder)) {
      warn(`${f.rel}: decision ${record.ref} is already read from ${holder}, skipped`);
      putFile.run(f.rel, hash, f.size, f.mtimeMs, record.ref, 'duplicate', `same decision as ${holder}`);
      stats.skipped++;
      return;
    }
    writer.put(record, f.rel, hash);
    putFile.run(f.rel, hash, f.size, f.mtimeMs, record.ref, 'ok', null);
    if (k?.status === 'ok' || holder) stats.updated++;
    else stats.added++;
  }
}

function hasCurrentSchema(dbPath: string): boolean {
  try {
    const db = openStore(dbPath);
    db.close();
    return true;
  } catch {
    return false;
  }
}

async function defaultParser(pages: number, workers: number | undefined): Promise<PageParser> {
  const { defaultPageParser } = await import('./parse-pool.js');
  return defaultPageParser(pages, workers);
}

/** Drops the secondary indexes of a new, empty store and returns the statements that remake them. */
function deferIndexes(db: Store): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
  for (const r of rows) db.exec(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.sql);
}
