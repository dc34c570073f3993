/**
 * @file To whom a payment goes (issue #14): the recipient's words ("Mrs X", "the young person",
 * "the first family", "her estate") as a role, read against who the decision says complained and
 * how it introduces the people it names ("his son, Mr X"). Patterns in one commented place.
 */
import type { RecipientRole } from '../schema/record.js';
import { normaliseQuotes } from './patterns.js';

const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?`;

/**
 * Recipient words for findRecipient: a titled person or two, a role noun, an
 * estate or representative. Must match "Mr and Mrs L", "Mrs X's estate", "the young person",
 * "each of the neighbours", "the first family", "her son"; not "the Council".
 */
export const RECIPIENT_WORDS = String.raw`(?:the (?:estate|representatives?|executors?) of (?:the late )?${TITLE} [A-Z]\w*|(?:each of |the late )?(?:${TITLE} [A-Z]\w*|the complainant)'s (?:(?:two|three|four|five) )?(?:estate|representatives?|executors?|advocate|solicitors?|family|sons?|daughters?|children|child|parents|mother|father|wife|husband|partner|carer)|${TITLE} [A-Z]\w*(?: and ${TITLE} [A-Z]\w*)?|${TITLE} and (?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z]\w*|the complainants?|(?:each of )?(?:the|both|each|her|his|their) (?:(?:first|second|third|other|two|three|four) )?(?:young (?:person|people)|(?:grand)?child(?:ren)?|(?:grand)?sons?|(?:grand)?daughters?|(?:grand)?mothers?|(?:grand)?fathers?|(?:grand)?parents?|famil(?:y|ies)|estate|advocate|solicitors?|representatives?|executors?|neighbours?|residents?|tenants?|complainants?|carers?|husband|wife|partner|sisters?|brothers?|siblings?|pupils?|students?|woman|man|men|women|couple|household)|each family)`;

/** Recipient words, not followed by a possessive ("for the family's distress" names a purpose). */
const PERSON = String.raw`${RECIPIENT_WORDS}(?!\w|'s)`;

/** "pay Y £500", "£500 to Y": a bare letter names a person (a child, by the Ombudsman's convention). */
const LETTER = String.raw`[A-Z](?![\w'])`;

/** Where a recipient is named around an amount, in order; compiled once (RECIPIENT_WORDS is long). */
const PAY_PERSON = new RegExp(String.raw`\b(?:[Pp]ay|[Rr]eimburse|[Rr]efund|[Rr]epay|[Cc]ompensate)(?:ing|s|d)?(?: to)? (${PERSON}|${LETTER}|him|her|them)(?: (?:the|a sum of|a total of|an? (?:\w+ )?(?:payment|sum|amount) of))?\s*$`);
/** "£500 to Mrs X", "£1,000 payment to Mr X", "£300 symbolic payment for Y": the person after the amount (and its payment noun). */
const TO_PERSON_AFTER = new RegExp(String.raw`^\s*(?:each )?(?:(?:[\w-]+ )?(?:payment|remedy|compensation) )?(?:to|for) (${PERSON}|${LETTER})`);
const ORDINAL_BEFORE = /(?:,|\band) (the (?:second|third|fourth|fifth|other|last))\s*$/i;
const OFFERED_PERSON = new RegExp(String.raw`\b(?:offered|award(?:ed)?|give|gave) (${PERSON}) (?:a (?:\w+ )?payment of )?$`);
const PAID_PERSON_NEAR = new RegExp(String.raw`\b(?:offered|[Pp]ay|[Pp]ays|paid|give|gave) (${PERSON}|him|her|them)\b[^£.;]{0,40}$`);
const LISTED_PERSON = new RegExp(String.raw`\b(?:and|,) (${PERSON}|${LETTER})\s*$`);

/**
 * The recipient named around an amount at [start, end) of a clause: "pay Mrs X £200", "£200 to
 * the young person", "offered Mr B a payment of £150", "and Z £500", "the second £150".
 * @example findRecipient('pay the young person £500', 21, 25) // 'the young person'
 */
export function findRecipient(text: string, start: number, end: number): string | null {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 80);
  const r =
    PAY_PERSON.exec(before) ??
    TO_PERSON_AFTER.exec(after) ??
    ORDINAL_BEFORE.exec(before) ??
    OFFERED_PERSON.exec(before) ??
    PAID_PERSON_NEAR.exec(before) ??
    LISTED_PERSON.exec(before);
  return r ? r[1]!.trim() : null;
}

