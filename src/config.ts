/**
 * @file Where the corpus and the store live. Precedence, highest first: command-line flag,
 * environment variable (LGO_CORPUS, LGO_DB), default. A corpus folder owns its database: the
 * default database of the bundled corpus is the package's index/decisions.sqlite, and that of any
 * other corpus folder is `<corpus>/decisions.sqlite`, so working on one corpus never rewrites
 * another's database.
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

/** The file name of a corpus's own database, inside the corpus folder. */
export const CORPUS_DB_NAME = 'decisions.sqlite';

/** Resolves the corpus folder: flag, then LGO_CORPUS, then the bundled corpus. */
export function corpusDir(flag: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const chosen = flag ?? env.LGO_CORPUS;
  return chosen ? path.resolve(cwd, chosen) : BUNDLED_CORPUS;
}

/**
 * Resolves the database file: flag, then LGO_DB, then the default database of the corpus (the
 * `corpus` argument, else the corpus LGO_CORPUS or the bundled one names).
 */
export function dbPath(flag: string | undefined, env: Record<string, string | undefined>, cwd: string, corpus?: string): string {
  const chosen = flag ?? env.LGO_DB;
  if (chosen) return path.resolve(cwd, chosen);
  return defaultDbFor(corpus ?? corpusDir(undefined, env, cwd));
}

/** The database a corpus folder owns when none is named. */
export function defaultDbFor(corpus: string): string {
  return samePath(corpus, BUNDLED_CORPUS) ? path.join(PACKAGE_ROOT, 'index', 'decisions.sqlite') : path.join(path.resolve(corpus), CORPUS_DB_NAME);
}

/** True when two paths name the same folder (through symbolic links when both exist). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}
