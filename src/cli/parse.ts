/**
 * @file `lgo parse FILE... [--url URL] [--format json|jsonl]`: one JSON record per decision file.
 */
// node:fs, not node:fs/promises: the latter loads readline and streams at start-up, for every command.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, LgoError, UsageError } from '../errors.js';
import { write, type CliIo } from './io.js';
import { cardFromSidecar, type ListingCard } from '../record/listing.js';

interface ParseFlags {
  url?: string;
  format?: string;
}

export function registerParse(program: Command, io: CliIo): void {
  program
    .command('parse')
    .description('parse decision pages (HTML, plain text or Markdown) into JSON records')
    .argument('<files...>', 'decision files to parse ("-" reads standard input)')
    .option('--url <url>', 'the page\'s address (gives the canonical URL, and category when the page has no header block)')
    .option('--format <format>', 'json (one file) or jsonl (several files); default: json for one file, jsonl for several')
    .addHelpText('after', '\nA page saved by lgo fetch has FILE.meta.json beside it: its URL and the search listing\'s card\n(organisation, outcome, category, date) are used where the page itself says nothing.\n\nExamples:\n  lgo parse corpus/000_c84c4f1ce20d3961.txt\n  lgo parse page.html --url https://www.lgo.org.uk/decisions/housing/allocations/21-000-568\n')
    .action(async (files: string[], flags: ParseFlags) => {
      const format = flags.format ?? (files.length === 1 ? 'json' : 'jsonl');
      if (format !== 'json' && format !== 'jsonl') throw new UsageError(`unknown --format "${format}"`, { hint: 'use --format json or --format jsonl' });
      if (flags.url && files.length > 1) throw new UsageError('--url names one page, but several files were given', { hint: 'parse one file at a time with --url' });
      const { parseDecision } = await import('../parse.js');
      let failed: LgoError | null = null;
      for (const file of files) {
        try {
          const bytes = await readInput(file, io);
          refuseUnsupported(file, bytes);
          // A page saved by `lgo fetch` has its sidecar beside it: its URL and listing card.
          const side = file === '-' ? null : readSidecarBeside(file);
          const record = parseDecision(bytes, { url: flags.url ?? side?.url ?? null, source: file, listing: side?.listing ?? null });
          for (const w of record.warnings) io.stderr.write(`lgo: ${file}: warning: ${w}\n`);
          await write(io.stdout, format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : `${JSON.stringify(record)}\n`);
        } catch (err) {
          if (!(err instanceof LgoError)) throw err;
          if (files.length === 1) throw err;
          io.stderr.write(`lgo: ${err.message}\n`);
          failed = err;
        }
      }
      if (failed) throw new LgoError(failed.code, 'some files could not be parsed (see above)', { exitCode: failed.exitCode });
    });
}

// PDF (%PDF-), Word (.docx is a zip: PK) and old Word/Excel (OLE) files would otherwise be read as
// text and fail with a confusing "not a decision".
function refuseUnsupported(file: string, bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 8));
  const kind = head.subarray(0, 5).toString('latin1') === '%PDF-' || /\.pdf$/i.test(file) ? 'PDF'
    : head.subarray(0, 2).toString('latin1') === 'PK' ? 'a zip file (Word, Excel or other)'
    : head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) ? 'an old Word or Excel file' : null;
  if (kind) {
    throw new InputError(`${file}: ${kind} is not supported: lgo reads decision pages as HTML, plain text or Markdown`, {
      code: 'unsupported-format',
      hint: 'save the page from www.lgo.org.uk as HTML (or copy its text), or download it with `lgo fetch REF`',
    });
  }
}

async function readInput(file: string, io: CliIo): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await fs.promises.readFile(path.resolve(io.cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new InputError(`${file}: ${why}`, { cause: err });
  }
}

/** `<file>.meta.json` (written by `lgo fetch`) when it stands beside the file; null when absent. */
function readSidecarBeside(file: string): { url: string | null; listing: ListingCard | null } | null {
  const sidecar = `${file}.meta.json`;
  if (!fs.existsSync(sidecar)) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
  } catch {
    throw new InputError(`${sidecar}: not valid JSON`);
  }
  const url = (meta as { url?: unknown } | null)?.url;
  return { url: typeof url === 'string' && url ? url : null, listing: cardFromSidecar(meta) };
}