/**
 * A payment that names no recipient, in a sentence that does just before it: "apologise to Mrs X
 * and pay £300", "offered Mr B an apology and £150". Null when the sentence names nobody.
 * @example impliedRecipient('The Council will apologise to Mrs X and pay £300.', '£300') // 'Mrs X'
 */
export function impliedRecipient(sentenceText: string, raw: string): string | null {
  const text = normaliseQuotes(sentenceText);
  const at = text.indexOf(raw);
  if (at < 0) return null;
  const before = text.slice(0, at).split(/[.;:]\s/).pop()!;
  let found: string | null = null;
  for (const m of before.matchAll(NAMED_BEFORE)) found = m[1]!;
  return found;
}

/** "apologise to Mrs X", "offered Mr B": a person the sentence names before a payment. */
const NAMED_BEFORE = new RegExp(String.raw`\b(?:apologi[sz]e|apology|write|explain|meet|offer(?:ed|s)?|give|gave|provide)\w* (?:(?:an? |the )?(?:written )?(?:apology |letter |explanation )?(?:to|with) )?(${RECIPIENT_WORDS}(?!\w|'s)|him|her|them)\b`, 'g');

/** Estates and people who act for another. Must match "the estate of Mrs Y", "her advocate", "Mr X's solicitor". */
const REPRESENTATIVE = /\b(?:estate|executors?|representatives?|advocates?|solicitors?|appointee|deputy|attorney)\b/i;

/** Several people: a couple, a family, "the parents". Must match "Mr and Mrs L", "each family", "them". */
const SEVERAL = /\band\b|\bfamil(?:y|ies)\b|\bparents\b|\bgrandparents\b|\bcouple\b|\bhousehold\b|^them$|\bsiblings\b/i;

/** A child or young person, by role. Must match "the young person", "the children", "her son", "each child". */
const CHILD = /\b(?:young (?:person|people)|(?:grand)?child(?:ren)?|(?:grand)?sons?|(?:grand)?daughters?|pupils?|students?|baby|boy|girl)\b/i;

/** Role nouns that are the complainant when the decision says that role complained ("A mother complained"). */
const ROLE_NOUN = /\b(?:complainants?|neighbours?|residents?|tenants?|mothers?|fathers?|grandmothers?|grandfathers?|parent|carers?|husband|wife|partner|sisters?|brothers?|woman|man|men|women)\b/i;

/** What the decision says of its people, read once per decision. */
export interface PeopleContext {
  /** Titled people who complained ("Mr L", "Mrs X"), lower case. */
  complainants: Set<string>;
  /** Role nouns said to complain ("mother", "neighbour", "men"), singular, lower case. */
  complainantRoles: Set<string>;
  /** People the decision introduces as a child ("his son, Mr X", "her daughter, Y"), lower case. */
  children: Set<string>;
  /** People a complaint was made on behalf of ("complains on behalf of his mother, Mrs X"): the person aggrieved. */
  onBehalf: Set<string>;
  /** People introduced as someone's advocate, solicitor or representative ("her advocate, Mr Z"). */
  representatives: Set<string>;
}


