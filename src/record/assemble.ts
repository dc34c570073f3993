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
import type { ListingCard } from './listing.js';
import { paragraphNumbers } from './paragraph-numbers.js';
import { parseDecisionUrl, slugToName } from '../extract/url.js';

export interface AssembleInput {
  skeleton: Skeleton;
  url: string | null;
  /** Organisation read from elsewhere (HTML <title>) when the page has no title line. */
  fallbackTitle: { organisation: string | null; ref: string } | null;
  /** "Print this page" stands after the text: the page did not stop short. */
  endsWithPrintLine?: boolean;
  /** The search listing's card, when the fetcher saw one: read after the page's own header, before inference. */
  listing?: ListingCard | null;
}

/** Builds the record (not yet validated) from the page's skeleton. */
export function assemble({ skeleton: sk, url, fallbackTitle, endsWithPrintLine = false, listing = null }: AssembleInput): DecisionRecord {
  const warnings: string[] = [];
  const urlParts = url ? parseDecisionUrl(url) : null;
  if (url && !urlParts) warnings.push(`the URL ${url} is not a decision address on lgo.org.uk; it was kept as given`);

  const title = sk.title ?? fallbackTitle;
  const ref = normaliseRef(title?.ref ?? urlParts?.ref ?? listing?.ref ?? '') ?? '';
  if (urlParts?.ref && ref && urlParts.ref.replace(/[a-z]$/, '') !== ref.replace(/[a-z]$/, '')) {
    warnings.push(`the page's reference ${ref} differs from the URL's ${urlParts.ref}`);
  }
  let organisation = title?.organisation?.trim() || null;
  let organisationSource: DecisionRecord['organisationSource'] = organisation ? (sk.title?.organisation ? 'page' : 'title') : null;
  if (!organisation && listing?.organisation) {
    organisation = listing.organisation.trim();
    organisationSource = 'listing';
  }
  if (!organisation) {
    organisation = organisationFromBanner(sk) ?? organisationFromText(sk);
    if (organisation) organisationSource = 'text';
  }
  if (!organisation) warnings.push('the organisation could not be read: there is no title line naming it');

  // Category: the header's "A > B", else the URL's slugs, else the listing card.
  let category: string | null = null;
  let subcategory: string | null = null;
  let categorySource: DecisionRecord['categorySource'] = null;
  const catLine = sk.header.get('category');
  if (catLine) {
    const [a, ...rest] = catLine.split(/\s*>\s*/);
    category = a?.trim() || null;
    subcategory = rest.join(' > ').trim() || null;
    categorySource = 'page';
    // "Category : Housing" without its subcategory: the URL's second slug, as for a missing category.
    if (!subcategory && urlParts?.subcategorySlug && category && urlParts.categorySlug === slugOf(category)) {
      subcategory = slugToName(urlParts.subcategorySlug);
      warnings.push('the Category line has no subcategory: it was taken from the URL');
    }
  } else if (urlParts?.categorySlug) {
    category = slugToName(urlParts.categorySlug);
    subcategory = urlParts.subcategorySlug ? slugToName(urlParts.subcategorySlug) : null;
    categorySource = 'url';
    warnings.push('the page has no Category line: category and subcategory were taken from the URL');
  } else if (listing?.category) {
    // The card's category slot is not always the category (some listings show the subcategory): the URL's slugs come first.
    category = listing.category;
    subcategory = listing.subcategory ?? null;
    categorySource = 'listing';
    warnings.push('the page has no Category line: the category was taken from the search listing');
  } else {
    warnings.push('the category is unknown: the page has no Category line and no decision URL was given');
  }

  let decisionDate: string | null = null;
  const dateLine = sk.header.get('decision date') ?? listing?.decisionDate ?? undefined;
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
  let outcome = sk.header.get('decision') ?? sk.header.get('outcome') ?? listing?.outcome ?? null;
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
  let complianceDate = sk.compliance ? parseDate(sk.compliance) : null;
  if (sk.compliance && !complianceDate) warnings.push(`the compliance date "${sk.compliance}" could not be read`);
  if (complianceDate && decisionDate && complianceDate < decisionDate) {
    warnings.push(`the compliance date ${complianceDate} is before the decision date; it was left out`);
    complianceDate = null;
  }
  const truncated = !sk.sections.some((s) => s.topKind === 'final_decision') && sk.signOffs.length === 0 && sk.compliance === null && !endsWithPrintLine;
  if (truncated) warnings.push('the page seems to stop before its end (no Final decision section or sign-off): remedies and payments may be missing');

  // A report: titled by its reference alone, a report's own label lines, or the 2013-2017 report summary's "Finding" heading.
  const isReport = (title !== null && title.organisation === null) || sk.sections.some((s) => /^finding$/i.test(s.heading)) || sk.sections.some((s) => REPORT_MARKER.test(s.heading) || s.blocks.slice(0, 3).some((b) => REPORT_MARKER.test(b.text)));
  const isStatement = sk.sawFinalDecisionMarker || /\b(?:this|decision) statement\b/i.test(allText);
  const numbers = paragraphNumbers(sk.sections.map((s) => s.blocks));
  const sections: Section[] = sk.sections.map((s, i) => ({ heading: s.heading, kind: s.kind, paragraphs: s.blocks.map((b) => b.text), paragraphNumbers: numbers[i]! }));

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
    documentType: isReport ? 'report' : isStatement ? 'statement' : (listing?.documentType ?? null),
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
    organisationSource,
    complianceDate,
  };
}

