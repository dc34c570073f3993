/**
 * @file Remedy payments by the rules in domain.md: read from the remedy units only, each
 * counted once (the same payment said in Summary and Agreed action is one), per-unit amounts
 * multiplied (`£300 for each child ... £600 in total` is 600), breakdowns not added again
 * (`£2,750 (£750 for Mrs X, ...)` is 2,750), offers replaced, guidance ranges, fees, charges
 * and claimed losses left out.
 */
import type { Payment, PurposeKind } from '../schema/record.js';
import type { Locator } from './locate.js';
import { findMoney, type MoneyMention } from './money.js';
import { finishPayment } from './payment-details.js';
import { normaliseQuotes, RESTATES } from './patterns.js';
import { LEAD_PURPOSE, purposeKinds } from './purpose-kinds.js';
import { findRecipient, type PeopleContext } from './recipient-role.js';
import { unitActions, type RemedyUnit } from './remedy-units.js';
import { COUNT_WORD, parseCount } from './sentences.js';

type CorePayment = Omit<Payment, 'purposeKinds' | 'recipientRole' | 'period' | 'source'>;

export interface PaymentCandidate extends CorePayment {
  /** Which unit it came from, for merging per-unit amounts with totals of the same paragraph. */
  paragraph: string;
  source: RemedyUnit['source'];
  /** A per-unit amount whose count is not stated yet. */
  openUnit: { amount: number; unit: string } | null;
  /** The amount as written and the clause it stands in, to find its sentence in the record. */
  raw: string;
  clause: string;
  /** Kinds its own words name (purpose phrase, or "reimburse"/"backdated direct payment" before it). */
  kinds: PurposeKind[];
  /** "£3,600 (£300 a month for 12 months)": the period its breakdown gives. */
  breakdownPeriod?: { amount: number; unit: string; count: number };
}

/** Words shortly before an amount that make it something other than a payment now due. */
const NOT_PAYMENT_BEFORE = /\b(?:guidance|range|originally|previously|initially|earlier|instead of|rather than|had offered|was offered|lost|loss(?:es)? of|claim(?:ed|s|ing)?|cost(?:s|ing)? (?:him|her|them|of)|spent|fees?|charges?|charged|invoice|debt|arrears|bill|owed|owes|rent|council tax|penalty|grant|top-up|deposit|overpayment|budget|valued at|worth|salary|income|earn|asked for|wants?|wanted|sought|seeking|requested)\b[^£]{0,40}$|\bfrom\s*$/i;

/** Words right after an amount that make it a fee, loss or cost rather than a payment ("the remaining £3,250 of the £6,500 grant"). */
const NOT_PAYMENT_AFTER = /^\s*(?:a week|per week|a night|per night)?\s*(?:in |of |for )?(?:the |his |her |their |its )?(?:£[\d,.]+ )?(?:\w+ )?(?:fees?|charges?|arrears|debt|council tax|rent|costs?|loss|grant|penalty|overpayment|invoice|bill)\b/i;

/** "£300 for each child", "£200 per child", "£1,000 each for Y and Z", "£100 a month for 6 months". */
const PER_UNIT = new RegExp(String.raw`^\s*(?:(?:for|to) each(?: of (?:the |her |his |their |(?:Mr|Mrs|Ms|Miss|Dr) [A-Z]\w*'s )?(${COUNT_WORD}))?|per|each for|each to|a|an|every)\s+([a-z]+)`, 'i');

const UNIT_WORDS = /^(?:child|children|person|people|month|months|week|weeks|year|years|day|days|night|nights|occasion|session|sessions|visit|missed|term|school|complainant|member|resident|parent|grandchild|sibling|son|daughter)$/i;

/** "for three months", "over the 7 weeks": a per-unit amount's count. */
const UNIT_COUNT = new RegExp(String.raw`^\s*(?:for|over) (?:the |a period of )?${COUNT_WORD} [a-z]+\b`, 'i');

const RESTATED_BEFORE = new RegExp(String.raw`${RESTATES}\s*$`, 'i');
const TOTAL_AFTER = /^\s*(?:in total|in all|altogether|overall)\b/i;
const TOTAL_BEFORE = /\b(?:a total of|total of|totalling|in total|an overall sum of|overall)\s*$/i;

/** What payments are typed and located with: the decision's people (read lazily) and its text. */
export interface PaymentContext {
  people: PeopleContext;
  locator: Locator;
}

/** Reads the payments of each unit, then merges them across units. */
export function extractPayments(units: RemedyUnit[], fullText: string, ctx: PaymentContext): { payments: Payment[]; warnings: string[] } {
  const candidates: PaymentCandidate[] = [];
  for (const unit of units) {
    for (const { clause, kinds } of unitActions(unit)) {
      if (!kinds.includes('payment') && !(kinds.includes('refund_or_waive') && /\brefund|\breimburse/i.test(clause))) continue;
      candidates.push(...clausePayments(clause, unit));
    }
  }
  return mergeCandidates(candidates, fullText, ctx);
}

