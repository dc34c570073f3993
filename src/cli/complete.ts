/**
 * @file `lgo complete KIND PREFIX`: completions for shells and editors, one per line, commonest first.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { write, type CliIo } from './io.js';
import { openStoreForReading } from './store-access.js';

const KINDS = ['organisation', 'category', 'subcategory', 'outcome', 'term'] as const;

export function registerComplete(program: Command, io: CliIo): void {
  program
    .command('complete')
    .description('list organisations, categories, outcomes or search words starting with (or close to) a prefix')
    .argument('<kind>', `one of ${KINDS.join(', ')}`)
    .argument('[prefix]', 'the start of the value (typos are tolerated)', '')
    .option('--limit <n>', 'values to list', '10')
    .option('--corpus <dir>', 'corpus folder whose database to read (default: LGO_CORPUS, else the bundled corpus/)')
    .option('--db <file>', 'database file (default: LGO_DB, else the corpus\'s own database)')
    .addHelpText('after', '\nExamples:\n  lgo complete organisation Ches\n  lgo complete term safegu\n')
    .action(async (kind: string, prefix: string, flags: { limit: string; db?: string; corpus?: string }) => {
      if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown kind "${kind}"`, { hint: `use one of ${KINDS.join(', ')}` });
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit "${flags.limit}" must be a whole number of at least 1`);
      const db = await openStoreForReading(flags.db, io, flags.corpus);
      try {
        const { complete } = await import('../search/suggest.js');
        const values = complete(db, kind as (typeof KINDS)[number], prefix, limit);
        await write(io.stdout, values.map((v) => `${v}\n`).join(''));
      } finally {
        db.close();
      }
    });
}