// The patterns readPeople runs, compiled once; each runs only on paragraphs holding its keyword.
const ON_BEHALF = new RegExp(String.raw`\bon behalf of (?:(?:his|her|their) (?:late |elderly )?\w+,? )?(${TITLE} [A-Z]\w*)`, 'g');
/** "Mr and Mrs X complain", "Mrs X complained", "Mr X, who lives next door, complains". */
const NAMED_COMPLAINS = new RegExp(String.raw`\b(${TITLE} [A-Z]\w*|${TITLE} and ${TITLE} [A-Z]\w*|${TITLE} [A-Z]\w* and ${TITLE} [A-Z]\w*)(?:[,)][^.]{0,60}?)?\s+(?:complain(?:s|ed)|has complained|have complained|made (?:a|this) complaint|brought (?:a|this) complaint)\b`, 'g');
/** "The complainant, whom I shall refer to as Mr C". */
const REFERRED_AS = new RegExp(String.raw`\bcomplainants?,? (?:whom|who) (?:I|we) (?:shall |will )?(?:refer to|call) (?:here )?as (${TITLE} [A-Z]\w*)`, 'gi');
/** "Mr B (the complainant)", "the complainant, Mr B,". */
const NAMED_COMPLAINANT = new RegExp(String.raw`\b(${TITLE} [A-Z]\w*),? \((?:the )?complainant\)|\b[Tt]he complainant,? (${TITLE} [A-Z]\w*)\b`, 'g');
/** "A mother complained", "Complaint from two men", "The neighbours complain". */
const ROLE_COMPLAINS = /\b(?:an?|the|two|three|several) (\w+) (?:complain(?:s|ed)|has complained|have complained)\b|\bcomplaints? (?:from|by) (?:an?|the|two|three|several) (\w+)/gi;
/** "his son, Mr X", "her daughter Y"; and "Mr X, her son". */
const CHILD_NAMED = new RegExp(String.raw`\b(?:son|daughter|child|grandson|granddaughter|grandchild|stepson|stepdaughter),? (${TITLE} [A-Z]\w*|[A-Z](?![a-z]))`, 'g');
const NAMED_CHILD = new RegExp(String.raw`\b(${TITLE} [A-Z]\w*|[A-Z](?![a-z])), (?:his|her|their|the) (?:son|daughter|child|grandson|granddaughter)\b`, 'g');
/** How many opening paragraphs readPeople reads (the Summary, the complaint, the background). */
const PEOPLE_PARAGRAPHS = 40;
/** "her advocate, Mr Z", "Mr Z, her solicitor", "represented by Mr Z". */
const REPRESENTATIVE_NAMED = new RegExp(String.raw`\b(?:advocate|solicitor|representative|appointee|deputy|attorney|represented by),? (${TITLE} [A-Z]\w*)|\b(${TITLE} [A-Z]\w*),? (?:her|his|their|an?|the) (?:\w+ )?(?:advocate|solicitor|representative|appointee|deputy)\b`, 'g');
const SHARED_SURNAME = new RegExp(String.raw`^(${TITLE}) and (${TITLE}) ([A-Z]\w*)$`);
const ONE_PERSON = new RegExp(String.raw`^${TITLE} [A-Z]\w*$`);
const X_PERSON = new RegExp(String.raw`\b(${TITLE} X)\b`, 'g');

/**
 * Reads who complained and who is a child from the decision's text.
 * @example readPeople('Mr L complained about his son, Mr X.') // complainants {mr l}, children {mr x}
 */
