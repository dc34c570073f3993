/**
 * @file Decision URLs: canonical form and what their path says (category slugs, reference).
 * Canonical: `https://www.lgo.org.uk` + the path, no query, lower case, no trailing slash
 * (domain.md: one decision is reachable as http://, without www, with ?displaypref= or ?chapter=).
 */
import { normaliseRef } from './ref.js';

export const SITE_ORIGIN = 'https://www.lgo.org.uk';

export interface DecisionUrlParts {
  /** `https://www.lgo.org.uk/decisions/<cat>/<subcat>/<ref>` */
  canonical: string;
  categorySlug: string | null;
  subcategorySlug: string | null;
  /** `"19 020 817"`, or null when the last segment is not a reference. */
  ref: string | null;
}

/**
 * Reads a decision URL (absolute, scheme-less or a bare path). Null when it is not a decision URL.
 * @example parseDecisionUrl('http://lgo.org.uk/decisions/housing/allocations/21-000-568?displaypref=1')
 */
export function parseDecisionUrl(input: string): DecisionUrlParts | null {
  let url: URL;
  try {
    const text = input.trim();
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : text.startsWith('/') ? `${SITE_ORIGIN}${text}` : `https://${text}`);
  } catch {
    return null;
  }
  const segments: string[] = [];
  for (const raw of url.pathname.split('/').filter(Boolean)) {
    const s = safeDecode(raw);
    if (s === null) return null; // a malformed percent-escape: not a link we can trust
    segments.push(s.toLowerCase());
  }
  const at = segments.indexOf('decisions');
  if (at < 0) return null;
  const rest = segments.slice(at + 1);
  if (rest.length === 0 || rest.length > 3) return null;
  const last = rest[rest.length - 1]!;
  const ref = normaliseRef(last);
  // The last segment must be the reference and nothing else (no "21-000-571/../../tmp").
  if (!ref || last.replace(/[\s-]/g, '') !== ref.replace(/ /g, '')) return null;
  const slugs = rest.slice(0, -1);
  if (!slugs.every((s) => SLUG.test(s))) return null;
  // Built from the normalised parts only, never from the text as given.
  return {
    canonical: `${SITE_ORIGIN}/${['decisions', ...slugs, ref.replace(/ /g, '-')].join('/')}`,
    categorySlug: slugs[0] ?? null,
    subcategorySlug: slugs[1] ?? null,
    ref,
  };
}

/**
 * A category slug: lower-case letters, digits and the unreserved `-_.~` (the site writes words
 * joined by hyphens), starting and ending with a letter or digit, so never `.` or `..`.
 */
const SLUG = /^[a-z0-9](?:[a-z0-9._~-]*[a-z0-9])?$/;

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Words the site writes in capitals or with special forms inside category names. */
const SPECIAL_WORDS: Record<string, string> = {
  covid: 'COVID',
  'covid-19': 'COVID-19',
  sen: 'SEN',
  send: 'SEND',
  ehc: 'EHC',
  cctv: 'CCTV',
  hmo: 'HMO',
  hmos: 'HMOs',
  asb: 'ASB',
  dols: 'DoLS',
  nhs: 'NHS',
  uk: 'UK',
};

/** Category slugs whose display name does not follow the usual sentence-case rule. */
const SPECIAL_SLUGS: Record<string, string> = {
  'other-categories': 'Other Categories',
};

/**
 * Turns a URL slug into the site's display name: sentence case, `-s-` as an apostrophe.
 * @example slugToName('children-s-care-services') // "Children's care services"
 */
export function slugToName(slug: string): string {
  if (SPECIAL_SLUGS[slug]) return SPECIAL_SLUGS[slug];
  const joined = slug.replace(/covid-19/g, 'covid\u200b19'); // keep COVID-19 whole
  const words = joined.split('-').filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    const w = word.replace('\u200b', '-');
    // "children-s-care" -> "children's care": a lone "s" after a word is a possessive.
    if (w === 's' && out.length > 0) {
      out[out.length - 1] += "'s";
      continue;
    }
    out.push(SPECIAL_WORDS[w] ?? w);
  }
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