function clausePayments(clause: string, unit: RemedyUnit): PaymentCandidate[] {
  const text = normaliseQuotes(clause);
  const mentions = findMoney(text);
  const out: PaymentCandidate[] = [];
  let total: number | null = null;
  for (const [i, m] of mentions.entries()) {
    const before = text.slice(0, m.start);
    const after = text.slice(m.end);
    // In a list ("£5,400 for the loss of his education, £1,000 in recognition of ..."), the words
    // before an amount up to the previous amount's item separator belong to that item.
    const lead = i > 0 ? text.slice(mentions[i - 1]!.end, m.start).split(/[,;]|\band\b/).pop()! : before;
    if (TOTAL_AFTER.test(after) || TOTAL_BEFORE.test(before)) {
      total = m.amount;
      continue;
    }
    if (m.range && !/^\s*(?:a|per) (?:week|month)/i.test(after)) continue; // a guidance range
    if (isBreakdown(text, mentions, i)) {
      notePeriod(out[out.length - 1], m, after);
      continue;
    }
    // "settles the invoice with the care home ... This is £19,898.": the amount of a bill named before.
    if (RESTATED_BEFORE.test(before) && /\b(?:invoices?|bills?|fees|charges|debts?|arrears)\b/i.test(before)) continue;
    if (NOT_PAYMENT_BEFORE.test(lead.slice(-60)) && !/\b(?:pay|payment of|increase[sd]? (?:it |this |the \w+ )?to|refund|reimburse)\s*$/i.test(before.slice(-40))) continue;
    // "£800 loss" is a loss; "pays £7500 for loss of education" pays for one.
    if (NOT_PAYMENT_AFTER.test(after) && !/\brefund|\breimburse/i.test(before) && !/^\s*for (?:the )?loss\b/i.test(after)) continue;
    const next = mentions[i + 1];
    const c = candidate(m, text, after, unit, next ? text.slice(m.end, next.start) : after);
    // "reimburse Ms Q the £640", "a backdated direct payment of £2,400": the purpose stands before the amount.
    const leadPurpose = LEAD_PURPOSE.exec(lead);
    if (leadPurpose) {
      // "refund Mrs Y's estate £3,400 in care charges": care costs, not any loss of money.
      const leadKinds = purposeKinds(`${lead.slice(leadPurpose.index)} ${after.split(/[.;]/)[0]}`);
      c.kinds = [...new Set([...c.kinds, ...(leadKinds.includes('care_costs') ? leadKinds.filter((k) => k !== 'financial_loss') : leadKinds)])];
    }
    // "pay Mrs X £500 for her distress and £200 for her time and trouble": the second is hers too.
    if (!c.recipient && /^[\s,]*(?:and|plus)?\s*(?:a further |another )?$/i.test(text.slice(mentions[i - 1]?.end ?? 0, m.start).replace(/\bfor [^,£]*|\bto (?:recogni[sz]e|acknowledge|reflect|remedy) [^,£]*/gi, ''))) {
      c.recipient = out[out.length - 1]?.recipient ?? null;
    }
    // "pay the first family £200, the second £150": the second takes the first's noun.
    const ordinal = /^the (?:second|third|fourth|fifth|other|last)$/i.exec(c.recipient ?? '');
    const noun = out.map((o) => /^the \w+ (\w+)$/.exec(o.recipient ?? '')?.[1]).find(Boolean);
    if (ordinal && noun) c.recipient = `${c.recipient} ${noun}`;
    out.push(c);
  }
  if (total !== null) {
    const perUnit = out.find((c) => c.openUnit && total! % c.openUnit.amount === 0);
    if (perUnit) close(perUnit, total / perUnit.openUnit!.amount);
    else if (out.length === 0) out.push(candidateFromTotal(total, unit, mentions.find((m) => m.amount === total)?.raw ?? '', text));
  }
  return out;
}

