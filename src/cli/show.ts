/**
 * @file `lgo show REF... [--format text|json|markdown] [--width N] [--no-pager]`: stored decisions,
 * whole. Several references show each in turn (JSON: an array); one that is not stored refuses
 * the call before anything is printed.
 */
import type { Command } from 'commander';
import { LgoError, UsageError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import type { DecisionRecord } from '../schema/record.js';
import type { Store } from '../store/open.js';
import { write, type CliIo } from './io.js';
import { openStoreForReading } from './store-access.js';

const FORMATS = ['text', 'json', 'markdown'];

interface ShowFlags {
  format?: string;
  db?: string;
  corpus?: string;
  width?: string;
  pager: boolean;
}

// A reference, in any spelling `normaliseRef` reads: "19 020 817", 19-020-817, 19020817, 17 002 402b.
const REF_IN_ARGS = /(?<![\p{L}\p{N}])\d{2}[\s\-/]*\d{3}[\s\-/]*\d{3}[a-z]?(?![\p{L}\p{N}])/giu;

/**
 * The references in the arguments, however they were split (`19 020 817` arrives as three
 * arguments, `19-020-817 23-004-560` as two). Throws UsageError for anything else left over.
 * @example refsFromArgs(['19', '020', '817', '23-004-560']) // ['19 020 817', '23 004 560']
 */
export function refsFromArgs(args: string[]): string[] {
  const text = args.join(' ');
  const refs: string[] = [];
  const rest = text.replace(REF_IN_ARGS, (m) => {
    refs.push(normaliseRef(m)!);
    return ' ';
  });
  if (rest.trim() !== '' || refs.length === 0) {
    throw new UsageError(`"${rest.trim() || text}" is not a decision reference`, { hint: 'a reference is YY NNN NNN, e.g. 19 020 817 or 19-020-817; give several to show each' });
  }
  return [...new Set(refs)];
}

export function registerShow(program: Command, io: CliIo): void {
  program
    .command('show')
    .description('print decisions with their extracted fields, remedies and payments')
    .argument('<ref...>', 'the decision\'s reference, e.g. 19-020-817, "19 020 817" or 19 020 817; several to show each')
    .option('--format <format>', 'text (default), json or markdown')
    .option('--width <n>', 'wrap text to N columns (default: the terminal\'s width; 0: no wrapping)')
    .option('--no-pager', 'do not page long text through $PAGER / less on a terminal')
    .option('--corpus <dir>', 'corpus folder whose database to read (default: LGO_CORPUS, else the bundled corpus/)')
    .option('--db <file>', 'database file (default: LGO_DB, else the corpus\'s own database)')
    .addHelpText('after', '\nExamples:\n  lgo show 19-020-817\n  lgo show "23 004 560" --format json\n  lgo show 19-020-817 23-004-560 --format markdown > two.md\n')
    .action(async (refParts: string[], flags: ShowFlags) => {
      const format = flags.format ?? 'text';
      if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}"`, { hint: `use one of ${FORMATS.join(', ')}` });
      const width = flags.width === undefined ? io.columns : Number(flags.width);
      if (width !== undefined && (!Number.isInteger(width) || width < 0)) throw new UsageError(`--width "${flags.width}" is not a whole number`, { hint: 'e.g. --width 80, or 0 for no wrapping' });
      const refs = refsFromArgs(refParts);
      const db = await openStoreForReading(flags.db, io, flags.corpus);
      let records: DecisionRecord[];
      try {
        records = await fetchAll(db, refs);
      } finally {
        db.close();
      }
      const fmt = await import('./show-format.js');
      if (format === 'json') return write(io.stdout, `${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
      if (format === 'markdown') return write(io.stdout, records.map(fmt.showMarkdown).join('\n---\n\n'));
      const color = io.stdoutIsTTY && !io.env.NO_COLOR;
      const rule = `\n${'─'.repeat(Math.min(width || 72, 72))}\n\n`;
      const text = records.map((r) => fmt.showText(r, { width: width || 0, color })).join(rule);
      if (!flags.pager) return write(io.stdout, text);
      const { writePaged } = await import('./pager.js');
      await writePaged(text, io);
    });
}

// Every record, or an error naming those not stored (with near references when there are any).
async function fetchAll(db: Store, refs: string[]): Promise<DecisionRecord[]> {
  const { getDecision } = await import('../search/engine.js');
  const found = refs.map((ref) => [ref, getDecision(db, ref)] as const);
  const missing = found.filter(([, r]) => !r).map(([ref]) => ref);
  if (missing.length === 0) return found.map(([, r]) => r!);
  const near = missing.flatMap((ref) => nearRefs(db, ref));
  const what = missing.length === 1 ? `no decision ${missing[0]}` : `no decisions ${missing.join(', ')}`;
  const slug = missing[0]!.replace(/ /g, '-');
  throw new LgoError('not-found', `${what} in the database${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`, {
    hint: `\`lgo fetch ${slug}\` downloads it from lgo.org.uk, or add its page to the corpus and run \`lgo build\``,
  });
}

// Stored references one digit away (a typo), at most three.
function nearRefs(db: Store, ref: string): string[] {
  const digits = ref.replace(/\D/g, '');
  const out: string[] = [];
  for (const r of db.prepare('SELECT ref FROM decisions').pluck().iterate() as IterableIterator<string>) {
    const d = r.replace(/\D/g, '');
    if (d.length !== digits.length) continue;
    let diff = 0;
    for (let i = 0; i < d.length && diff < 2; i++) if (d[i] !== digits[i]) diff++;
    if (diff === 1) out.push(r);
    if (out.length === 3) break;
  }
  return out;
}
