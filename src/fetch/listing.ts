/**
 * @file The site's search results page, read as pure functions of its text (cheerio). A results
 * page says "Your search has N results" and holds up to 10 cards, each linking to
 * `/decisions/<cat>/<subcat>/<ref>`. Anything else on HTTP 200 (a bot challenge, a captcha, the
 * search form without results) is reported, never taken for an empty window (juriscraper's sanity check).
 */
import * as cheerio from 'cheerio';
import { parseDecisionUrl } from '../extract/url.js';
import { OUTCOME_VALUE } from '../extract/header.js';
import { TITLE_LINE } from '../extract/patterns.js';
import type { ListingCard } from '../record/listing.js';

export const PAGE_SIZE = 10;

export interface ListingItem {
  /** Canonical URL (https://www.lgo.org.uk/decisions/...). */
  url: string;
  /** The path as linked, for fetching from the configured base URL. */
  path: string;
  ref: string;
  title: string;
  /** ISO date from the card's `dd-Mon-yyyy`, when shown. */
  date: string | null;
  documentType: 'statement' | 'report' | null;
  /** What the card says of the decision, kept in the page's sidecar as a second source for the parser. */
  card: ListingCard;
}

export type ListingPage =
  | { kind: 'results'; total: number; items: ListingItem[]; offHost: string[]; bad: string[] }
  | { kind: 'challenge'; reason: string }
  | { kind: 'empty-shell'; reason: string };

/** Markers of bot challenges and captchas seen on public sites. */
const CHALLENGE_MARKERS: Array<[RegExp, string]> = [
  [/captcha|cf-turnstile/i, 'a captcha widget'],
  [/cf-challenge|challenge-platform|cf_chl_|__cf_chl/i, 'a Cloudflare challenge'],
  [/verify (that )?you are (a )?human|are you a robot|checking your browser|unusual traffic/i, 'a "verify you are human" page'],
  [/access denied|request blocked|you have been blocked/i, 'an access-denied page'],
];

/** "Your search has 1,234 results" / "Your search has 1 result" / "Your search has no results". */
const TOTAL_PATTERN = /Your search has\s+(no|[\d,]+)\s+results?/i;

/**
 * Names the bot challenge a page is, or null. Used on listing and decision pages alike.
 * @example detectChallenge('<div class="g-recaptcha">') // 'a captcha widget'
 */
