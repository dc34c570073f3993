/**
 * @file Remedies (one per action) from the remedy units, and the role of every money amount
 * in the text (remedy, earlier_offer, guidance, claimed_loss, fee_or_charge, other).
 */
import type { Amount, Payment, Remedy } from '../schema/record.js';
import type { Locator } from './locate.js';
import { findMoney } from './money.js';
import { normaliseQuotes } from './patterns.js';
import { unitActions, type RemedyUnit } from './remedy-units.js';
import { sentenceSpans } from './sentences.js';

/**
 * One remedy per action clause. Units read from an action section keep every action; units
 * read from the Summary or an endorsed offer are one list, each kind once.
 */
export function buildRemedies(units: RemedyUnit[], locator: Locator): Remedy[] {
  const out: Remedy[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const fromAction = unit.source === 'agreed_action' || unit.source === 'recommendation';
    for (const { clause, kinds: all } of unitActions(unit)) {
      let kinds = all;
      if (fromAction || unit.classifyAs) kinds = kinds.filter((k, i) => i === 0 || (k === 'payment' && kinds[0] !== 'refund_or_waive'));
      for (const kind of kinds) {
        const text = unit.classifyAs ? unit.text : clause;
        const key = fromAction ? `${kind}|${text}` : kind;
        if (seen.has(key)) continue;
        seen.add(key);
        const tidied = tidy(text);
        out.push({ kind, text: tidied, deadline: unit.deadline, source: unit.source, sourceRange: locator.findText(tidied, unit.paragraph) });
      }
    }
  }
  return out;
}

function tidy(text: string): string {
  return text.replace(/^[\s,;:-]+|[\s,;:]+$/g, '').replace(/^and\s+/i, '');
}

const GUIDANCE = /\b(?:guidance|range|between|suggests? (?:a )?payments? of)\b[^£]{0,50}$/i;
const CLAIMED = /\b(?:complain(?:s|ed|ing)?|claim(?:s|ed|ing)?|lost|loss(?:es)?|cost (?:him|her|them)|spent|wants?|wanted|asked for|seeks?|sought|damages|out of pocket)\b/i;
const FEE = /\b(?:fees?|charges?|charged|invoices?|debts?|arrears|bills?|owed|owes|rent|council tax|penalty|pcn|grants?|costs?|price|per week|a week|per night|top-up|deposit|overpayment|budget|funding|salary|income|direct payments?|allowance|benefit)\b/i;
const OFFER = /\b(?:offer(?:ed|s)?|recommend(?:ed|ation)?|suggest(?:ed)?|panel|increase[sd]?|previous(?:ly)?|initial(?:ly)?|original(?:ly)?|proposed)\b/i;
const PAY = /\b(?:pay|paid|payment|remedy|compensat|reimburse|refund)\w*/i;
/** A paying verb shortly before the amount ("pay Mrs X £1,800", "reimburse Mrs X the £420"), with the words between. */
const PAID_JUST_BEFORE = /\b(?:pay|pays|paying|reimburse\w*|refund\w*|repay\w*|payment of|offered|award\w*)\b([^£]{0,50})$/i;
/** The complainant's words, not the decision's ("Mrs X asked the Council to pay her £300"). */
const REPORTED = /\b(?:complain\w*|claim\w*|wants?|wanted|asked for|asks?|seeks?|sought|says?|said)\b/i;

/**
 * Every amount in the Summary and sections with its role. An amount is `remedy` when it is one
 * of the payments (or a per-unit amount of one) said in a payment sentence.
 */
export function classifyAmounts(paragraphs: Array<{ text: string; section: string | null; at: { section: number | null; paragraph: number } }>, payments: Payment[]): Amount[] {
  const paid = new Set<number>();
  for (const p of payments) {
    paid.add(p.amount);
    if (p.perUnit) paid.add(p.perUnit.amount);
  }
  const out: Amount[] = [];
  for (const { text, section, at } of paragraphs) {
    if (!/£|pounds|GBP/.test(text)) continue;
    for (const span of sentenceSpans(text)) {
      const sentence = text.slice(span.start, span.end);
      const s = normaliseQuotes(sentence);
      const mentions = findMoney(s);
      for (const [i, m] of mentions.entries()) {
        const before = s.slice(Math.max(0, m.start - 80), m.start);
        const around = s.slice(Math.max(0, m.start - 80), Math.min(s.length, m.end + 60));
        const prev = mentions[i - 1];
        const inBrackets = prev && /\([^)]*$/.test(s.slice(prev.end, m.start));
        let role: Amount['role'];
        // "pay Mrs X £1,800 to acknowledge the loss of education": a loss named as the purpose of a payment is no claimed loss (#14).
        const paidHere = PAID_JUST_BEFORE.exec(before);
        // "pay Mrs X £1,800 for Y's lost provision and £300 for her distress": the next item of the same list.
        const listed = prev && out[out.length - 1]?.role === 'remedy' && /^\s*(?:for|to)\b[^£]*(?:,|\band)\s*(?:a further\s*|another\s*)?$/i.test(s.slice(prev.end, m.start));
        if (paid.has(m.amount) && listed && !inBrackets) role = 'remedy';
        else if (paid.has(m.amount) && paidHere && !CLAIMED.test(paidHere[1]!) && !REPORTED.test(s.slice(0, m.start)) && !inBrackets && !GUIDANCE.test(before)) role = 'remedy';
        else if (GUIDANCE.test(before) || (m.range && !FEE.test(around))) role = 'guidance';
        else if (paid.has(m.amount) && (PAY.test(around) || OFFER.test(around)) && !inBrackets && !CLAIMED.test(around)) role = 'remedy';
        else if (inBrackets) role = 'other';
        else if (CLAIMED.test(around)) role = 'claimed_loss';
        else if (FEE.test(around)) role = 'fee_or_charge';
        else if (OFFER.test(around) || PAY.test(around)) role = 'earlier_offer';
        else role = 'other';
        out.push({ amount: m.amount, role, text: sentence, raw: m.raw, section, source: { ...at, start: span.start, end: span.end } });
      }
    }
  }
  return out;
}
