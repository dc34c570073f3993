/**
 * @file `lgo serve [--db PATH] [--port 8080] [--host 127.0.0.1] [--workers N] [--open]`: the
 * archive in a browser, over the same store and search, export and stats code as the CLI. The
 * address goes to stderr (stdout carries data only); Ctrl-C stops it.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { dbPath as resolveDbPath } from '../config.js';
import { UsageError } from '../errors.js';
import type { CliIo } from './io.js';
import { openStoreForReading } from './store-access.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  workers?: string;
  open?: boolean;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/i;

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('browse, search and download the decisions in a web browser (a local web server)')
    .option('--db <file>', 'database file (default: LGO_DB, else index/decisions.sqlite)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on; anything but 127.0.0.1 is reachable by others', '127.0.0.1')
    .option('--workers <n>', 'server processes, for searches on several cores (default: the cores, at most 4)')
    .option('--open', 'open the address in the default web browser')
    .addHelpText('after', '\nExamples:\n  lgo serve\n  lgo serve --db index/decisions.sqlite --port 8081 --open\n')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port.trim()) || port > 65535) throw new UsageError(`--port "${flags.port}" is not a port number (0 to 65535)`);
      const workers = flags.workers === undefined ? Math.min(4, os.availableParallelism()) : Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers "${flags.workers}" must be a whole number from 1 to 64`);
      const host = flags.host.trim();
      const file = resolveDbPath(flags.db, io.env, io.cwd);
      const { default: cluster } = await import('node:cluster');
      const log = (line: string) => io.stderr.write(`${line}\n`);
      if (cluster.isWorker) {
        const { runWorker } = await import('../serve/server.js');
        await runWorker({ dbPath: file, host, port, log });
        return;
      }
      // Checked (and, for the default database, built on first use) once, before any worker starts.
      (await openStoreForReading(flags.db, io)).close();
      if (!LOOPBACK.test(host)) log(`lgo serve: warning: listening on ${host}: anyone who can reach this machine can read the database`);
      const listening = (url: string) => {
        log(`lgo serve: serving ${file} at ${url} (Ctrl-C to stop)`);
        if (flags.open) openBrowser(url, log);
      };
      const { runCluster, untilSignal } = await import('../serve/cluster.js');
      if (workers === 1) {
        const { startServer } = await import('../serve/server.js');
        const s = await startServer({ dbPath: file, host, port, log });
        listening(s.url);
        await untilSignal();
        await s.close();
      } else {
        await runCluster(workers, listening, log);
      }
      log('lgo serve: stopped');
    });
}

/** Opens a URL in the desktop's browser; a failure is a note, never an error. */
function openBrowser(url: string, log: (line: string) => void): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  import('node:child_process')
    .then(({ spawn }) => {
      const child = spawn(command, [url], { stdio: 'ignore', detached: true });
      child.on('error', () => log(`lgo serve: could not open a browser (${command}); open ${url} yourself`));
      child.unref();
    })
    .catch(() => undefined);
}
