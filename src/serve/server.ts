/**
 * @file Running the web application: one HTTP server in this process (`startServer`, used by
 * tests, by `--workers 1` and by each cluster worker, see cluster.ts). It follows the database
 * file across rebuilds (live-store.ts). Closing it closes its store.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { InputError } from '../errors.js';
import { createApp } from './app.js';
import { decisionColumns } from './columns.js';
import { liveStore } from './live-store.js';

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
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Followed across rebuilds; each connection's facet columns are read before its first page.
  const live = liveStore(opts.dbPath, { log, onOpen: (db) => void decisionColumns(db) });
  const app = createApp({ db: () => live.current(), dbPath: opts.dbPath, log });
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
    live.close();
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
          live.close();
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
