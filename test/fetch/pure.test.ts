import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtml, decompress } from '../../src/fetch/body.js';
import { detectChallenge, parseCardDate, parseListingPage } from '../../src/fetch/listing.js';
import { backoffMs, retryAfterMs } from '../../src/fetch/retry-after.js';
import { monthWindows, splitWindow } from '../../src/fetch/windows.js';
import { renderCaptcha, renderDecisionFromText, renderEmptyShell, renderSearchPage } from '../fixture-site/render.js';
import { REPO_ROOT } from './helpers.js';

const seed = fs.readFileSync(path.join(REPO_ROOT, 'corpus', '000_c84c4f1ce20d3961.txt'), 'utf8');
const card = { path: '/decisions/housing/allocations/21-000-568', organisation: 'Norwich City Council', ref: '21 000 568', documentType: 'report' as const, outcome: 'Upheld', category: 'Allocations', date: '2021-06-03', summary: 'The Council delayed a Report on the case.' };

describe('listing page parser', () => {
  it('reads the total, the links (canonical, with letter suffix), dates and document types', () => {
    const html = renderSearchPage({ from: '2021-06-01', to: '2021-06-30', page: 1, total: 1234, cards: [card, { ...card, ref: '17 002 402b', path: '/decisions/Education/School-Transport/17-002-402B', documentType: 'statement' }] });
    const page = parseListingPage(html, 'http://127.0.0.1:1/Decisions/SearchResults?fd=2021-06-01&td=2021-06-30&page=1');
    expect(page).toMatchObject({ kind: 'results', total: 1234 });
    if (page.kind !== 'results') throw new Error('not results');
    expect(page.items).toEqual([
      { url: 'https://www.lgo.org.uk/decisions/housing/allocations/21-000-568', path: '/decisions/housing/allocations/21-000-568', ref: '21 000 568', title: 'Norwich City Council (21 000 568)', date: '2021-06-03', documentType: 'report', card: { organisation: 'Norwich City Council', ref: '21 000 568', documentType: 'report', outcome: 'Upheld', category: 'Allocations', decisionDate: '2021-06-03' } },
      { url: 'https://www.lgo.org.uk/decisions/education/school-transport/17-002-402b', path: '/decisions/Education/School-Transport/17-002-402B', ref: '17 002 402b', title: 'Norwich City Council (17 002 402b)', date: '2021-06-03', documentType: 'statement', card: { organisation: 'Norwich City Council', ref: '17 002 402b', documentType: 'statement', outcome: 'Upheld', category: 'Allocations', decisionDate: '2021-06-03' } },
    ]);
  });

  it('reads "no results" and a single result', () => {
    expect(parseListingPage('<body><p>Your search has no results</p></body>', 'http://x/')).toEqual({ kind: 'results', total: 0, items: [], offHost: [], bad: [] });
    expect(parseListingPage(renderSearchPage({ from: 'a', to: 'b', page: 1, total: 1, cards: [card] }), 'http://x/')).toMatchObject({ kind: 'results', total: 1 });
  });

  it('keeps off-host decision links apart', () => {
    const html = `<body>Your search has 2 results <a href="/decisions/a/b/21-000-568">x</a> <a href="https://evil.example/decisions/a/b/21-000-569">y</a></body>`;
    expect(parseListingPage(html, 'http://127.0.0.1:5/')).toMatchObject({ kind: 'results', total: 2, offHost: ['https://evil.example/decisions/a/b/21-000-569'] });
  });

  it('reports decision links it cannot read, and passes over navigation and category links', () => {
    const html = `<body><p>Your search has 4 results</p><nav><a href="/decisions">Decisions</a><a href="/decisions/housing">Housing</a><a href="/decisions/housing/allocations">Allocations</a></nav>
      <ul><li><a href="/decisions/housing/allocations/21-000-568">A</a></li><li><a href="/decisions/housing/%E0%A4%A/21-000-572">B</a></li>
      <li><a href="/decisions/housing/allocations/21-000-57%2">C</a></li><li><a href="/decisions/a/b/21-000-571%2f..%2ftmp%2fevil">D</a></li></ul></body>`;
    const page = parseListingPage(html, 'https://www.lgo.org.uk/Decisions/SearchResults?page=1');
    expect(page).toMatchObject({ kind: 'results', total: 4, items: [{ ref: '21 000 568' }] });
    expect(page.kind === 'results' && page.bad).toEqual(['/decisions/housing/%E0%A4%A/21-000-572', '/decisions/housing/allocations/21-000-57%2', '/decisions/a/b/21-000-571%2f..%2ftmp%2fevil']);
  });

  it('flags a captcha, an empty shell, and a count with no links', () => {
    expect(parseListingPage(renderCaptcha(), 'http://x/')).toMatchObject({ kind: 'challenge' });
    expect(parseListingPage(renderEmptyShell(), 'http://x/')).toMatchObject({ kind: 'empty-shell' });
    expect(parseListingPage('<body>Your search has 5 results</body>', 'http://x/')).toMatchObject({ kind: 'empty-shell' });
  });

  it('does not take a decision that mentions a robot or access denied for a challenge', () => {
    const html = renderDecisionFromText(seed.replace('The complaint', 'The complaint about access denied to records'));
    expect(detectChallenge(html)).toBeNull();
    expect(detectChallenge('<html><head><title>Just a moment...</title></head><body>Checking your browser before accessing</body></html>')).not.toBeNull();
  });

  it.each([
    ['03-Jun-2021', '2021-06-03'],
    ['3 June 2021', '2021-06-03'],
    ['no date', null],
  ])('card date %s -> %s', (text, iso) => expect(parseCardDate(text)).toBe(iso));
});