export function readPeople(fullText: string): PeopleContext {
  // People are introduced in the Summary and the first sections: the opening paragraphs are read.
  const paragraphs = openingParagraphs(fullText, PEOPLE_PARAGRAPHS);
  // Only the few paragraphs holding a pattern's keyword are read (and have their quotes straightened).
  const having = (...words: string[]): string => normaliseQuotes(paragraphs.filter((p) => words.some((w) => p.includes(w))).join('\n'));
  const complaining = having('omplain');
  const kin = having(' son', 'daughter', 'child');
  const complainants = new Set<string>();
  const complainantRoles = new Set<string>();
  const children = new Set<string>();
  const onBehalf = new Set<string>();
  const representatives = new Set<string>();
  for (const m of having('advocate', 'solicitor', 'represent', 'appointee', 'deputy', 'attorney').matchAll(REPRESENTATIVE_NAMED)) representatives.add((m[1] ?? m[2])!.toLowerCase());
  for (const m of having('on behalf of').matchAll(ON_BEHALF)) onBehalf.add(m[1]!.toLowerCase());
  for (const m of complaining.matchAll(NAMED_COMPLAINS)) for (const name of splitNames(m[1]!)) complainants.add(name);
  for (const m of complaining.matchAll(REFERRED_AS)) complainants.add(m[1]!.toLowerCase());
  for (const m of complaining.matchAll(NAMED_COMPLAINANT)) complainants.add((m[1] ?? m[2])!.toLowerCase());
  for (const m of complaining.matchAll(ROLE_COMPLAINS)) {
    const noun = (m[1] ?? m[2])!.toLowerCase();
    if (ROLE_NOUN.test(noun)) complainantRoles.add(singularRole(noun));
  }
  for (const m of kin.matchAll(CHILD_NAMED)) children.add(m[1]!.toLowerCase());
  for (const m of kin.matchAll(NAMED_CHILD)) children.add(m[1]!.toLowerCase());
  // Without a "complains" sentence, the Ombudsman's convention: the complainant is "X".
  if (complainants.size === 0 && complainantRoles.size === 0 && onBehalf.size === 0) {
    for (const m of having(' X').matchAll(X_PERSON)) complainants.add(m[1]!.toLowerCase());
  }
  return { complainants, complainantRoles, children, onBehalf, representatives };
}

/** The first `n` lines of a text, without splitting the rest of it. */
function openingParagraphs(text: string, n: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < n && at <= text.length) {
    const end = text.indexOf('\n', at);
    out.push(text.slice(at, end < 0 ? text.length : end));
    if (end < 0) break;
    at = end + 1;
  }
  return out;
}

function splitNames(names: string): string[] {
  // "Mr and Mrs X" -> "mr x", "mrs x".
  const shared = SHARED_SURNAME.exec(names);
  if (shared) return [`${shared[1]} ${shared[3]}`, `${shared[2]} ${shared[3]}`].map((n) => n.toLowerCase());
  return names.split(/\s+and\s+/).map((n) => n.trim().toLowerCase());
}

function singularRole(noun: string): string {
  const n = noun.toLowerCase();
  if (n === 'men') return 'man';
  if (n === 'women') return 'woman';
  return n.replace(/s$/, '');
}

/**
 * The role of a recipient's words; null when no recipient is named.
 * @example recipientRole('the young person', people) // 'child'
 */
export function recipientRole(recipient: string | null, people: PeopleContext): RecipientRole | null {
  if (!recipient) return null;
  const r = normaliseQuotes(recipient).trim();
  const lower = r.toLowerCase();
  if (REPRESENTATIVE.test(r)) return 'representative';
  if (SEVERAL.test(r)) return 'family';
  if (CHILD.test(r)) return 'child';
  if (/^(?:him|her|he|she)$/i.test(r)) return 'complainant';
  const person = ONE_PERSON.test(r);
  if (person) {
    if (people.representatives.has(lower)) return 'representative';
    if (people.complainants.has(lower)) return 'complainant';
    if (people.children.has(lower)) return 'child';
    // "Mr Y complains on behalf of his mother, Mrs X": Mrs X is the person aggrieved, the complainant in the Ombudsman's terms.
    if (people.onBehalf.has(lower)) return 'complainant';
    return 'other';
  }
  // A bare letter ("Y"): the Ombudsman names children without a title.
  if (/^[A-Z]$/.test(r)) return people.children.has(lower) || !people.complainants.has(lower) ? 'child' : 'complainant';
  const noun = ROLE_NOUN.exec(r);
  if (noun) {
    // "each of the neighbours", "the residents": people of a place, in the Ombudsman's reports the ones who complained.
    if (/complainant|neighbour|resident|tenant/i.test(noun[0]) || people.complainantRoles.has(singularRole(noun[0]))) return 'complainant';
    return 'other';
  }
  return 'other';
}
