/**
 * @file How `lgo export`, `lgo search` and `lgo stats` choose an output format: `--format`, the
 * sqlite-utils style aliases `--csv`, `--tsv`, `--json`, `--nl`, and the extension of `-o FILE`.
 * They must agree: `-o payments.xlsx` writes XLSX, `-o x.xls` or `--format csv -o x.xlsx` is
 * refused with a hint, never written in another format than its name says.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export interface FormatFlags {
  format?: string;
  csv?: boolean;
  tsv?: boolean;
  json?: boolean;
  nl?: boolean;
  output?: string;
}

/** File extensions and the format each means. */
const EXTENSIONS: Record<string, string> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.txt': 'table',
};

const ALIASES = [
  ['csv', 'csv', 'same as --format csv'],
  ['tsv', 'tsv', 'same as --format tsv'],
  ['json', 'json', 'same as --format json'],
  ['nl', 'jsonl', 'newline-delimited JSON: same as --format jsonl'],
] as const;

/** Adds --format, its aliases (those the command supports) and -o. */
export function addFormatOptions(cmd: Command, formats: readonly string[], fallback: string): Command {
  cmd.option('--format <format>', `${formats.join(', ')} (default: from the -o extension, else ${fallback})`);
  for (const [flag, format, help] of ALIASES) if (formats.includes(format)) cmd.option(`--${flag}`, help);
  return cmd.option('-o, --output <file>', 'write to this file (atomically) instead of standard output; its extension sets the format');
}

/** The absolute output path, or undefined for standard output (`-o -` too). */
export function outputPath(flags: FormatFlags, cwd: string): string | undefined {
  return flags.output === undefined || flags.output === '-' ? undefined : path.resolve(cwd, flags.output);
}

/**
 * The format a call asks for, checked against the -o extension and the formats the command
 * writes. Throws UsageError (exit 2) with a hint when they disagree or cannot be told.
 * @example resolveFormat({ output: 'p.xlsx' }, ['csv', 'xlsx'], 'csv') // 'xlsx'
 */
export function resolveFormat(flags: FormatFlags, formats: readonly string[], fallback: string): string {
  const chosen = new Set<string>();
  if (flags.format !== undefined) chosen.add(flags.format.trim().toLowerCase());
  for (const [flag, format] of ALIASES) if (flags[flag]) chosen.add(format);
  if (chosen.size > 1) throw new UsageError(`the format is given twice, as ${[...chosen].join(' and ')}`, { code: 'format-conflict', hint: 'give one of --format, --csv, --tsv, --json, --nl' });
  const asked = [...chosen][0];
  if (asked !== undefined && !formats.includes(asked)) throw new UsageError(`unknown --format "${flags.format ?? asked}"`, { code: 'unknown-format', hint: `use one of: ${formats.join(', ')}` });
  const file = flags.output === undefined || flags.output === '-' ? undefined : flags.output;
  if (file === undefined) {
    const format = asked ?? fallback;
    if (format === 'xlsx') throw new UsageError('XLSX is a binary file, not for standard output', { code: 'xlsx-stdout', hint: 'write it to a file: -o FILE.xlsx' });
    return format;
  }
  const ext = path.extname(file).toLowerCase();
  const byName = EXTENSIONS[ext];
  const names = Object.entries(EXTENSIONS).filter(([, f]) => formats.includes(f)).map(([e]) => e).join(', ');
  if (asked !== undefined) {
    if (byName !== undefined && byName !== asked) {
      throw new UsageError(`-o ${file} is named as ${byName.toUpperCase()} but the format asked for is ${asked.toUpperCase()}`, { code: 'format-conflict', hint: `name the file ${path.basename(file, ext)}.${asked === 'jsonl' ? 'jsonl' : asked === 'table' ? 'txt' : asked}, or drop the format option` });
    }
    return asked;
  }
  if (byName !== undefined && formats.includes(byName)) return byName;
  const why = ext === '' ? 'has no extension' : ext === '.xls' ? 'asks for the old Excel format, which lgo does not write' : ext === '.svg' || ext === '.png' ? 'is a chart name' : `ends in ${ext}, which is not a format this command writes`;
  throw new UsageError(`cannot tell the format of -o ${file}: it ${why}`, { code: 'unknown-extension', hint: `end the name in ${names}, or give --format` });
}

/** --excel guards CSV and TSV cells; any other format is refused with the reason. */
export function checkExcel(excel: boolean | undefined, format: string): void {
  if (!excel || format === 'csv' || format === 'tsv') return;
  const hint = format === 'xlsx' ? 'an .xlsx file holds values, never formulas: drop --excel' : 'use --csv --excel, or drop --excel';
  throw new UsageError(`--excel is for CSV or TSV opened in a spreadsheet, not ${format === 'table' ? 'a table' : format.toUpperCase()}`, { code: 'excel-not-csv', hint });
}
