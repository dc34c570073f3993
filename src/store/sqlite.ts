/**
 * @file Loading better-sqlite3 cheaply, for `lgo search`'s start-up time. It is a CommonJS
 * package: `require` skips the ES module loader's scan of its exports, and naming the compiled
 * addon skips the `bindings` package's search of a dozen folders (about 15 ms together).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof BetterSqlite3;

export type Database = BetterSqlite3.Database;

let addon: string | null | undefined;

/** The addon `npm ci` compiles or downloads, when it is where better-sqlite3 builds it. */
function nativeBinding(): string | undefined {
  if (addon === undefined) {
    const file = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    addon = fs.existsSync(file) ? file : null;
  }
  return addon ?? undefined;
}

/** `new Database(file, opts)`, with the addon's path given when known (otherwise better-sqlite3 finds it). */
export function openDatabase(file: string, opts: BetterSqlite3.Options = {}): Database {
  const binding = nativeBinding();
  return new Database(file, binding ? { ...opts, nativeBinding: binding } : opts);
}
