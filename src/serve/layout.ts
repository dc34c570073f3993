/**
 * @file The page shell and small shared pieces. Templates are hono/html's `html` tagged
 * template: every interpolated string is escaped (&, <, >, ", '), so decision text can never
 * become markup; only values wrapped in `raw` (our own SVG charts, already escaped by
 * stats/chart.ts) pass through. Pure: returns HTML strings.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { shortAttribution } from '../export/attribution.js';
import { ASSET_PATHS } from './assets.js';

export { html, raw };
/** A piece of escaped HTML. */
export type Html = HtmlEscapedString;

/** The result of an `html` template that holds no promises (all ours): a plain escaped string. */
export function sync(piece: HtmlEscapedString | Promise<HtmlEscapedString>): Html {
  if (piece instanceof Promise) throw new Error('an HTML template held a promise');
  return piece;
}

export interface PageOptions {
  title: string;
  /** Which top link is current. */
  nav?: 'search' | 'payments' | 'decision' | 'error';
  /** The search state's query string, carried across the top links. */
  stateQuery?: string;
  body: Html;
}

/**
 * A whole page: doctype, language, viewport for phones, the stylesheet and script (both from this
 * server, nothing external), a skip link, the top navigation and the attribution footer.
 */
export function page(opts: PageOptions): string {
  const q = opts.stateQuery ?? '';
  const current = (which: PageOptions['nav']) => (opts.nav === which ? raw(' aria-current="page"') : '');
  return sync(html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · lgo decisions</title>
<link rel="stylesheet" href="${ASSET_PATHS.css}">
<script src="${ASSET_PATHS.js}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/">lgo decisions</a>
<nav aria-label="Main">
<a href="/${q}"${current('search')}>Search</a>
<a href="/payments${q}"${current('payments')}>Payments and statistics</a>
</nav>
</header>
<main id="main">
${opts.body}
</main>
<footer class="foot"><p>${shortAttribution()}</p></footer>
</body>
</html>
`).toString();
}

/** "12,345": digits grouped by hand (toLocaleString costs 10 us a call, a tenth of a page's rendering). */
export function whole(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "£1,234" or "£2,750.50". */
export function money(n: number): string {
  const [pounds, pence] = (Number.isInteger(n) ? String(n) : n.toFixed(2)).split('.');
  return `£${whole(Number(pounds))}${pence ? `.${pence}` : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 June 2021" from an ISO date; "date unknown" for null. */
export function longDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** The address of a decision's page: `/decision/19-020-817`. */
export function decisionHref(ref: string): string {
  return `/decision/${encodeURIComponent(ref.replace(/ /g, '-'))}`;
}

/**
 * Text with [start, end) ranges wrapped in `<mark>`, everything escaped. Ranges must be sorted
 * and not overlap; `ids` gives a ranged mark an id (the target of a link).
 */
export function marked(text: string, ranges: readonly (readonly [number, number])[], ids: readonly (string | null)[] = []): Html {
  const parts: Html[] = [];
  let at = 0;
  ranges.forEach(([a, b], i) => {
    if (a < at || b <= a) return;
    const id = ids[i];
    parts.push(sync(html`${text.slice(at, a)}<mark${id ? raw(` id="${id}" tabindex="-1"`) : ''}>${text.slice(a, b)}</mark>`));
    at = b;
  });
  parts.push(sync(html`${text.slice(at)}`));
  return sync(html`${parts}`);
}
