/**
 * @file Dates as the site writes them, to ISO `YYYY-MM-DD`. Only the header's Decision date
 * is ever taken as the decision date: dates inside the text are never mistaken for it.
 */

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1-12 for "Jun", "June", "Sept", "september"; undefined for anything else. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((name) => name === w || name.slice(0, 3) === w || (name === 'september' && w === 'sept'));
  return i < 0 ? undefined : i + 1;
}

/**
 * Parses "03 Jun 2021", "3 June 2021", "03-Jun-2021", "June 3, 2021", "2021-06-03",
 * "03/06/2021" (UK order). Null for anything else, including impossible dates (31 Feb).
 * @example parseDate('03 Jun 2021') // '2021-06-03'
 */
export function parseDate(text: string): string | null {
  const t = text.trim().replace(/(\d)(st|nd|rd|th)\b/i, '$1');
  let m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9}\.?)[\s,-]+(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function iso(year: number, month: number | undefined, day: number): string | null {
  if (!month || year < 1900 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
