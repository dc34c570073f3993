/**
 * @file The search listing's card for a decision, a second source for what the page itself may
 * lack (no title line, no header block): organisation and reference from the card's linked title,
 * `Statement`/`Report`, the outcome, the category and the date. `lgo fetch` keeps it in the
 * page's sidecar (`listing`); `lgo build` and `lgo parse` pass it to the parser.
 */
import { z } from 'zod';

export const ListingCard = z.object({
  organisation: z.string().min(1).nullable().optional(),
  ref: z.string().min(1).nullable().optional(),
  documentType: z.enum(['statement', 'report']).nullable().optional(),
  outcome: z.string().min(1).nullable().optional(),
  category: z.string().min(1).nullable().optional(),
  subcategory: z.string().min(1).nullable().optional(),
  /** ISO `YYYY-MM-DD`. */
  decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
});
export type ListingCard = z.infer<typeof ListingCard>;

/** The card from a sidecar's parsed JSON, or null when it has none or it is malformed (the page still parses). */
export function cardFromSidecar(meta: unknown): ListingCard | null {
  const listing = (meta as { listing?: unknown } | null)?.listing;
  if (!listing) return null;
  const parsed = ListingCard.safeParse(listing);
  return parsed.success ? parsed.data : null;
}
