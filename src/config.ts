/**
 * @file Where the corpus and the store live. Precedence, highest first: command-line flag,
 * environment variable (LGO_CORPUS, LGO_DB), default (the package's own corpus/ and index/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this file with a package.json (src/, dist/ or dist/bundle/). */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** The bundled sample corpus. */
export const BUNDLED_CORPUS = path.join(PACKAGE_ROOT, 'corpus');

/** Resolves the corpus folder: flag, then LGO_CORPUS, then the bundled corpus. */
export function corpusDir(flag: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const chosen = flag ?? env.LGO_CORPUS;
  return chosen ? path.resolve(cwd, chosen) : BUNDLED_CORPUS;
}

/** Resolves the database file: flag, then LGO_DB, then index/decisions.sqlite in the package. */
export function dbPath(flag: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const chosen = flag ?? env.LGO_DB;
  return chosen ? path.resolve(cwd, chosen) : path.join(PACKAGE_ROOT, 'index', 'decisions.sqlite');
}
