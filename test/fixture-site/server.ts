/**
 * @file A local stand-in for lgo.org.uk on 127.0.0.1 (port 0): search result pages, decision
 * pages, robots.txt, conditional requests and gzip, plus faults on demand. Every request is
 * logged with its arrival time so tests can check pacing and that no page was fetched twice.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { renderCaptcha, renderDecisionHtml, renderEmptyShell, renderSearchPage, renderSoftError } from './render.js';
import { summaryOf, type FixtureDecision } from './site.js';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'slow'; totalMs: number }
  | { kind: 'truncate' }
  | { kind: 'reset' }
  | { kind: 'gzip-bomb'; bytes: number }
  | { kind: 'charset'; headerCharset: string | null }
  | { kind: 'captcha' }
  | { kind: 'empty-shell' }
  | { kind: 'soft-error' }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'drop-card' }
  /** The real answer, whole, after a wait (a loaded server). */
  | { kind: 'delay'; ms: number }
  /** HTTP 200 with the real page cut after `fraction` of its characters (correct Content-Length: nothing to notice). */
  | { kind: 'cut'; fraction: number }
  /** A listing whose first card links through a malformed percent-escape. */
  | { kind: 'bad-link'; href: string };

export interface FaultRule {
  /** Matched against the request's path and query with `startsWith` (or a predicate). */
  match: string | ((pathAndQuery: string) => boolean);
  fault: Fault;
  /** How many matching requests get the fault; Infinity by default. */
  times?: number;
}

export interface LoggedRequest {
  url: string;
  at: number;
  userAgent: string;
  status: number;
  conditional: boolean;
}

