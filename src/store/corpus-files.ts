/**
 * @file Finding decision pages in a corpus folder and reading them with their sidecar, for the build.
 * A page `X` may have `X.meta.json` (`{ "url": ... }`) beside it, written by `lgo fetch`.
 */
import { createHash } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { cardFromSidecar, type ListingCard } from '../record/listing.js';

/** Extensions of decision pages; everything else in the corpus folder is ignored. */
export const PAGE_EXTENSIONS = ['.txt', '.html', '.htm', '.md'] as const;
const SIDECAR_SUFFIX = '.meta.json';
/** Folders never walked: old page versions kept by the fetcher. */
const SKIPPED_DIRS = new Set(['versions', 'node_modules']);

export interface CorpusFile {
  /** Path relative to the corpus folder, with '/' separators (stable across platforms). */
  rel: string;
  abs: string;
  /** Page size plus sidecar size: a cheap change detector before hashing. */
  size: number;
  /** Latest modification time of page and sidecar, in whole milliseconds. */
  mtimeMs: number;
  sidecar: string | null;
}

export interface PageContent {
  bytes: Buffer;
  url: string | null;
  /** The listing card from the sidecar, when the fetcher kept one. */
  listing: ListingCard | null;
  hash: string;
}

/**
 * Lists the decision pages under `corpusDir`, recursively, sorted by relative path. Skips hidden
 * files and folders, `versions/` folders and `*.meta.json` sidecars.
 */
export async function listCorpusFiles(corpusDir: string): Promise<CorpusFile[]> {
  try {
    const st = await fs.stat(corpusDir);
    if (!st.isDirectory()) throw new InputError(`${corpusDir}: is a file, not a corpus folder`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${corpusDir}: no such corpus folder`, { cause: err });
  }
  const out: CorpusFile[] = [];
  await walk(corpusDir, '', out);
  out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out;
}

async function walk(root: string, relDir: string, out: CorpusFile[]): Promise<void> {
  const dir = path.join(root, relDir);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = new Set(entries.map((e) => e.name));
  const pages: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = relDir ? `${relDir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(root, rel, out);
    } else if (e.isFile() && isPageName(e.name)) {
      pages.push(e.name);
    }
  }
  // Synchronous stats: a 60,000-file corpus is mostly stat calls on an incremental build, and
  // statSync with bigint off is several times cheaper than promise-based stats.
  for (const name of pages) {
    const abs = path.join(dir, name);
    const sidecar = names.has(name + SIDECAR_SUFFIX) ? abs + SIDECAR_SUFFIX : null;
    const st = fsSync.statSync(abs);
    const sst = sidecar ? fsSync.statSync(sidecar) : null;
    out.push({
      rel: relDir ? `${relDir}/${name}` : name,
      abs,
      size: st.size + (sst ? sst.size : 0),
      mtimeMs: Math.floor(Math.max(st.mtimeMs, sst ? sst.mtimeMs : 0)),
      sidecar,
    });
  }
}

/** True for a decision page's file name (not a sidecar, not hidden). */
export function isPageName(name: string): boolean {
  if (name.startsWith('.') || name.endsWith(SIDECAR_SUFFIX)) return false;
  const ext = path.extname(name).toLowerCase();
  return (PAGE_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * Reads a page and its sidecar's URL, and hashes both (a changed URL is a changed record).
 * Synchronous: the build calls it in its parse workers, where blocking costs nothing, and a
 * promise per file cost the writing thread more than the read itself.
 */
export function readPage(file: Pick<CorpusFile, 'abs' | 'sidecar'>): PageContent {
  const bytes = fsSync.readFileSync(file.abs);
  let url: string | null = null;
  let listing: ListingCard | null = null;
  const hash = createHash('sha1').update(bytes);
  if (file.sidecar) {
    const text = fsSync.readFileSync(file.sidecar, 'utf8');
    hash.update('\0').update(text);
    ({ url, listing } = readSidecar(text, file.sidecar));
  }
  return { bytes, url, listing, hash: hash.digest('hex') };
}

function readSidecar(text: string, where: string): { url: string | null; listing: ListingCard | null } {
  let meta: unknown;
  try {
    meta = JSON.parse(text);
  } catch {
    throw new InputError(`${where}: not valid JSON`);
  }
  const url = (meta as { url?: unknown } | null)?.url;
  return { url: typeof url === 'string' && url.length > 0 ? url : null, listing: cardFromSidecar(meta) };
}
