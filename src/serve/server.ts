/**
 * @file Running the web application: one HTTP server in this process (`startServer`, used by
 * tests, by `--workers 1` and by each cluster worker, see cluster.ts). Closing it closes its
 * store.
 */
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