/** "Investigator" from "Investigator's decision on behalf of the Ombudsman". */
function decisionMaker(signOffs: string[]): string | null {
  const first = signOffs[0];
  if (!first) return null;
  const role = normaliseQuotes(first).replace(/^(?:the|an?)\s+/i, '').trim();
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/**
 * A body named by its proper name ("Kent County Council", "London Borough of Ealing", "Sunrise
 * Care Ltd"), never "the Council". Words of the name start with capitals; "of", "and", "upon" may join them.
 */
const BODY_NAME = String.raw`(?!(?:The|This|That|A|An|Our|Its|Their|His|Her)\b)(?:(?:London |Royal )?Borough of |City of )?[A-Z][\w'’&.-]*(?: (?:of|and|upon|on|in|under|&) [A-Z][\w'’&.-]*| [A-Z][\w'’&.-]*){0,5}(?: (?:Council|Authority|Ltd|Limited|LLP|plc|Trust|Partnership|Care Services|Care))|(?:London |Royal )?Borough of [A-Z][\w'’-]*(?: (?:upon|on|in|under) [A-Z][\w'’-]*| [A-Z][\w'’-]*)?`;
/** Where the text names the body complained about: "complaint against X", "complained about X('s)", "X has agreed". */
const NAMED_BODY = new RegExp(String.raw`\b(?:complaints? (?:(?:number|no\.?|reference) [\d ]+[a-z]? )?against|complain(?:s|ed)? (?:about|that)|investigation (?:into|of)) (${BODY_NAME})\b`, 'g');

/** The organisation named in the text, when it names exactly one (otherwise null: never a guess). */
function organisationFromText(sk: Skeleton): string | null {
  const text = [sk.summary ?? '', ...sk.sections.slice(0, 4).flatMap((s) => [s.heading, ...s.blocks.slice(0, 4).map((b) => b.text)])].join('\n');
  const names = new Set<string>();
  for (const m of text.matchAll(NAMED_BODY)) names.add(m[1]!.replace(/['’]s$/, '').trim());
  return names.size === 1 ? [...names][0]! : null;
}

/** A copy's banner: the one line before the decision that is wholly an organisation's name ("Greater London Authority"). */
function organisationFromBanner(sk: Skeleton): string | null {
  const whole = new RegExp(String.raw`^(?:${BODY_NAME})$`);
  const names = (sk.bannerLines ?? []).map((l) => l.trim()).filter((l) => whole.test(l));
  return names.length === 1 ? names[0]! : null;
}

/** The site's slug for a display name: "Children's care services" -> "children-s-care-services". */
function slugOf(name: string): string {
  return normaliseQuotes(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
