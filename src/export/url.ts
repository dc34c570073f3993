/**
 * @file A decision's canonical address when its page did not give one: the site files every
 * decision under `/decisions/<category>/<subcategory>/<ref>`, slugs in lower case with every run
 * of other characters as one hyphen ("Children's care services" -> children-s-care-services).
 * The same rule is written in SQL for the analyst views (store/views.ts).
 */
import { SITE_ORIGIN } from '../extract/url.js';

/** "Children's care services" -> "children-s-care-services". */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * The decision's url as stored, else built from category, subcategory and ref; null when the
 * category or subcategory is unknown (no address can be built without them).
 * @example canonicalUrl({ url: null, category: "Children's care services", subcategory: 'Other', ref: '19 020 817' })
 * // "https://www.lgo.org.uk/decisions/children-s-care-services/other/19-020-817"
 */
export function canonicalUrl(d: { url: string | null; category: string | null; subcategory: string | null; ref: string }): string | null {
  if (d.url) return d.url;
  if (!d.category || !d.subcategory) return null;
  return `${SITE_ORIGIN}/decisions/${slug(d.category)}/${slug(d.subcategory)}/${d.ref.toLowerCase().replace(/\s+/g, '-')}`;
}