/** `ownText`: what follows the amount up to the next one, where its purpose is written. */
function candidate(m: MoneyMention, text: string, after: string, unit: RemedyUnit, ownText: string): PaymentCandidate {
  const c: PaymentCandidate = {
    amount: m.amount,
    currency: 'GBP',
    recipient: findRecipient(text, m.start, m.end),
    // Its own purpose, else one said once for the list ("pay Mr X £500, and Mr and Mrs L £3,000 to recognise ...").
    purpose: findPurpose(ownText) ?? findPurpose(after),
    text: unit.text,
    perUnit: null,
    status: unit.status,
    paragraph: unit.paragraph,
    source: unit.source,
    openUnit: null,
    raw: m.raw,
    clause: text,
    kinds: [],
  };
  const each = /^\s*each\b/i.exec(after);
  const per = PER_UNIT.exec(after);
  // "£600 per month for three months": the count is no purpose ("three months").
  if (per && UNIT_WORDS.test(per[2]!)) c.purpose = findPurpose(ownText.slice(per[0].length).replace(UNIT_COUNT, ''));
  c.kinds = purposeKinds(c.purpose);
  // No purpose phrase: the words after the amount may still name one ("£3,400 in care charges", "which is the top-up fees she paid").
  if (c.kinds.length === 0 && c.purpose === null) c.kinds = purposeKinds(ownText.split(/[.;]/)[0]);
  if (each && !(per && UNIT_WORDS.test(per[2]!))) {
    // "£150 each to Mr and Mrs C", "£1,000 each for Y and Z": one amount per person named.
    c.openUnit = { amount: m.amount, unit: 'person' };
    const count = countAfter(after.slice(each[0].length), 'person');
    if (count) close(c, count);
  } else if (per && UNIT_WORDS.test(per[2]!)) {
    const unitWord = singular(per[2]!);
    c.openUnit = { amount: m.amount, unit: unitWord };
    const count = (per[1] && parseCount(per[1])) || countAfter(after.slice(per[0].length), unitWord);
    if (count) close(c, count);
  } else {
    // "pay each of the two families £250" (#9): the count stated before the amount.
    const each = EACH_BEFORE.exec(text.slice(Math.max(0, m.start - 80), m.start));
    if (each) {
      c.openUnit = { amount: m.amount, unit: singular(each[2]!) };
      close(c, parseCount(each[1]!) ?? 0);
    }
  }
  return c;
}

/** "pay each of the two families", "pay each of her three children": a count of recipients before the amount. */
const EACH_BEFORE = new RegExp(String.raw`\beach of (?:the |her |his |their )?(${COUNT_WORD}) (families|children|households|neighbours|residents|tenants|complainants|parents|siblings|grandchildren|sons|daughters)\s*$`, 'i');

/** A breakdown "£300 a month for 12 months" that multiplies to the payment before it is that payment's period. */
function notePeriod(payment: PaymentCandidate | undefined, m: MoneyMention, after: string): void {
  const per = PER_UNIT.exec(after);
  if (!payment || !per || !UNIT_WORDS.test(per[2]!)) return;
  const unit = singular(per[2]!);
  const count = (per[1] && parseCount(per[1])) || countAfter(after.slice(per[0].length), unit);
  if (count && Math.round(m.amount * count * 100) / 100 === payment.amount) payment.breakdownPeriod = { amount: m.amount, unit, count };
}

/** "The Council will pay £600 in total" with no other amount: the total is the payment. */
function candidateFromTotal(total: number, unit: RemedyUnit, raw: string, clause: string): PaymentCandidate {
  return { amount: total, currency: 'GBP', recipient: null, purpose: null, text: unit.text, perUnit: null, status: unit.status, paragraph: unit.paragraph, source: unit.source, openUnit: null, raw, clause, kinds: [] };
}

/** Sets a per-unit payment's count and total. */
function close(c: PaymentCandidate, count: number): void {
  if (!c.openUnit || !Number.isInteger(count) || count < 1) return;
  c.perUnit = { amount: c.openUnit.amount, unit: c.openUnit.unit, count };
  c.amount = Math.round(c.openUnit.amount * count * 100) / 100;
  c.openUnit = null;
}

/** "each for Y and Z" -> 2; "for 6 months" -> 6; "for each of the two children" handled by PER_UNIT. */
function countAfter(after: string, unit: string): number | null {
  if (/^\s*(?:to|for) (?:both )?(?:Mr and Mrs|Mrs and Mr) [A-Z]\b/.test(after)) return 2;
  const names = /^\s*(?:for |to )?((?:[A-Z]\b|Mr \w|Mrs \w|Ms \w|Miss \w)(?:(?:,\s*|\s+and\s+)(?:[A-Z]\b|Mr \w|Mrs \w|Ms \w|Miss \w))+)/.exec(after);
  if (names) return names[1]!.split(/,\s*|\s+and\s+/).length;
  const period = new RegExp(String.raw`^\s*(?:for|over) (?:the |a period of )?(${COUNT_WORD}) ${unit}s?\b`, 'i').exec(after);
  if (period) return parseCount(period[1]!);
  return null;
}

