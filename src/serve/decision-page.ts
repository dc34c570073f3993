/**
 * @file The decision page: the header fields, the Summary, remedies by kind with deadlines, the
 * payments table (each amount a link to its sentence, highlighted in the text), the sections
 * with the decision's paragraph numbers and a contents list, the page on lgo.org.uk and similar
 * decisions. All decision text is escaped by the templates; the only link made from record data
 * is the lgo.org.uk address, and only when it is one.
 */
import type { DecisionRecord } from '../schema/record.js';
import { decisionHref, html, longDate, marked, money, page, raw, sync, type Html } from './layout.js';
import { paragraphKey, paragraphNumbers, paymentProvenance, type Provenance } from './provenance.js';
import { remedyLabel } from './search-page.js';
import type { SimilarDecision } from './similar.js';

/** The record's address when it is a page of the Ombudsman's site (never another scheme or host). */
export function officialUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'www.lgo.org.uk' || u.hostname === 'lgo.org.uk') ? u.href : null;
  } catch {
    return null;
  }
}

function headerFields(r: DecisionRecord): Html {
  const url = officialUrl(r.url);
  const rows: [string, Html | string][] = [
    ['Reference', r.ref],
    ['Organisation', r.organisation ?? 'not named on the page'],
    ['Category', [r.category, r.subcategory].filter(Boolean).join(' › ') || 'unknown'],
    ['Outcome', `${r.outcome ?? 'unknown'}${r.outcomeInferred ? ' (read from the text)' : ''}`],
    ['Decision date', longDate(r.decisionDate)],
    ['Document', r.documentType === 'report' ? 'Public interest report' : r.documentType === 'statement' ? 'Decision statement' : 'unknown'],
    ['Decided by', r.decisionMaker ?? 'unknown'],
    ['Total paid', r.paymentTotal > 0 ? money(r.paymentTotal) : 'no payment'],
    ['On lgo.org.uk', url ? sync(html`<a href="${url}" rel="external noopener">${url}</a>`) : 'address not known'],
  ];
  return sync(html`<dl class="header">${rows.map(([k, v]) => sync(html`<dt>${k}</dt><dd>${v}</dd>`))}</dl>`);
}

function remediesBlock(r: DecisionRecord): Html {
  if (r.remedies.length === 0) return sync(html`<p>No remedy was agreed or recommended.</p>`);
  const kinds = [...new Set(r.remedies.map((x) => x.kind))];
  return sync(html`<div class="remedies">${kinds.map((kind) => {
    const items = r.remedies.filter((x) => x.kind === kind);
    return sync(html`<h3>${remedyLabel(kind)} (${items.length})</h3><ul>${items.map((x) => sync(html`<li>${x.text}${x.deadline ? sync(html` <span class="deadline">— ${x.deadline}</span>`) : ''}</li>`))}</ul>`);
  })}</div>`);
}

function paymentsTable(r: DecisionRecord, prov: Provenance): Html {
  if (r.payments.length === 0) return sync(html`<p>No payment.</p>`);
  const rows = r.payments.map((p, i) => {
    const anchor = prov.anchors[i];
    const amount = money(p.amount);
    const cell = anchor ? sync(html`<a href="#${anchor}" data-sentence="${anchor}" aria-label="${amount}: show the sentence it was read from">${amount}</a>`) : sync(html`${amount}`);
    const unit = p.perUnit ? ` (${money(p.perUnit.amount)} × ${p.perUnit.count} ${p.perUnit.unit})` : '';
    return sync(html`<tr><td class="num">${cell}${unit}</td><td>${p.recipient ?? '—'}</td><td>${p.purpose ?? '—'}</td><td>${p.status.replace(/_/g, ' ')}</td></tr>`);
  });
  return sync(html`<div class="table-wrap"><table><caption class="hint">Click an amount to see the sentence it was read from.</caption>
<thead><tr><th class="num" scope="col">Amount</th><th scope="col">To</th><th scope="col">For</th><th scope="col">Status</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th class="num" scope="row">${money(r.paymentTotal)}</th><td colspan="3">total</td></tr></tfoot></table></div>`);
}

