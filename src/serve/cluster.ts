/**
 * @file Several server processes sharing one port through node:cluster, so searches use every
 * core (better-sqlite3 is synchronous: one process answers one search at a time). The primary
 * only forks, reports and stops the workers: it loads none of the web application. Ctrl-C
 * (SIGINT) or SIGTERM stops them all.
 */
import cluster from 'node:cluster';

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
  // A young generation of 4 MB semi-spaces instead of V8's 16 MB: each worker's resident memory
  // falls from about 122 to 100 MB under load at the same CPU (measured with 32 clients). An old
  // generation capped at 192 MB (V8 allows gigabytes on a large machine, and grows towards that
  // under 80 pages a second): 30-40 MB less summed RSS at the same CPU. A worker's live heap is
  // about 40 MB at 60,000 decisions with the "did you mean" indexes loaded; downloads stream.
  const has = (flag: string) => process.execArgv.some((a) => a.startsWith(flag));
  const flags = [...(has('--max-semi-space-size') ? [] : ['--max-semi-space-size=4']), ...(has('--max-old-space-size') ? [] : ['--max-old-space-size=192'])];
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...flags] });
  // Two malloc arenas per worker instead of glibc's 8 per core (SQLite, libuv and V8 threads each
  // take one): about 13 MB less RSS per worker under 32 clients at the same CPU (296 -> 276 MB
  // summed at 60,000 decisions). Read by glibc at start-up, so it goes in the workers' environment.
  const env = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
  const fork = () => {
    const w = cluster.fork(env);
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
