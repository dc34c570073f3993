/**
 * @file The search page: one query box (the CLI's syntax), facets with counts, results with
 * highlighted snippets, sort links and pages. Every link is a full address of the next state,
 * so the page works without JavaScript and the back button walks the states. Pure rendering.
 */
import type { SearchResult } from '../search/engine.js';
import { REMEDY_KINDS } from '../schema/kinds.js';
import type { Facets, FacetValue } from './facets.js';
import { decisionHref, html, longDate, marked, money, page, raw, sync, whole, type Html } from './layout.js';
import { MAX_PAGE, PAGE_SIZE, PAYMENT_BANDS, stateQuery, type SearchState } from './params.js';

export interface SearchView {
  state: SearchState;
  result: SearchResult | null;
  facets: Facets | null;
  /** A corrected query ("did you mean"), when nothing matched. */
  suggestion: string | null;
  /** A bad query or filter value, in words (the page is then a 400). */
  error: { message: string; hint?: string | undefined } | null;
}

const FACET_TITLES = { organisation: 'Organisation', category: 'Category', outcome: 'Outcome', year: 'Decision year', remedy: 'Remedy kind', band: 'Total paid' } as const;

/** The query box, with the filters in force carried as hidden fields. */
export function searchForm(state: SearchState, action = '/'): Html {
  const hidden = (['organisation', 'category', 'subcategory', 'outcome', 'year', 'remedy', 'band', 'sort'] as const)
    .filter((k) => state[k] !== undefined)
    .map((k) => sync(html`<input type="hidden" name="${k}" value="${state[k]}">`));
  return sync(html`<form class="search" role="search" method="get" action="${action}">
<label for="q" class="visually-hidden">Search decisions</label>
<input type="search" id="q" name="q" value="${state.q}" placeholder='e.g. "child in need" -school, assess*, care OR nursing' aria-describedby="q-hint">
${hidden}
<button type="submit">Search</button>
</form>
<p class="hint" id="q-hint">Words are all required; "exact phrase", a OR b, NOT x or -x, prefix*, (groups), summary: organisation: category: outcome: ref:. The same syntax as <code>lgo search</code>.</p>`);
}

/** The filters in force, each a link that removes it. */
export function chosenChips(state: SearchState, base = ''): Html {
  const keys = ['organisation', 'category', 'subcategory', 'outcome', 'year', 'remedy', 'band'] as const;
  const chips = keys
    .filter((k) => state[k] !== undefined)
    .map((k) => {
      const shown = k === 'band' ? PAYMENT_BANDS.find((b) => b.key === state.band)?.label : k === 'remedy' ? remedyLabel(state.remedy!) : state[k];
      return sync(html`<li><a href="${base}${stateQuery(state, { [k]: undefined }) || '?'}" aria-label="Remove filter ${k}: ${shown}">${shown} ✕</a></li>`);
    });
  return chips.length ? sync(html`<ul class="chips" aria-label="Filters in force">${chips}</ul>`) : sync(html``);
}

/** "staff_training_or_reminder" -> "staff training or reminder". */
export function remedyLabel(kind: string): string {
  return kind.replace(/_/g, ' ');
}

function facetList(state: SearchState, key: 'organisation' | 'category' | 'subcategory' | 'outcome' | 'year' | 'remedy' | 'band', values: FacetValue[], label: (v: string) => string = (v) => v): Html {
  const items = values.map((v) => {
    const chosen = state[key] !== undefined && String(state[key]).toLowerCase() === v.value.toLowerCase();
    const href = stateQuery(state, { [key]: chosen ? undefined : v.value }) || '?';
    return sync(html`<li${chosen ? raw(' class="chosen"') : ''}><a href="${href}"${chosen ? raw(' aria-current="true"') : ''}>${label(v.value)}</a><span class="count">${whole(v.count)}</span></li>`);
  });
  return sync(html`<ul>${items}</ul>`);
}

function facetPanel(state: SearchState, f: Facets): Html {
  const orgForm = sync(html`<form method="get" action="/" aria-label="Filter by organisation">
${(['q', 'category', 'subcategory', 'outcome', 'year', 'remedy', 'band', 'sort'] as const).filter((k) => state[k]).map((k) => sync(html`<input type="hidden" name="${k}" value="${state[k]}">`))}
<input id="organisation-input" name="organisation" list="organisation-list" value="${state.organisation ?? ''}" autocomplete="off" aria-label="Organisation name contains">
<datalist id="organisation-list"></datalist><button type="submit">Filter</button></form>`);
  const sub = state.category && f.subcategory.length ? sync(html`<div class="sub"><h3>Subcategory</h3>${facetList(state, 'subcategory', f.subcategory)}</div>`) : '';
  return sync(html`<aside class="facets" aria-label="Narrow the results">
<h2>${FACET_TITLES.organisation}</h2>${orgForm}${facetList(state, 'organisation', f.organisation)}
<h2>${FACET_TITLES.category}</h2>${facetList(state, 'category', f.category)}${sub}
<h2>${FACET_TITLES.outcome}</h2>${facetList(state, 'outcome', f.outcome)}
<h2>${FACET_TITLES.year}</h2>${facetList(state, 'year', f.year)}
<h2>${FACET_TITLES.remedy}</h2>${facetList(state, 'remedy', f.remedy.filter((r) => (REMEDY_KINDS as readonly string[]).includes(r.value)), remedyLabel)}
<h2>${FACET_TITLES.band}</h2>${facetList(state, 'band', f.band, (k) => PAYMENT_BANDS.find((b) => b.key === k)?.label ?? k)}
</aside>`);
}

