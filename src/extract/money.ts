/**
 * @file Money amounts in text: `£250`, `£1,000`, `£1000`, `£2,750.50`, `£1.2m`, `250 pounds`,
 * `£500,` (a comma that is punctuation), ranges `£100 - £300`, `£100 to £300`,
 * `between £100 and £300`. Finding only: what an amount is for is decided in payments.ts.
 */

export interface MoneyMention {
  amount: number;
  /** As written, e.g. "£1,000" or "£100 - £300" for a range. */
  raw: string;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** For ranges: both ends (amount is the low end). */
  range: { low: number; high: number } | null;
}

/**
 * A pound amount. Groups: 1 integer part (with thousands commas only in groups of three,
 * so "£500, and" is 500), 2 pence, 3 multiplier. Must match "£2,750.50", "£1.2m", "£ 300";
 * must not read "£500,000" as 500.
 */
const POUND = /£\s?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d{1,2}))?(?:\s?(m|mn|million|k|bn|billion)\b)?/gi;

/** "250 pounds", "GBP 250". */
const WORDS = /\b(?:GBP\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?|(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?pounds\b)/gi;

/** What joins the two ends of a range: "£100 - £300", "£100–300", "£100 to £300". */
const RANGE_JOIN = /^\s*(?:-|–|—|to)\s*(?=£?\s?\d)/i;
const BETWEEN_AND = /^\s*and\s*(?=£\s?\d)/i;

const MULTIPLIERS: Record<string, number> = { m: 1e6, mn: 1e6, million: 1e6, k: 1e3, bn: 1e9, billion: 1e9 };

/** The number an amount's parts stand for, rounded to pence. */
function toNumber(integer: string, pence: string | undefined, multiplier: string | undefined): number {
  const base = Number(`${integer.replace(/,/g, '')}${pence ? `.${pence}` : ''}`);
  const times = multiplier ? (MULTIPLIERS[multiplier.toLowerCase()] ?? 1) : 1;
  return Math.round(base * times * 100) / 100;
}

/**
 * Parses one amount as written; null when the text is not an amount.
 * @example parseMoney('£2,750.50') // 2750.5
 */
export function parseMoney(text: string): number | null {
  const found = findMoney(text.trim());
  return found.length === 1 && found[0]!.range === null ? found[0]!.amount : null;
}

/**
 * Formats an amount the way decisions write it: "£1,000", "£2,750.50".
 * @example formatMoney(2750.5) // '£2,750.50'
 */
export function formatMoney(amount: number): string {
  const pence = Math.round(amount * 100) % 100 !== 0;
  return `£${amount.toLocaleString('en-GB', { minimumFractionDigits: pence ? 2 : 0, maximumFractionDigits: 2 })}`;
}

/**
 * Every amount in a text, in order, with ranges joined into one mention.
 * @example findMoney('between £100 - £300') // [{amount: 100, range: {low: 100, high: 300}, ...}]
 */
export function findMoney(text: string): MoneyMention[] {
  const singles: MoneyMention[] = [];
  for (const m of text.matchAll(POUND)) {
    singles.push({ amount: toNumber(m[1]!, m[2], m[3]), raw: m[0].trim(), start: m.index, end: m.index + m[0].length, range: null });
  }
  for (const m of text.matchAll(WORDS)) {
    if (singles.some((s) => m.index < s.end && s.start < m.index + m[0].length)) continue;
    const amount = m[1] ? toNumber(m[1], m[2], undefined) : toNumber(m[3]!, m[4], undefined);
    singles.push({ amount, raw: m[0].trim(), start: m.index, end: m.index + m[0].length, range: null });
  }
  singles.sort((a, b) => a.start - b.start);
  const out: MoneyMention[] = [];
  for (let i = 0; i < singles.length; i++) {
    const a = singles[i]!;
    const after = text.slice(a.end, a.end + 8);
    const next = singles[i + 1];
    const before = text.slice(Math.max(0, a.start - 9), a.start);
    const joined = RANGE_JOIN.test(after) || (/between\s*$/i.test(before) && BETWEEN_AND.test(after));
    if (next && joined && next.start - a.end <= 8) {
      out.push({ amount: a.amount, raw: text.slice(a.start, next.end), start: a.start, end: next.end, range: { low: a.amount, high: next.amount } });
      i++;
      continue;
    }
    // "£100-300": the high end written without a pound sign.
    const bare = /^\s*(?:-|–|to)\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\d)/.exec(after.length ? text.slice(a.end, a.end + 16) : '');
    if (bare && Number(bare[1]!.replace(/,/g, '')) > a.amount) {
      out.push({ amount: a.amount, raw: text.slice(a.start, a.end + bare[0].length), start: a.start, end: a.end + bare[0].length, range: { low: a.amount, high: Number(bare[1]!.replace(/,/g, '')) } });
      continue;
    }
    out.push(a);
  }
  return out;
}
