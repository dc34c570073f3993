/**
 * @file The typed parts of a payment, once its amount is settled (issue #14): purpose kinds
 * (its own words, else the harm the decision found just before "to remedy this"), recipient
 * role, the period of a per-period amount, and where its sentence stands in the record.
 */
import type { Payment, PurposeKind, TextSource } from '../schema/record.js';
import type { PaymentCandidate, PaymentContext } from './payments.js';
import { CLAIMED_HARM, FOUND_HARM, purposeKinds } from './purpose-kinds.js';
import { impliedRecipient, recipientRole } from './recipient-role.js';

/** Units that are periods of time: their per-unit payments also get a `period`. */
const PERIOD_UNITS = /^(?:day|night|week|month|term|year|school term|academic year)$/i;

/** A candidate to the record's Payment. */
export function finishPayment(c: PaymentCandidate, ctx: PaymentContext): Payment {
  const source = ctx.locator.find(c.raw, c.clause, c.paragraph);
  const recipient = c.recipient ?? impliedRecipient(c.text, c.raw);
  let kinds: PurposeKind[] = c.kinds;
  if (kinds.length === 0 && source) kinds = statedAfterKinds(ctx, source);
  if (kinds.length === 0 && source) kinds = foundHarmKinds(ctx, source);
  const periodUnit = c.perUnit?.unit ?? c.openUnit?.unit ?? null;
  const period =
    periodUnit && PERIOD_UNITS.test(periodUnit)
      ? c.perUnit
        ? { ...c.perUnit }
        : { amount: c.openUnit!.amount, unit: c.openUnit!.unit, count: null }
      : c.breakdownPeriod && PERIOD_UNITS.test(c.breakdownPeriod.unit)
        ? { ...c.breakdownPeriod }
        : null;
  return {
    amount: c.amount,
    currency: c.currency,
    recipient,
    purpose: c.purpose,
    text: c.text,
    perUnit: c.perUnit,
    status: c.status,
    purposeKinds: kinds.length > 0 ? kinds : ['other'],
    recipientRole: recipientRole(recipient, ctx.people),
    period,
    source,
  };
}

/**
 * "pay Mrs X £500. This is to recognise the distress caused.": the purpose said in the next
 * sentence, when that sentence is about the payment.
 */
const ABOUT_THE_PAYMENT = /^(?:this|that|the (?:payment|sum|amount|figure))\b[^.]{0,40}?\b(?:to recogni[sz]e|to acknowledge|to reflect|to compensate|to remedy|for|in recognition of|recogni[sz]es|reflects|acknowledges|covers|compensates)\b/i;

function statedAfterKinds(ctx: PaymentContext, source: TextSource): PurposeKind[] {
  const next = ctx.locator.sentenceAfter(source);
  return next && ABOUT_THE_PAYMENT.test(next) ? purposeKinds(next) : [];
}

/**
 * "... which caused her avoidable distress. The Council agreed to make a symbolic payment of
 * £700" (gold 23-013-788): a payment that names no purpose remedies the harm found in the one or
 * two sentences before it, unless those report the complainant's words ("Mr C complains ...").
 */
function foundHarmKinds(ctx: PaymentContext, source: TextSource): PurposeKind[] {
  for (const sentence of ctx.locator.sentencesBefore(source, 2)) {
    if (!FOUND_HARM.test(sentence) || CLAIMED_HARM.test(sentence)) continue;
    const kinds = purposeKinds(sentence);
    if (kinds.length > 0) return kinds;
  }
  return [];
}