function sortLinks(state: SearchState, result: SearchResult): Html {
  const sorts = (result.query.match ? ['relevance', 'date', 'payment'] : ['date', 'payment']) as ('relevance' | 'date' | 'payment')[];
  const current = state.sort ?? (result.query.match ? 'relevance' : 'date');
  const names = { relevance: 'Relevance', date: 'Newest', payment: 'Largest payment' };
  return sync(html`<p class="sorts"><span>Sort by:</span>${sorts.map((s) =>
    s === current ? sync(html`<a href="${stateQuery(state, { sort: s }) || '?'}" aria-current="true">${names[s]}</a>`) : sync(html`<a href="${stateQuery(state, { sort: s }) || '?'}">${names[s]}</a>`),
  )}</p>`);
}

function resultList(state: SearchState, result: SearchResult): Html {
  const start = (state.page - 1) * PAGE_SIZE;
  const items = result.hits.map((h, i) => {
    const snippet = h.snippet ? sync(html`<p class="snippet"><span class="field">${h.snippet.field}:</span> ${marked(h.snippet.text, h.snippet.highlights)}</p>`) : '';
    const title = `${h.organisation || 'Organisation not named'} (${h.ref})`;
    return sync(html`<li value="${start + i + 1}">
<h2><a href="${decisionHref(h.ref)}">${title}</a></h2>
<p class="meta">${h.outcome ?? 'Outcome unknown'} · ${longDate(h.decisionDate)} · ${[h.category, h.subcategory].filter(Boolean).join(' › ')}${h.paymentTotal > 0 ? ` · total paid ${money(h.paymentTotal)}` : ''}</p>
${snippet}</li>`);
  });
  return sync(html`<ol class="results" start="${start + 1}">${items}</ol>`);
}

function pager(state: SearchState, result: SearchResult): Html {
  const pages = Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
  const prev = state.page > 1 ? sync(html`<a href="${stateQuery(state, { page: state.page - 1 }) || '?'}" rel="prev">‹ Previous</a>`) : '';
  const next = state.page < pages ? sync(html`<a href="${stateQuery(state, { page: state.page + 1 })}" rel="next">Next ›</a>`) : '';
  return sync(html`<nav class="pager" aria-label="Pages">${prev}<span>Page ${state.page} of ${result.totalIsMinimum ? 'more than ' : ''}${pages}</span>${next}</nav>`);
}

function countLine(state: SearchState, result: SearchResult): string {
  const n = `${result.totalIsMinimum ? 'More than ' : ''}${whole(result.total)}`;
  const first = (state.page - 1) * PAGE_SIZE + 1;
  const shown = result.hits.length ? `; showing ${first} to ${first + result.hits.length - 1}` : '';
  return `${n} decision${result.total === 1 ? '' : 's'} match${result.total === 1 ? 'es' : ''}${shown}.${result.rankCapped ? ' Very common words: the newest matches are ranked.' : ''}`;
}

/** The whole search page. */
export function searchPage(view: SearchView): string {
  const { state, result, facets } = view;
  const q = stateQuery(state);
  const title = state.q ? `“${state.q}”` : 'Search decisions';
  const body: Html[] = [sync(html`<h1>${state.q ? `Decisions matching “${state.q}”` : 'Search the Ombudsman’s decisions'}</h1>`), searchForm(state), chosenChips(state)];
  if (view.error) {
    body.push(sync(html`<div class="error" role="alert"><p><strong>${view.error.message}</strong></p>${view.error.hint ? sync(html`<p>${view.error.hint}</p>`) : ''}</div>`));
  }
  if (view.suggestion !== null) {
    body.push(sync(html`<p class="did-you-mean" role="status">Did you mean <a href="${stateQuery(state, { q: view.suggestion })}">${view.suggestion}</a>?</p>`));
  }
  if (result) {
    const main = sync(html`<div>
<p role="status" id="count">${countLine(state, result)} <a href="/payments${q}">Payments and statistics for these decisions</a></p>
${result.hits.length ? sortLinks(state, result) : ''}
${resultList(state, result)}
${result.hits.length ? pager(state, result) : result.total > 0 ? sync(html`<p>This page is past the last match: <a href="${stateQuery(state) || '?'}">go to the first page</a>.</p>`) : sync(html`<p>No decisions match. Use fewer words, OR between alternatives, prefix* for word endings, or fewer filters.</p>`)}
</div>`);
    body.push(facets ? sync(html`<div class="layout">${facetPanel(state, facets)}${main}</div>`) : main);
  }
  return page({ title, nav: 'search', stateQuery: q, body: sync(html`${body}`) });
}