export function detectChallenge(html: string): string | null {
  // Fast path (most pages): content markers found by a plain search, no DOM needed.
  if (/id\s*=\s*["']?article\b/i.test(html) || TOTAL_PATTERN.test(html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' '))) return null;
  const $ = cheerio.load(html);
  // Widgets and challenge scripts show in attributes and script bodies, never in a decision's text.
  const machinery = $('script, iframe, form, [class*="captcha" i], [id*="captcha" i], [class*="challenge" i]')
    .toArray()
    .map((el) => `${$(el).attr('src') ?? ''} ${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''} ${$(el).attr('action') ?? ''} ${$(el).html() ?? ''}`)
    .join(' ');
  // A page with a decision or a results count is content, whatever scripts it carries: the real
  // site loads reCAPTCHA for its site-wide search and complaint forms on ordinary pages.
  if ($('#article').length > 0 || TOTAL_PATTERN.test($('body').text())) return null;
  const title = $('title').text();
  const body = $('body').text().slice(0, 3000);
  for (const [pattern, name] of CHALLENGE_MARKERS) {
    if (pattern.test(machinery) || pattern.test(title) || pattern.test(body)) return name;
  }
  return null;
}

/** Parses `dd-Mon-yyyy` (the cards' date form) to ISO; null when absent. */
export function parseCardDate(text: string): string | null {
  const m = /\b(\d{1,2})[- ](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[- ](\d{4})\b/i.exec(text);
  if (!m) return null;
  const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m[2]!.slice(0, 3).toLowerCase()) / 3 + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/**
 * Reads one search results page.
 * @param html the decoded page
 * @param pageUrl the page's own URL, to resolve relative links and spot off-host ones
 */
export function parseListingPage(html: string, pageUrl: string): ListingPage {
  const challenge = detectChallenge(html);
  if (challenge) return { kind: 'challenge', reason: challenge };
  const $ = cheerio.load(html);
  const bodyText = $('body').text().replace(/\s+/g, ' ');
  const m = TOTAL_PATTERN.exec(bodyText);
  if (!m) return { kind: 'empty-shell', reason: 'no "Your search has N results" line' };
  const total = m[1]!.toLowerCase() === 'no' ? 0 : Number(m[1]!.replace(/,/g, ''));
  const host = new URL(pageUrl).host;
  const items: ListingItem[] = [];
  const offHost: string[] = [];
  const bad: string[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href')!;
    let abs: URL;
    try {
      abs = new URL(href, pageUrl);
    } catch {
      if (BAD_LINK.test(href)) bad.push(href);
      return;
    }
    const parts = parseDecisionUrl(abs.href);
    if (!parts?.ref || !parts.categorySlug) {
      // A decision link we cannot read (a malformed escape, a "../"): reported, never guessed at.
      if (BAD_LINK.test(href) && !seen.has(href)) {
        seen.add(href);
        bad.push(href);
      }
      return;
    }
    if (abs.host !== host) {
      offHost.push(abs.href);
      return;
    }
    if (seen.has(parts.canonical)) return;
    seen.add(parts.canonical);
    const card = $(el).closest('li, article, .search-result, .result, div');
    const cardText = card.text().replace(/\s+/g, ' ');
    // The type is its own element ("Statement" / "Report"); the summary may use either word.
    const labels = card.find('*').toArray().map((x) => $(x).text().trim());
    const type = labels.includes('Report') ? 'report' : labels.includes('Statement') ? 'statement' : null;
    const title = $(el).text().replace(/\s+/g, ' ').trim();
    const date = parseCardDate(cardText);
    items.push({
      url: parts.canonical,
      path: abs.pathname,
      ref: parts.ref,
      title,
      date,
      documentType: type,
      card: readCard(title, labels, parts.ref, type, date),
    });
  });
  if (total > 0 && items.length === 0 && bad.length === 0) return { kind: 'empty-shell', reason: `says ${total} results but shows no decision links` };
  return { kind: 'results', total, items, offHost, bad };
}

/**
 * A link that looks like a decision's (two or more segments under /decisions/, the last with a
 * digit in it) even when it cannot be read: one to report, not to pass over. Category links
 * (`/decisions/housing`, `/decisions/housing/allocations`) are not.
 */
const BAD_LINK = /\/decisions\/[^?#]*\/[^/?#]*\d[^/?#]*\/?(?:[?#]|$)/i;

/** The search URL for a window and page (1-based). */
export function searchPath(from: string, to: string, page: number): string {
  return `/Decisions/SearchResults?fd=${from}&td=${to}&page=${page}`;
}

/**
 * The card's fields: organisation from its linked title, the outcome and the category from its
 * own short elements (the outcome is the one that reads as an outcome; the category the one after it).
 */
function readCard(title: string, labels: string[], ref: string, documentType: ListingCard['documentType'], date: string | null): ListingCard {
  const short = labels.filter((t) => t.length > 0 && t.length < 80 && !/^(statement|report)$/i.test(t) && parseCardDate(t) === null && !t.includes(title));
  const outcomeAt = short.findIndex((t) => OUTCOME_VALUE.test(t));
  const category = outcomeAt >= 0 ? short[outcomeAt + 1] : undefined;
  return {
    organisation: TITLE_LINE.exec(title)?.[1]?.trim() || null,
    ref,
    documentType,
    outcome: outcomeAt >= 0 ? short[outcomeAt]! : null,
    category: category && !/^summary\b/i.test(category) ? category : null,
    decisionDate: date,
  };
}
