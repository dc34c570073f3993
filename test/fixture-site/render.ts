/**
 * @file HTML like lgo.org.uk's, for the fixture site and for parser fixtures: decision pages
 * (`<article id="article">`, h1 `Organisation (YY NNN NNN)`, the Category / Decision / Decision
 * date label-value pairs, headings, numbered paragraphs as lists, "Back to top" links, the
 * cookie/privacy panel) and search result pages ("Your search has N results", 10 cards a page).
 * Pure functions of their input; self-contained (no src/ imports).
 *
 * @example renderDecisionFromText(fs.readFileSync('corpus/000_c84c4f1ce20d3961.txt', 'utf8'))
 */
import { readDecisionText, type Block, type DecisionText, type ListItem } from './text-model.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RenderOptions {
  /** Written into `<meta charset>`; the caller encodes the bytes accordingly. */
  charset?: string;
  /** Leave the header block out (some renderings have none: seeds/002). */
  omitHeader?: boolean;
  /** Add a bot-challenge widget (a captcha page served where a decision should be). */
  extraHead?: string;
}

// The site's cookie/privacy panel, in its published wording (domain.md: boilerplate the parser strips).
const COOKIE_PANEL = `
<div id="cookie-panel" class="privacy-panel" role="dialog" aria-label="Privacy settings">
  <img src="/images/lgo-logogram.svg" alt="LGO logogram">
  <h2>Review your privacy settings</h2>
  <h3>Required cookies</h3>
  <p>These cookies enable the website to function properly. You can only disable these by changing your browser preferences, but this will affect how the website performs.</p>
  <p><a href="#required">View required cookies</a></p>
  <h3>Analytical cookies</h3>
  <p>Google Analytics cookies help us improve the performance of the website by understanding how visitors use the site.<br>We recommend you set these 'ON'.</p>
  <p><a href="#analytical">View analytical cookies</a></p>
  <p>In using Google Analytics, we do not collect or store personal information that could identify you (for example your name or address). We do not allow Google to use or share our analytics data. Google has developed a tool to help you opt out of Google Analytics cookies.</p>
  <p><button type="button">Privacy settings</button></p>
</div>`;

function page(title: string, body: string, opts: RenderOptions = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="${opts.charset ?? 'utf-8'}">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.extraHead ?? ''}
</head>
<body>
<a id="top"></a>
<header class="site-header">
  <a href="/"><img src="/images/lgo-logogram.svg" alt="LGO logogram"></a>
  <nav class="main-nav"><ul><li><a href="/make-a-complaint">Make a complaint</a></li><li><a href="/decisions">Decisions</a></li><li><a href="/information-centre">Information centre</a></li></ul></nav>
</header>
<main id="main-content">
${body}
</main>
<footer class="site-footer"><p>Local Government and Social Care Ombudsman</p></footer>
${COOKIE_PANEL}
</body>
</html>
`;
}

function renderItems(items: ListItem[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  const lis = items
    .map((it) => `<li>${esc(it.text)}${it.children.length ? renderItems(it.children, /^\d/.test(it.children[0]!.text) ? ordered : ordered) : ''}</li>`)
    .join('\n');
  return `<${tag}>\n${lis}\n</${tag}>`;
}

function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'final-decision':
      return `<h2 class="final-decision">${esc(b.text)}</h2>`;
    case 'summary':
      return `<p><strong>Summary:</strong> ${esc(b.text)}</p>`;
    case 'para':
      return `<p>${esc(b.text)}</p>`;
    case 'back-to-top':
      return `<p class="back-to-top"><a href="#top">Back to top</a></p>`;
    case 'list':
      return renderItems(b.items, b.ordered);
  }
}

/** Renders a decision model as a full page. */
export function renderDecisionHtml(d: DecisionText, opts: RenderOptions = {}): string {
  const header =
    opts.omitHeader || (!d.category && !d.outcome && !d.decisionDate)
      ? ''
      : `<div class="decision-details">
