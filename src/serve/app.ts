/**
 * @file The web application: routes, security headers and error pages, on Hono (see
 * docs/design.md for the choice). One read-only store connection serves the pages; downloads
 * open their own. No route reads a file: pages come from the store, assets from memory.
 */
import { Hono, type Context } from 'hono';
import { LgoError, UsageError } from '../errors.js';
import { compileQuery } from '../search/query.js';
import type { Store } from '../store/open.js';
import { asset } from './assets.js';
import { decisionPage } from './decision-page.js';
import { parseDownloadName, startDownload } from './download.js';
import { parseState, toFilters } from './params.js';
import { gatherPayments, paymentsPage } from './payments-page.js';
import { searchPage } from './search-page.js';
import { completions, decisionView, errorPage, searchView } from './views.js';

export interface AppOptions {
  /** The open, read-only store, or where to get it for each request (it may be reopened: live-store.ts). */
  db: Store | (() => Store);
  /** Its path, for downloads' own connections. */
  dbPath: string;
  /** Where unexpected errors are logged (one line each); stderr by default. */
  log?: (line: string) => void;
}

/**
 * The Content-Security-Policy: scripts and styles only from this server, no inline script or
 * style, no plugins, no framing, forms post only here.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function htmlResponse(c: Context, body: string, status: 200 | 400 | 404 | 500 = 200): Response {
  return c.html(body, status, { 'Cache-Control': 'no-cache' });
}

/** Builds the application over an open store. */
export function createApp(opts: AppOptions): Hono {
  const { dbPath } = opts;
  const given = opts.db;
  const store = typeof given === 'function' ? given : () => given;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.get('/', (c) => {
    const db = store();
    const state = parseState(new URL(c.req.url).searchParams);
    const { view, status } = searchView(db, state);
    return htmlResponse(c, searchPage(view), status);
  });

  app.get('/payments', (c) => {
    const db = store();
    const state = parseState(new URL(c.req.url).searchParams);
    const filters = toFilters(state);
    compileQuery(state.q); // a bad query is a 400 here too, before any reading
    const view = gatherPayments(db, state, { query: state.q, filters });
    return htmlResponse(c, paymentsPage(view));
  });

  app.get('/decision/:ref', (c) => {
    const db = store();
    const found = decisionView(db, c.req.param('ref'));
    if (!found) return htmlResponse(c, errorPage(404, `no decision ${c.req.param('ref')} in this database`, 'search for it by its reference or its words'), 404);
    return htmlResponse(c, decisionPage(found.record, found.similar));
  });

  app.get('/download/:name', (c) => {
    const { kind, format } = parseDownloadName(c.req.param('name'));
    const state = parseState(new URL(c.req.url).searchParams);
    const dl = startDownload(dbPath, kind, format, { query: state.q, filters: toFilters(state) }, (err) => log(`lgo serve: download failed: ${(err as Error).message}`));
    return c.body(dl.body, 200, dl.headers);
  });

  app.get('/api/complete', (c) => c.json(completions(store(), c.req.query('kind'), c.req.query('prefix'))));

  app.get('/assets/:file', (c) => {
    const found = asset(new URL(c.req.url).pathname);
    if (!found) return htmlResponse(c, errorPage(404, 'no such file'), 404);
    return c.body(found.body, 200, { 'Content-Type': found.type, 'Cache-Control': 'public, max-age=31536000, immutable' });
  });

  app.get('/healthz', (c) => c.text('ok'));
  // Browsers ask for it on their own; there is none.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.notFound((c) => htmlResponse(c, errorPage(404, `nothing at ${new URL(c.req.url).pathname}`), 404));

  app.onError((err, c) => {
    const api = new URL(c.req.url).pathname.startsWith('/api/');
    if (err instanceof UsageError) {
      return api ? c.json({ error: err.message, hint: err.hint ?? null }, 400) : htmlResponse(c, errorPage(400, err.message, err.hint), 400);
    }
    const known = err instanceof LgoError;
    log(`lgo serve: ${known ? '' : 'unexpected error: '}${err.message.split('\n')[0]} (${c.req.method} ${new URL(c.req.url).pathname})`);
    return api ? c.json({ error: 'internal error' }, 500) : htmlResponse(c, errorPage(500, 'the server could not answer this request', 'the error is in the server log'), 500);
  });
  return app;
}
