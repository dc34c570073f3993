/**
 * @file Extractor outputs to one DecisionRecord: header fields with URL fallbacks, outcome
 * (displayed or inferred), remedies, payments and amounts, sections and warnings.
 */
import { RECORD_SCHEMA_VERSION, type DecisionRecord, type Section } from '../schema/record.js';
import { parseDate } from '../extract/dates.js';
import { inferOutcome } from '../extract/outcome.js';
import { REPORT_MARKER, normaliseQuotes } from '../extract/patterns.js';
import { Locator } from '../extract/locate.js';
import { extractPayments } from '../extract/payments.js';
import { readPeople } from '../extract/recipient-role.js';
import { normaliseRef } from '../extract/ref.js';
import { buildRemedies, classifyAmounts } from '../extract/remedies.js';
import { collectRemedyUnits } from '../extract/remedy-units.js';
import type { Skeleton } from '../extract/structure.js';
import { parseDecisionUrl, slugToName } from '../extract/url.js';

export interface AssembleInput {
  skeleton: Skeleton;
  url: string | null;
  /** Organisation read from elsewhere (HTML <title>) when the page has no title line. */
  fallbackTitle: { organisation: string | null; ref: string } | null;
}

/** Builds the record (not yet validated) from the page's skeleton. */
export function assemble({ skeleton: sk, url, fallbackTitle }: AssembleInput): DecisionRecord {
  const warnings: string[] = [];
  const urlParts = url ? parseDecisionUrl(url) : null;
  if (url && !urlParts) warnings.push(`the URL ${url} is not a decision address on lgo.org.uk; it was kept as given`);

  const title = sk.title ?? fallbackTitle;
  const ref = normaliseRef(title?.ref ?? urlParts?.ref ?? '') ?? '';
  if (urlParts?.ref && ref && urlParts.ref.replace(/[a-z]$/, '') !== ref.replace(/[a-z]$/, '')) {
    warnings.push(`the page's reference ${ref} differs from the URL's ${urlParts.ref}`);
  }
  let organisation = title?.organisation?.trim() || null;
  if (!organisation) organisation = organisationFromText(sk);
  if (!organisation) warnings.push('the organisation could not be read: there is no title line naming it');

  // Category: the header's "A > B", else the URL's slugs.
  let category: string | null = null;
  let subcategory: string | null = null;
  let categorySource: DecisionRecord['categorySource'] = null;
  const catLine = sk.header.get('category');
  if (catLine) {
    const [a, ...rest] = catLine.split(/\s*>\s*/);
    category = a?.trim() || null;
    subcategory = rest.join(' > ').trim() || null;
    categorySource = 'page';
  } else if (urlParts?.categorySlug) {
    category = slugToName(urlParts.categorySlug);
    subcategory = urlParts.subcategorySlug ? slugToName(urlParts.subcategorySlug) : null;
    categorySource = 'url';
    warnings.push('the page has no Category line: category and subcategory were taken from the URL');
  } else {
    warnings.push('the category is unknown: the page has no Category line and no decision URL was given');
  }

  let decisionDate: string | null = null;
  const dateLine = sk.header.get('decision date');
  if (dateLine) {
    decisionDate = parseDate(dateLine);
    if (!decisionDate) warnings.push(`the decision date "${dateLine}" could not be read`);
    else if (decisionDate > new Date().toISOString().slice(0, 10)) {
      warnings.push(`the decision date ${decisionDate} is in the future; it was left out`);
      decisionDate = null;
    }
  } else warnings.push('the decision date is unknown: the page has no Decision date line');

  const finalParas = sk.sections.filter((s) => s.topKind === 'final_decision').flatMap((s) => s.blocks.map((b) => b.text));
  const conclusionParas = sk.sections.filter((s) => s.topKind === 'conclusions').flatMap((s) => s.blocks.map((b) => b.text));
  let outcome = sk.header.get('decision') ?? sk.header.get('outcome') ?? null;
  let outcomeInferred = false;
  if (!outcome) {
    const finalText = finalParas.length ? [finalParas.join(' ')] : [];
    outcome = inferOutcome([...finalText, ...(sk.summary ? [sk.summary] : []), ...conclusionParas]);
    outcomeInferred = outcome !== null;
    warnings.push(outcome ? `the page has no Decision line: the outcome "${outcome}" was read from the text` : 'the outcome is unknown: the page has no Decision line and the text does not say');
  }

  const units = collectRemedyUnits(sk.sections, sk.summary);
  const locator = new Locator({ summary: sk.summary, sections: sk.sections.map((s) => ({ heading: s.heading, paragraphs: s.blocks.map((b) => b.text) })) });
  const remedies = buildRemedies(units, locator);
  const allText = [sk.summary ?? '', ...sk.sections.flatMap((s) => s.blocks.map((b) => b.text))].join('\n');
  // Who complained is read only when a decision has a payment to type (most have none).
  let people: ReturnType<typeof readPeople> | null = null;
  const { payments, warnings: payWarnings } = extractPayments(units, allText, { get people() { return (people ??= readPeople(allText)); }, locator });
  warnings.push(...payWarnings);
  const paymentTotal = Math.round(payments.reduce((sum, p) => sum + p.amount, 0) * 100) / 100;
  const paragraphs = [
    ...(sk.summary ? [{ text: sk.summary, section: null, at: { section: null, paragraph: 0 } }] : []),
    ...sk.sections.flatMap((s, si) => s.blocks.map((b, pi) => ({ text: b.text, section: s.heading || null, at: { section: si, paragraph: pi } }))),
  ];
  const amounts = classifyAmounts(paragraphs, payments);

  if (!sk.summary) warnings.push('the page has no Summary paragraph');
  const truncated = !sk.sections.some((s) => s.topKind === 'final_decision') && sk.signOffs.length === 0;
  if (truncated) warnings.push('the page seems to stop before its end (no Final decision section or sign-off): remedies and payments may be missing');

  const isReport = (sk.title !== null && sk.title.organisation === null) || sk.sections.some((s) => REPORT_MARKER.test(s.heading) || s.blocks.slice(0, 3).some((b) => REPORT_MARKER.test(b.text)));
  const isStatement = sk.sawFinalDecisionMarker || /\b(?:this|decision) statement\b/i.test(allText);
  const sections: Section[] = sk.sections.map((s) => ({ heading: s.heading, kind: s.kind, paragraphs: s.blocks.map((b) => b.text) }));

  return {
    ref,
    organisation,
    category,
    subcategory,
    categorySource,
    outcome,
    outcomeInferred,
    decisionDate,
    url: urlParts?.canonical ?? url ?? null,
    documentType: isReport ? 'report' : isStatement ? 'statement' : null,
    summary: sk.summary,
    sections,
    remedies,
    payments,
    paymentTotal,
    amounts,
    decisionMaker: decisionMaker(sk.signOffs),
    truncated,
    warnings,
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
}

/** "Investigator" from "Investigator's decision on behalf of the Ombudsman". */
function decisionMaker(signOffs: string[]): string | null {
  const first = signOffs[0];
  if (!first) return null;
  const role = normaliseQuotes(first).replace(/^(?:the|an?)\s+/i, '').trim();
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** A report page names the organisation in its text: "complaint against Kent County Council". */
function organisationFromText(sk: Skeleton): string | null {
  const text = [sk.summary ?? '', ...sk.sections.slice(0, 3).flatMap((s) => [s.heading, ...s.blocks.slice(0, 3).map((b) => b.text)])].join('\n');
  const m = /\b(?:complaint|complaints) (?:number \S+ )?against ([A-Z][\w&'’ ,()-]+?(?:Council|Ltd|Limited|Trust|Authority|Partnership|LLP|plc|Services|Care))\b/.exec(text);
  return m ? m[1]!.trim() : null;
}