describe('windows', () => {
  it('cuts a range into calendar months, partial at the ends', () => {
    expect(monthWindows('2024-01-15', '2024-03-10')).toEqual([
      { from: '2024-01-15', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-10' },
    ]);
  });
  it('splits in halves without gaps or overlap, and not below one day', () => {
    expect(splitWindow({ from: '2024-01-01', to: '2024-01-31' })).toEqual([
      { from: '2024-01-01', to: '2024-01-16' },
      { from: '2024-01-17', to: '2024-01-31' },
    ]);
    expect(splitWindow({ from: '2024-01-01', to: '2024-01-02' })).toEqual([
      { from: '2024-01-01', to: '2024-01-01' },
      { from: '2024-01-02', to: '2024-01-02' },
    ]);
    expect(splitWindow({ from: '2024-01-01', to: '2024-01-01' })).toBeNull();
  });
});

describe('windows, as properties', () => {
  const day = fc.integer({ min: 0, max: 4000 }).map((n) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  it('month windows tile [from, to] exactly: in order, no gap, no overlap, each inside one month', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const ws = monthWindows(from, to);
        expect(ws[0]!.from).toBe(from);
        expect(ws.at(-1)!.to).toBe(to);
        ws.forEach((w, i) => {
          expect(w.from <= w.to).toBe(true);
          expect(w.from.slice(0, 7)).toBe(w.to.slice(0, 7));
          if (i > 0) expect(Date.parse(w.from) - Date.parse(ws[i - 1]!.to)).toBe(86_400_000);
        });
      }),
    );
  });
  it('a split window is exactly its two halves', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const halves = splitWindow({ from, to });
        if (from === to) {
          expect(halves).toBeNull();
          return;
        }
        const [x, y] = halves!;
        expect([x.from, y.to]).toEqual([from, to]);
        expect(x.to < y.from && Date.parse(y.from) - Date.parse(x.to) === 86_400_000).toBe(true);
      }),
    );
  });
});

describe('Retry-After and backoff', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:27:00 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(10, 1000, 60_000, () => 1)).toBe(60_000);
  });
});

describe('bodies', () => {
  it('stops a gzip bomb at the cap', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(20_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => decompress(bomb, 'gzip', 1_000_000, 'u')).toThrow(/larger than 1000000 bytes/);
    expect(decompress(zlib.gzipSync('hello'), 'gzip', 100, 'u').toString()).toBe('hello');
    expect(decompress(zlib.deflateRawSync('hi'), 'deflate', 100, 'u').toString()).toBe('hi');
  });
  it('decodes windows-1252 by the meta charset, and when the HTTP header lies', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>Council'), Buffer.from([0x92]), Buffer.from('s \u00a3250</p>', 'latin1')]);
    expect(decodeHtml(bytes, 'text/html').text).toContain('Council’s £250');
    expect(decodeHtml(bytes, 'text/html; charset=utf-8')).toEqual({ text: expect.stringContaining('Council’s £250'), mismatch: true });
    expect(decodeHtml(Buffer.from('<p>Council’s</p>'), 'text/html; charset=utf-8')).toEqual({ text: '<p>Council’s</p>', mismatch: false });
  });
});
