/**
 * @file Raw pages in the corpus: `raw/<ref-slug>.html` (the bytes as served, decompressed) and a
 * sidecar `raw/<ref-slug>.html.meta.json`. File names come from the normalised reference only.
 * A changed page moves its old pair to `raw/versions/` first. Every write is temp file + rename.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { refSlug } from '../extract/ref.js';
import { readJsonIfExists, writeTemp } from './atomic.js';
import type { ListingCard } from '../record/listing.js';

export interface RawMeta {
  /** Canonical URL (https://www.lgo.org.uk/decisions/...): what the store builder reads. */
  url: string;
  ref: string;
  /** The address actually requested (differs from `url` when --base-url points elsewhere). */
  fetchedFrom: string;
  fetchedAt: string;
  /** Last time the page was confirmed unchanged (304 or same bytes). */
  checkedAt: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  bytes: number;
  sha256: string;
  /** Decision date from the listing card, when the page was found through a listing. */
  listedDate: string | null;
  /** The listing card (organisation, outcome, category, date, Statement/Report): the parser's second source. */
  listing?: ListingCard | null;
  /** Why a version in versions/ was not made current (a less complete record than the held one). */
  note?: string;
  /** On the current page: the sha256 of the last version set aside in versions/ instead of it. */
  setAside?: string;
}

export interface HeldPage {
  meta: RawMeta;
  htmlPath: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `2024-01-01T00:00:00.000Z` -> `20240101T000000Z`, for version file names. */
function stampOf(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export class RawStore {
  readonly rawDir: string;
  readonly versionsDir: string;

  constructor(readonly corpusDir: string) {
    this.rawDir = path.join(corpusDir, 'raw');
    this.versionsDir = path.join(this.rawDir, 'versions');
  }

  htmlPath(ref: string): string {
    return path.join(this.rawDir, `${refSlug(ref)}.html`);
  }

  metaPath(ref: string): string {
    return `${this.htmlPath(ref)}.meta.json`;
  }

  /**
   * The page held for a reference, or null. A page counts as held only when both files exist and
   * the sidecar's hash matches the bytes (a kill between the two renames leaves a pair that does not).
   */
  async held(ref: string): Promise<HeldPage | null> {
    const meta = await readJsonIfExists<RawMeta>(this.metaPath(ref));
    if (!meta) return null;
    try {
      const bytes = await fs.readFile(this.htmlPath(ref));
      if (sha256(bytes) !== meta.sha256) return null;
    } catch {
      return null;
    }
    return { meta, htmlPath: this.htmlPath(ref) };
  }

  /**
   * Stores a page and its sidecar. When a different version is held, it is moved to
   * `versions/<slug>.<fetchedAt>.html` (+ sidecar) first, so nothing is lost.
   * @returns 'new' or 'changed'
   */
  async save(ref: string, body: Uint8Array, meta: Omit<RawMeta, 'sha256' | 'bytes'>, previous: HeldPage | null): Promise<'new' | 'changed'> {
    const full: RawMeta = { ...meta, bytes: body.byteLength, sha256: sha256(body) };
    // Both temp files are written and fsynced side by side: the fsyncs are most of the cost.
    const [htmlTmp, metaTmp] = await Promise.all([writeTemp(this.htmlPath(ref), body), writeTemp(this.metaPath(ref), `${JSON.stringify(full, null, 2)}\n`)]);
    if (previous) {
      const base = path.join(this.versionsDir, `${refSlug(ref)}.${stampOf(previous.meta.fetchedAt)}.html`);
      await fs.mkdir(this.versionsDir, { recursive: true });
      await fs.rename(this.metaPath(ref), `${base}.meta.json`);
      await fs.rename(this.htmlPath(ref), base);
    }
    // Page first, sidecar last: until the sidecar lands, `held()` does not trust the pair.
    await fs.rename(htmlTmp, this.htmlPath(ref));
    await fs.rename(metaTmp, this.metaPath(ref));
    return previous ? 'changed' : 'new';
  }

  /** Stores a version that is not made current in `versions/` (+ sidecar); the current pair is untouched. */
  async saveVersion(ref: string, body: Uint8Array, meta: Omit<RawMeta, 'sha256' | 'bytes'>): Promise<string> {
    const full: RawMeta = { ...meta, bytes: body.byteLength, sha256: sha256(body) };
    const base = path.join(this.versionsDir, `${refSlug(ref)}.${stampOf(meta.fetchedAt)}.html`);
    const [htmlTmp, metaTmp] = await Promise.all([writeTemp(base, body), writeTemp(`${base}.meta.json`, `${JSON.stringify(full, null, 2)}\n`)]);
    await fs.rename(htmlTmp, base);
    await fs.rename(metaTmp, `${base}.meta.json`);
    return base;
  }

  /** Records that a held page was checked and found unchanged (sidecar only). */
  async touch(ref: string, previous: HeldPage, patch: Partial<RawMeta>): Promise<void> {
    const metaTmp = await writeTemp(this.metaPath(ref), `${JSON.stringify({ ...previous.meta, ...patch }, null, 2)}\n`);
    await fs.rename(metaTmp, this.metaPath(ref));
  }

  /** Removes temp files left by a killed run. */
  async sweepTemp(): Promise<number> {
    let n = 0;
    for (const dir of [this.rawDir, this.versionsDir, this.corpusDir]) {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.startsWith('.') && name.endsWith('.tmp')) {
          await fs.rm(path.join(dir, name), { force: true });
          n++;
        }
      }
    }
    return n;
  }
}