${d.category ? `<p><span class="label">Category</span> : <span class="value">${esc(d.category)}${d.subcategory ? ` &gt; ${esc(d.subcategory)}` : ''}</span></p>` : ''}
${d.outcome ? `<p><span class="label">Decision</span> : <span class="value">${esc(d.outcome)}</span></p>` : ''}
${d.decisionDate ? `<p><span class="label">Decision date</span> : <span class="value">${esc(d.decisionDate)}</span></p>` : ''}
</div>`;
  const body = `<article id="article">
<h1>${esc(d.organisation)} (${esc(d.ref)})</h1>
${header}
<p class="print-page"><a href="#" onclick="window.print();return false;">Print this page</a></p>
<div class="decision-body">
${d.blocks.map(renderBlock).join('\n')}
</div>
</article>`;
  return page(`${d.organisation} (${d.ref}) - Local Government and Social Care Ombudsman`, body, opts);
}

/** Renders a seed-style text (corpus/*.txt, gold `text`) as a decision page. */
export function renderDecisionFromText(text: string, opts: RenderOptions = {}): string {
  return renderDecisionHtml(readDecisionText(text), opts);
}

export interface SearchCard {
  path: string;
  organisation: string;
  ref: string;
  documentType: 'statement' | 'report';
  outcome: string;
  category: string;
  /** ISO date; shown as `dd-Mon-yyyy`. */
  date: string;
  summary: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2021-06-03` -> `03-Jun-2021` (the cards' form). */
export function cardDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
}

/** A search results page: the count line, the cards, the pager. */
export function renderSearchPage(q: { from: string; to: string; page: number; total: number; cards: SearchCard[] }): string {
  const pages = Math.ceil(q.total / 10);
  const cards = q.cards
    .map(
      (c) => `<li class="search-result">
  <h3 class="search-result__title"><a href="${esc(c.path)}">${esc(c.organisation)} (${esc(c.ref)})</a></h3>
  <ul class="search-result__meta">
    <li class="type">${c.documentType === 'report' ? 'Report' : 'Statement'}</li>
    <li class="outcome">${esc(c.outcome)}</li>
    <li class="category">${esc(c.category)}</li>
    <li class="date">${cardDate(c.date)}</li>
  </ul>
  <p class="search-result__summary">Summary: ${esc(c.summary)}</p>
</li>`,
    )
    .join('\n');
  const pager = Array.from({ length: pages }, (_, i) => i + 1)
    .map((n) => (n === q.page ? `<span class="current">${n}</span>` : `<a href="/Decisions/SearchResults?fd=${q.from}&amp;td=${q.to}&amp;page=${n}">${n}</a>`))
    .join(' ');
  return page('Decisions search results - Local Government and Social Care Ombudsman', `${searchForm(q.from, q.to)}
<section class="search-results">
<p class="search-results__count">Your search has ${q.total.toLocaleString('en-GB')} result${q.total === 1 ? '' : 's'}</p>
<ul class="search-results__list">
${cards}
</ul>
<nav class="pager" aria-label="Pages">${pager}</nav>
</section>`);
}

function searchForm(from: string, to: string): string {
  return `<form class="decision-search" action="/decisionsnew/newsearchpost" method="post">
<label>Keyword <input name="q"></label>
<label>From <input name="fd" value="${esc(from)}"></label> <label>To <input name="td" value="${esc(to)}"></label>
<button type="submit">Search</button>
</form>`;
}

/** The search page without results (what a blocked or broken search returns with HTTP 200). */
export function renderEmptyShell(): string {
  return page('Decisions - Local Government and Social Care Ombudsman', `${searchForm('', '')}\n<section class="search-results"></section>`);
}

/** A bot-challenge page served with HTTP 200. */
export function renderCaptcha(): string {
  return page(
    'Just a moment...',
    `<div class="challenge"><h1>Please verify you are a human</h1><div class="g-recaptcha" data-sitekey="x"></div></div>`,
    { extraHead: '<script src="https://www.google.com/recaptcha/api.js" async defer></script>' },
  );
}

/** An error page served with HTTP 200 (a "soft 404"). */
export function renderSoftError(): string {
  return page('Page not found - Local Government and Social Care Ombudsman', `<h1>Sorry, we cannot find that page</h1><p>It may have moved.</p>`);
}
