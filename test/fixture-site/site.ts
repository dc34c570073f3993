/**
 * @file The fixture site's content: decisions built from the seeds (corpus/*.txt) and the gold
 * page texts (test/fixtures/gold/pages/*.json), given synthetic references and decision
 * dates spread over a range, so listings can be as long as a test needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readDecisionText, slugify, type DecisionText } from './text-model.js';

export interface FixtureDecision {
  ref: string;
  /** `/decisions/<cat>/<subcat>/<ref-slug>` */
  path: string;
  /** ISO decision date. */
  date: string;
  /** Dates under which the search lists it (normally just `date`; a duplicate across windows adds one). */
  listedDates: string[];
  documentType: 'statement' | 'report';
  model: DecisionText;
  /** Bumped by `changeDecision`; part of the body so the bytes change. */
  version: number;
}

export interface SourceText {
  name: string;
  text: string;
  url: string | null;
}

/** Reads the seed texts and the gold page texts kept in the project. */
export function loadSources(repoRoot: string): SourceText[] {
  const out: SourceText[] = [];
  const corpus = path.join(repoRoot, 'corpus');
  for (const name of fs.readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort()) {
    out.push({ name, text: fs.readFileSync(path.join(corpus, name), 'utf8'), url: null });
  }
  const gold = path.join(repoRoot, 'test', 'fixtures', 'gold', 'pages');
  for (const name of fs.readdirSync(gold).filter((n) => n.endsWith('.json')).sort()) {
    const page = JSON.parse(fs.readFileSync(path.join(gold, name), 'utf8')) as { url: string; text: string };
    out.push({ name, text: page.text, url: page.url });
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

/**
 * Builds `count` decisions dated evenly over [from, to]. References are synthetic and unique
 * (`24 1NN NNN`, every seventh with a letter suffix); organisation, category, outcome and body come
 * from the sources in turn.
 */
export function buildDecisions(sources: SourceText[], opts: { count: number; from: string; to: string }): FixtureDecision[] {
  const models = sources.map((s) => ({ s, m: readDecisionText(s.text) }));
  const start = Date.parse(`${opts.from}T00:00:00Z`);
  const span = Date.parse(`${opts.to}T00:00:00Z`) - start;
  const out: FixtureDecision[] = [];
  for (let i = 0; i < opts.count; i++) {
    const { s, m } = models[i % models.length]!;
    const date = new Date(start + Math.floor((span * i) / Math.max(1, opts.count - 1) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    const suffix = i % 7 === 6 ? 'b' : '';
    const ref = `${date.slice(2, 4)} ${String(100 + (i % 900)).padStart(3, '0')} ${String(100 + i * 7).padStart(3, '0').slice(-3)}${suffix}`;
    const urlSlugs = s.url ? new URL(s.url).pathname.split('/').slice(2, 4) : null;
    const catSlug = urlSlugs?.[0] ?? slugify(m.category ?? "Children's care services");
    const subSlug = urlSlugs?.[1] ?? slugify(m.subcategory ?? 'Other');
    const model: DecisionText = {
      ...m,
      ref,
      category: m.category ?? (s.url ? null : "Children's care services"),
      subcategory: m.subcategory ?? (s.url ? null : 'Other'),
      outcome: m.outcome ?? 'Upheld',
      decisionDate: displayDate(date),
    };
    out.push({
      ref,
      path: `/decisions/${catSlug}/${subSlug}/${ref.replace(/ /g, '-')}`,
      date,
      listedDates: [date],
      documentType: i % 11 === 10 ? 'report' : 'statement',
      model,
      version: 1,
    });
  }
  return out;
}

/** The summary paragraph of a decision (for its search card). */
export function summaryOf(d: FixtureDecision): string {
  const b = d.model.blocks.find((x) => x.kind === 'summary');
  return b && 'text' in b ? b.text : '';
}
