/**
 * @file A record is never lost for one odd value (issue #10 item 10): before the record is
 * validated, any single payment, amount or remedy that fails its own schema (a £0 payment, a
 * negative figure, an empty text) is dropped with a warning naming it, and the payment total is
 * summed again from what is kept.
 */
import type { z } from 'zod';
import { Amount, Payment, Remedy, type DecisionRecord } from '../schema/record.js';

/**
 * Drops the items that fail their schema; returns the record with a warning for each.
 * @example dropInvalidItems(assemble(input)) // a £0 payment gone, "a payment of £0 ... was left out"
 */
export function dropInvalidItems(record: DecisionRecord): DecisionRecord {
  const warnings: string[] = [];
  const payments = keepValid(record.payments, Payment, (p) => `a payment of ${money(p.amount)} ("${clip(p.text)}")`, warnings);
  const amounts = keepValid(record.amounts, Amount, (a) => `the amount ${String(a.raw ?? money(a.amount))} ("${clip(a.text)}")`, warnings);
  const remedies = keepValid(record.remedies, Remedy, (r) => `a remedy "${clip(r.text)}"`, warnings);
  if (warnings.length === 0) return record;
  const paymentTotal = payments.length === record.payments.length ? record.paymentTotal : Math.round(payments.reduce((s, p) => s + (p.amount as number), 0) * 100) / 100;
  return { ...record, payments, amounts, remedies, paymentTotal, warnings: [...record.warnings, ...warnings] } as DecisionRecord;
}

function keepValid<T>(items: T[], schema: z.ZodType, name: (item: Partial<Record<string, unknown>> & T) => string, warnings: string[]): T[] {
  return items.filter((item) => {
    const checked = schema.safeParse(item);
    if (checked.success) return true;
    const issue = checked.error.issues[0]!;
    warnings.push(`${name(item as Partial<Record<string, unknown>> & T)} was left out: ${issue.path.join('.') || 'value'}: ${issue.message}`);
    return false;
  });
}

function money(amount: unknown): string {
  return typeof amount === 'number' ? `£${amount.toLocaleString('en-GB')}` : String(amount);
}

function clip(text: unknown): string {
  const t = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