/** An amount inside brackets right after another amount is its breakdown, not a payment. */
function isBreakdown(text: string, mentions: MoneyMention[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const between = text.slice(mentions[j]!.end, mentions[i]!.start);
    const open = (between.match(/\(/g) ?? []).length - (between.match(/\)/g) ?? []).length;
    if (open > 0 && between.length < 120) return true;
    // "£1,750, made up of £1,500 for ... and £250 for ...": the parts after "made up of" are the total's.
    if (/\b(?:made up of|comprising|comprised of|consisting of|broken down as|which (?:is|includes)|that is|i\.e\.)\b/i.test(between) && between.length < 200) return true;
  }
  return false;
}

/** Says nothing of what a payment is for ("to remedy this", "for the injustice caused"). */
const EMPTY_PURPOSE = /^(?:this|that|it|these|those|them|him|her|the injustice|(?:the|any|this|that) injustice(?: (?:caused|identified|found))?|the fault|the faults)$/i;

/** Phrases that introduce what a payment is for: the explicit ones first, then a plain "for". */
const PURPOSE_MARKERS = [
  /\b(?:to recogni[sz]e|to reflect|in recognition of|to acknowledge|to make up for|to compensate (?:\w+ )?for|as a remedy for|to remedy)\s+(.+?)(?=[.;]|$)/gi,
  /\b(?:for|because of)\s+(.+?)(?=[.;]|$)/gi,
];

function findPurpose(after: string): string | null {
  const text = after.slice(0, 400);
  for (const re of PURPOSE_MARKERS) {
    for (const m of text.matchAll(re)) {
      // Cut at the next item of a list: "for the uncertainty caused, £3,000 for ..." ends at the comma.
      let purpose = m[1]!.trim().replace(/[\s,]+(?:(?:and|or)\s*)?$/i, '');
      if (purpose.length > 200) purpose = `${purpose.slice(0, 200).replace(/\s+\S*$/, '')}…`;
      if (purpose.length >= 3 && !EMPTY_PURPOSE.test(purpose)) return purpose;
    }
  }
  return null;
}

function singular(word: string): string {
  const w = word.toLowerCase();
  if (w === 'children') return 'child';
  if (w === 'people') return 'person';
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

const ACTION_SOURCES = new Set<RemedyUnit['source']>(['agreed_action', 'recommendation']);

/** Merges candidates: the same amount from several places is one payment; open per-unit amounts meet their totals. */
function mergeCandidates(candidates: PaymentCandidate[], fullText: string, ctx: PaymentContext): { payments: Payment[]; warnings: string[] } {
  const warnings: string[] = [];
  // A per-unit amount whose count is not stated: a total in the same paragraph, else a count in the text.
  for (const c of candidates.filter((x) => x.openUnit)) {
    const total = candidates.find((o) => o !== c && !o.openUnit && o.paragraph === c.paragraph && o.amount > c.openUnit!.amount && o.amount % c.openUnit!.amount === 0);
    if (total) {
      close(c, total.amount / c.openUnit!.amount);
      if (c.perUnit) {
        c.recipient ??= total.recipient;
        c.purpose ??= total.purpose;
        if (c.kinds.length === 0) c.kinds = total.kinds;
        candidates.splice(candidates.indexOf(total), 1);
      }
      continue;
    }
    const unitPlural = c.openUnit!.unit === 'child' ? 'children' : `${c.openUnit!.unit}s`;
    const counted = new RegExp(String.raw`\b(${COUNT_WORD}) (?:\w+ )?${unitPlural}\b`, 'i').exec(normaliseQuotes(fullText));
    const n = counted ? parseCount(counted[1]!) : null;
    if (n && n > 1) close(c, n);
    else warnings.push(`a payment of £${c.openUnit!.amount} per ${c.openUnit!.unit} does not say how many; it is counted once`);
  }
  const out: PaymentCandidate[] = [];
  for (const c of candidates) {
    // The same amount is the same payment when said again elsewhere (Summary and Agreed action,
    // or twice in the analysis), but not for two named people, nor in two separate action items.
    const same = out.find(
      (o) =>
        o.amount === c.amount &&
        !(o.recipient && c.recipient && o.recipient !== c.recipient) &&
        // Two items of one list with different purposes ("£100 for time and trouble; £100 for loss of opportunity").
        !(o.text === c.text && o.purpose && c.purpose && o.purpose !== c.purpose) &&
        (o.source !== c.source || o.paragraph === c.paragraph || !ACTION_SOURCES.has(c.source)),
    );
    if (same) {
      same.recipient ??= c.recipient;
      same.purpose ??= c.purpose;
      same.perUnit ??= c.perUnit;
      if (same.kinds.length === 0) same.kinds = c.kinds;
      continue;
    }
    // A per-unit payment's unit amount said elsewhere on its own is the same payment.
    if (out.some((o) => o.perUnit && o.perUnit.amount === c.amount && o.source !== c.source)) continue;
    out.push(c);
  }
  const payments = out.map((c) => finishPayment(c, ctx));
  return { payments, warnings };
}
