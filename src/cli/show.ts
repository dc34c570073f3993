/**
 * @file `lgo show REF [--format text|json|markdown]`: one stored decision, whole.
 */
import type { Command } from 'commander';
import { LgoError, UsageError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import { write, type CliIo } from './io.js';
import { openStoreForReading } from './store-access.js';

const FORMATS = ['text', 'json', 'markdown'];

export function registerShow(program: Command, io: CliIo): void {
  program
    .command('show')
    .description('print one decision with its extracted fields, remedies and payments')
    .argument('<ref...>', 'the decision\'s reference, e.g. 19-020-817, "19 020 817" or 19 020 817')
    .option('--format <format>', 'text (default), json or markdown')
    .option('--corpus <dir>', 'corpus folder whose database to read (default: LGO_CORPUS, else the bundled corpus/)')
    .option('--db <file>', 'database file (default: LGO_DB, else the corpus\'s own database)')
    .addHelpText('after', '\nExamples:\n  lgo show 19-020-817\n  lgo show "23 004 560" --format json\n')
    .action(async (refParts: string[], flags: { format?: string; db?: string; corpus?: string }) => {
      // `lgo show 19 020 817` arrives as three arguments: a reference is what they spell together.
      const refArg = refParts.join(' ');
      const format = flags.format ?? 'text';
      if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}"`, { hint: `use one of ${FORMATS.join(', ')}` });
      const ref = normaliseRef(refArg);
      if (!ref) throw new UsageError(`"${refArg}" is not a decision reference`, { hint: 'a reference is YY NNN NNN, e.g. 19 020 817 or 19-020-817' });
      const db = await openStoreForReading(flags.db, io, flags.corpus);
      try {
        const { getDecision } = await import('../search/engine.js');
        const record = getDecision(db, ref);
        if (!record) throw new LgoError('not-found', `no decision ${ref} in the database`, { hint: `find it with \`lgo search ${JSON.stringify(ref)}\`, or add its page to the corpus and run \`lgo build\`` });
        const fmt = await import('./show-format.js');
        const text = format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : format === 'markdown' ? fmt.showMarkdown(record) : fmt.showText(record);
        await write(io.stdout, text);
      } finally {
        db.close();
      }
    });
}
