/**
 * @file Running the web application: one HTTP server in this process (`startServer`, used by
 * tests and by each worker), or several worker processes sharing one port through node:cluster
 * (`runCluster`), so searches use every core (better-sqlite3 is synchronous: one process
 * answers one search at a time). Ctrl-C (SIGINT) or SIGTERM closes the servers and the stores.
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { InputError } from '../errors.js';
import { openStore } from '../store/open.js';
import { createApp } from './app.js';

export interface ServerOptions {
  dbPath: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:8080/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The address to print: IPv6 hosts in brackets. */
export function addressUrl(host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}/`;
}

/**
 * Starts one server over the store at `dbPath`, opened read-only. Resolves once listening.
 * @example const s = await startServer({ dbPath, host: '127.0.0.1', port: 0 }); ...; await s.close();
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const db = openStore(opts.dbPath, { readonly: true });
  // 16 MB of page cache (SQLite's default is 2 MB): a served store answers query after query, and
  // keeping the hot index pages saved a tenth of the CPU per search page at 60,000 decisions.
  db.pragma('cache_size = -16000');
  const app = createApp({ db, dbPath: opts.dbPath, ...(opts.log ? { log: opts.log } : {}) });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.keepAliveTimeout = 5000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    db.close();
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EADDRNOTAVAIL' ? 'no such address on this machine' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InputError(`cannot listen on ${addressUrl(opts.host, opts.port)}: ${why}`, { code: 'listen', cause: err });
  }
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    url: addressUrl(opts.host, port),
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeIdleConnections();
        // Open keep-alive or streaming connections get a moment, then are cut.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closed;
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (sig: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** In a cluster worker: serve, tell the primary the address, close on disconnect or a signal. */
export async function runWorker(opts: ServerOptions): Promise<void> {
  const server = await startServer(opts);
  process.send?.({ lgoServe: 'listening', url: server.url, port: server.port });
  await new Promise<void>((resolve) => {
    // Ctrl-C reaches every process of the group: the primary decides, workers wait for it.
    process.on('SIGINT', () => undefined);
    process.once('SIGTERM', () => resolve());
    process.once('disconnect', () => resolve());
  });
  await server.close();
}

/**
 * In the primary: forks `workers` processes (the same command line, which runs `runWorker` in
 * each), waits until they listen, reports the address, restarts a worker that dies, and on
 * Ctrl-C stops them all. Resolves when they have stopped.
 */
export async function runCluster(workers: number, onListening: (url: string) => void, log: (line: string) => void): Promise<void> {
  let stopping = false;
  let reported = false;
  let failed: () => void = () => undefined;
  const failure = new Promise<void>((resolve) => (failed = resolve));
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: { lgoServe?: string; url?: string }) => {
      if (m?.lgoServe === 'listening' && m.url && !reported) {
        reported = true;
        onListening(m.url);
      }
    });
    return w;
  };
  const started = Array.from({ length: workers }, fork);
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    if (!reported) {
      // A worker that fails before listening (port taken) would fail again: stop.
      stopping = true;
      log(`lgo serve: the server could not start (worker exit ${code ?? signal})`);
      for (const x of Object.values(cluster.workers ?? {})) x?.kill();
      process.exitCode = 1;
      failed();
      return;
    }
    log(`lgo serve: worker ${w.process.pid} stopped (${code ?? signal}); starting another`);
    fork();
  });
  void started;
  await Promise.race([untilSignal(), failure]);
  stopping = true;
  const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(
    all.map(
      (w) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => w.kill('SIGKILL'), 4000);
          w.once('exit', () => (clearTimeout(timer), resolve()));
          w.disconnect();
        }),
    ),
  );
}
