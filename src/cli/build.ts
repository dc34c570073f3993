/**
 * @file `lgo build [--corpus DIR] [--db FILE] [--full]`: decision pages -> the search database.
 */
import type { Command } from 'commander';
import { corpusDir, dbPath } from '../config.js';
import type { CliIo } from './io.js';

interface BuildFlags {
  corpus?: string;
  db?: string;
  full?: boolean;
  quiet?: boolean;
}

/** Warnings printed one per line before the rest are only counted. */
const MAX_WARNINGS = 20;

export function registerBuild(program: Command, io: CliIo): void {
  program
    .command('build')
    .description('read the corpus\'s decision pages into the search database (only new or changed pages)')
    .option('--corpus <dir>', 'corpus folder (default: LGO_CORPUS, else the bundled corpus/)')
    .option('--db <file>', 'database file (default: LGO_DB, else the corpus\'s own: index/decisions.sqlite for the bundled corpus, <corpus>/decisions.sqlite for another)')
    .option('--full', 'rebuild from scratch instead of updating')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', '\nExamples:\n  lgo build\n  lgo build --corpus ~/lgo/corpus --db ~/lgo/decisions.sqlite\n  lgo build --full\n')
    .action(async (flags: BuildFlags) => {
      const { buildStore } = await import('../store/build.js');
      const corpus = corpusDir(flags.corpus, io.env, io.cwd);
      const db = dbPath(flags.db, io.env, io.cwd, corpus);
      const bar = io.stderrIsTTY && !flags.quiet ? await progressBar(io) : null;
      let shown = 0;
      const stats = await buildStore({
        corpusDir: corpus,
        dbPath: db,
        full: flags.full === true,
        onWait: (m) => io.stderr.write(`lgo: ${m}\n`),
        onProgress: bar ? (done, total) => (done === total || done % 256 === 0 ? bar.update(done, total) : undefined) : undefined,
        onWarning: (w) => {
          if (flags.quiet || ++shown > MAX_WARNINGS) return;
          bar?.clear();
          io.stderr.write(`lgo: warning: ${w}\n`);
        },
      });
      bar?.stop();
      if (flags.quiet) return;
      if (stats.warnings.length > MAX_WARNINGS) io.stderr.write(`lgo: ... and ${stats.warnings.length - MAX_WARNINGS} more pages skipped\n`);
      const changes = stats.full
        ? `${stats.added} decisions read from ${stats.files} pages`
        : `${stats.added} added, ${stats.updated} updated, ${stats.removed} removed, ${stats.unchanged} unchanged`;
      io.stderr.write(`lgo: ${stats.full ? 'built' : 'updated'} ${db}: ${changes}${stats.skipped ? `, ${stats.skipped} skipped` : ''}; ${stats.decisions} decisions in ${(stats.durationMs / 1000).toFixed(1)} s\n`);
    });
}

interface Bar {
  update(done: number, total: number): void;
  clear(): void;
  stop(): void;
}

async function progressBar(io: CliIo): Promise<Bar> {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: io.stderr as NodeJS.WritableStream, format: 'parsing {bar} {value}/{total} pages', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    clear() {
      if (started) io.stderr.write('\r\x1b[K');
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