function paragraph(text: string, key: string, prov: Provenance): Html {
  const list = prov.marks.get(key) ?? [];
  return marked(text, list.map((m) => [m.start, m.end] as const), list.map((m) => m.id));
}

function sectionsBlock(r: DecisionRecord, prov: Provenance): Html {
  const numbers = paragraphNumbers(r);
  const seen = new Set<string>();
  return sync(html`${r.sections.map((s, si) => sync(html`<section id="s${si + 1}" aria-labelledby="s${si + 1}-h">
<h2 id="s${si + 1}-h">${s.heading || 'Text'}</h2>
${s.paragraphs.map((p, pi) => {
  const cited = numbers[si]?.[pi] ?? null;
  // The number links to itself, so a paragraph can be cited by its address (#para-28f). A
  // paragraph continuing a numbered one (the same number again) shows none, as on the site.
  const id = cited ? `para-${cited.replace(/[^0-9A-Za-z]+/g, '')}` : null;
  const anchor = id && !seen.has(id) ? id : null;
  if (anchor) seen.add(anchor);
  const n = anchor ? cited : null;
  const pn = anchor ? sync(html`<a class="pn" href="#${anchor}" aria-label="paragraph ${n}">${n}.</a>`) : sync(html`<span class="pn"></span>`);
  return sync(html`<div class="para"${anchor ? raw(` id="${anchor}"`) : ''}>${pn}<p>${paragraph(p, paragraphKey(si, pi), prov)}</p></div>`);
})}
</section>`))}`);
}

function contents(r: DecisionRecord): Html {
  return sync(html`<nav class="contents" aria-label="Contents"><h2>Contents</h2><ol>
<li><a href="#summary">Summary</a></li>
${r.remedies.length ? sync(html`<li><a href="#remedies">Remedies</a></li>`) : ''}
${r.payments.length ? sync(html`<li><a href="#payments">Payments</a></li>`) : ''}
${r.sections.map((s, i) => sync(html`<li><a href="#s${i + 1}">${s.heading || 'Text'}</a></li>`))}
<li><a href="#similar">Similar decisions</a></li>
</ol></nav>`);
}

function similarBlock(list: SimilarDecision[]): Html {
  if (list.length === 0) return sync(html`<p>None found.</p>`);
  return sync(html`<ul>${list.map((s) => sync(html`<li><a href="${decisionHref(s.ref)}">${s.organisation ?? 'Organisation not named'} (${s.ref})</a>
<span class="meta">${s.outcome ?? ''} · ${longDate(s.decisionDate)} · ${s.reason}${s.words.length ? `; shares: ${s.words.slice(0, 5).join(', ')}` : ''}</span></li>`))}</ul>`);
}

/** The whole decision page. */
export function decisionPage(r: DecisionRecord, similar: SimilarDecision[]): string {
  const prov = paymentProvenance(r);
  const summaryMarks = prov.marks.get('summary') ?? [];
  const body = sync(html`<h1>${r.organisation ?? 'Organisation not named'} <span class="meta">(${r.ref})</span></h1>
${headerFields(r)}
${r.truncated ? sync(html`<p class="error">This page stops before its end: the decision may be incomplete.</p>`) : ''}
<div class="decision"><div>
<h2 id="summary">Summary</h2>
<p class="summary">${r.summary ? marked(r.summary, summaryMarks.map((m) => [m.start, m.end] as const), summaryMarks.map((m) => m.id)) : 'No summary.'}</p>
${r.remedies.length ? sync(html`<h2 id="remedies">Remedies</h2>${remediesBlock(r)}`) : ''}
${r.payments.length ? sync(html`<h2 id="payments">Payments</h2>${paymentsTable(r, prov)}`) : ''}
${sectionsBlock(r, prov)}
<h2 id="similar">Similar decisions</h2>
${similarBlock(similar)}
</div>${contents(r)}</div>`);
  return page({ title: `${r.organisation ?? 'Decision'} ${r.ref}`, nav: 'decision', body });
}