export interface FixtureServer {
  baseUrl: string;
  decisions: FixtureDecision[];
  requests: LoggedRequest[];
  faults: FaultRule[];
  robotsTxt: string | null;
  /** Makes a decision's page change (its bytes and ETag). */
  changeDecision(ref: string): void;
  /** Requests for decision pages, by path. */
  decisionHits(): Map<string, number>;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';

/** Starts the server; `decisions` is shared (tests may add, change or remove entries). */
export async function startFixtureServer(decisions: FixtureDecision[], opts: { robotsTxt?: string | null; faults?: FaultRule[] } = {}): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];
  const state = { faults: opts.faults ?? [], robotsTxt: opts.robotsTxt === undefined ? 'User-agent: *\nAllow: /\n' : opts.robotsTxt };
  const server = http.createServer((req, res) => {
    const pq = req.url ?? '/';
    const entry: LoggedRequest = { url: pq, at: Date.now(), userAgent: req.headers['user-agent'] ?? '', status: 0, conditional: Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']) };
    requests.push(entry);
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}): void => {
      entry.status = status;
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? '')) && bytes.length > 0 && status === 200 && !headers['content-encoding'];
      const out = gzip ? zlib.gzipSync(bytes) : bytes;
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(out.length), ...headers });
      res.end(out);
    };
    const rule = state.faults.find((r) => (typeof r.match === 'string' ? pq.startsWith(r.match) : r.match(pq)) && (r.times ?? Infinity) > 0);
    if (rule) rule.times = (rule.times ?? Infinity) - 1;
    if (rule?.fault.kind === 'delay') {
      setTimeout(() => respond(req, res, pq, entry, send, undefined), rule.fault.ms);
      return;
    }
    respond(req, res, pq, entry, send, rule?.fault);
  });
  const respond = (req: http.IncomingMessage, res: http.ServerResponse, pq: string, entry: LoggedRequest, send: (status: number, body: string | Buffer, headers?: Record<string, string>) => void, fault: Fault | undefined): void => {
    const url = new URL(pq, 'http://fixture');
    if (fault && applyTransportFault(fault, req, res, entry)) return;
    if (fault?.kind === 'status') return send(fault.status, `<html><body><h1>HTTP ${fault.status}</h1></body></html>`, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    if (fault?.kind === 'redirect') return send(fault.status ?? 302, '', { location: fault.location });
    if (fault?.kind === 'captcha') return send(200, renderCaptcha());
    if (fault?.kind === 'soft-error') return send(200, renderSoftError());
    if (url.pathname === '/robots.txt') {
      if (state.robotsTxt === null) return send(404, 'not found');
      return send(200, state.robotsTxt, { 'content-type': 'text/plain' });
    }
    if (url.pathname.toLowerCase() === '/decisions/searchresults') {
      if (fault?.kind === 'empty-shell') return send(200, renderEmptyShell());
      const page = searchPage(decisions, url, fault?.kind === 'drop-card');
      return send(200, fault?.kind === 'bad-link' ? page.replace(/href="\/decisions\/[^"]*"/, `href="${fault.href}"`) : page);
    }
    const d = decisions.find((x) => x.path === url.pathname.toLowerCase());
    if (!d) return send(404, renderSoftError());
    const html = renderDecisionHtml({ ...d.model, blocks: d.version > 1 ? [...d.model.blocks, { kind: 'para', text: `Updated version ${d.version}.` }] : d.model.blocks }, fault?.kind === 'charset' ? { charset: 'windows-1252' } : {});
    const etag = `"${createHash('sha1').update(html).digest('hex').slice(0, 16)}"`;
    if (fault?.kind === 'cut') return send(200, html.slice(0, Math.floor(html.length * fault.fraction)), { etag: `"cut-${fault.fraction}"` });
    if (req.headers['if-none-match'] === etag) return send(304, '', { etag });
    if (fault?.kind === 'charset') {
      const bytes = encode1252(html);
      if (!bytes) throw new Error(`fixture ${d.ref}: a character has no windows-1252 byte; pick another decision for the charset fault`);
      return send(200, bytes, { 'content-type': fault.headerCharset ? `text/html; charset=${fault.headerCharset}` : 'text/html', etag });
    }
    return send(200, html, { etag, 'last-modified': LAST_MODIFIED });
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    decisions,
    requests,
    get faults() {
      return state.faults;
    },
    set faults(f: FaultRule[]) {
      state.faults = f;
    },
    get robotsTxt() {
      return state.robotsTxt;
    },
    set robotsTxt(t: string | null) {
      state.robotsTxt = t;
    },
    changeDecision(ref) {
      const d = decisions.find((x) => x.ref === ref);
      if (!d) throw new Error(`no fixture decision ${ref}`);
      d.version++;
    },
    decisionHits() {
      const hits = new Map<string, number>();
      for (const r of requests) if (r.url.startsWith('/decisions/') && r.status === 200) hits.set(r.url, (hits.get(r.url) ?? 0) + 1);
      return hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Faults that act on the connection rather than the content; true when the response is handled. */
function applyTransportFault(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse, entry: LoggedRequest): boolean {
  if (fault.kind === 'reset') {
    entry.status = -1;
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'truncate') {
    entry.status = -2;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': '100000' });
    res.write('<!DOCTYPE html><html><body><article id="article"><h1>Cut short');
    setTimeout(() => req.socket.destroy(), 20);
    return true;
  }
  if (fault.kind === 'slow') {
    entry.status = -3;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const steps = 10;
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || ++i > steps) {
        clearInterval(timer);
        if (!res.destroyed) res.end('</html>');
        return;
      }
      res.write('<p>slow</p>');
    }, fault.totalMs / steps);
    res.on('close', () => clearInterval(timer));
    return true;
  }
  if (fault.kind === 'gzip-bomb') {
    entry.status = 200;
    const bomb = zlib.gzipSync(Buffer.alloc(fault.bytes, 0x20), { level: 9 });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
    res.end(bomb);
    return true;
  }
  return false;
}

function searchPage(decisions: FixtureDecision[], url: URL, dropCard: boolean): string {
  const from = url.searchParams.get('fd') ?? '0000-00-00';
  const to = url.searchParams.get('td') ?? '9999-99-99';
  const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'));
  const hits: Array<{ d: FixtureDecision; date: string }> = [];
  for (const d of decisions) for (const date of d.listedDates) if (date >= from && date <= to) hits.push({ d, date });
  hits.sort((a, b) => (a.date === b.date ? a.d.ref.localeCompare(b.d.ref) : b.date.localeCompare(a.date)));
  const slice = hits.slice((page - 1) * 10, page * 10);
  const cards = slice.map(({ d, date }) => ({
    path: d.path,
    organisation: d.model.organisation,
    ref: d.ref,
    documentType: d.documentType,
    outcome: d.model.outcome ?? 'Upheld',
    category: d.model.subcategory ?? d.model.category ?? 'Other',
    date,
    summary: summaryOf(d),
  }));
  if (dropCard) cards.pop();
  return renderSearchPage({ from, to, page, total: hits.length, cards });
}

/** Encodes text as windows-1252 (the characters the seeds use); null if one does not fit. */
function encode1252(text: string): Buffer | null {
  const extra: Record<string, number> = { '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '£': 0xa3, '•': 0x95, '…': 0x85, 'é': 0xe9 };
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff && !(ch in extra))) out.push(code);
    else if (ch in extra) out.push(extra[ch]!);
    else return null;
  }
  return Buffer.from(out);
}
