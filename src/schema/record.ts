/**
 * @file The decision record: the contract other tools read (see ../shared/domain.md).
 * Field names are a contract: add fields freely, never rename one. Types come from z.infer.
 */
import { z } from 'zod';
import { AMOUNT_ROLES, PURPOSE_KINDS, RECIPIENT_ROLES, REMEDY_KINDS } from './kinds.js';

/** Bumped when the record's shape changes in a way stored copies must be rebuilt for. */
export const RECORD_SCHEMA_VERSION = 1;

export { REMEDY_KINDS, AMOUNT_ROLES, PURPOSE_KINDS, RECIPIENT_ROLES };
export const PurposeKind = z.enum(PURPOSE_KINDS);
export type PurposeKind = z.infer<typeof PurposeKind>;
export const RecipientRole = z.enum(RECIPIENT_ROLES);
export type RecipientRole = z.infer<typeof RecipientRole>;

/**
 * Where a sentence stands in the record, for a viewer to highlight it: the index into `sections`
 * (null: the `summary`), the index into that section's `paragraphs` (0 for the summary) and the
 * character range [start, end) within that paragraph's text.
 */
export const TextSource = z.strictObject({
  section: z.number().int().nonnegative().nullable(),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextSource = z.infer<typeof TextSource>;
export const RemedyKind = z.enum(REMEDY_KINDS);
export type RemedyKind = z.infer<typeof RemedyKind>;

export const AmountRole = z.enum(AMOUNT_ROLES);
export type AmountRole = z.infer<typeof AmountRole>;

/** Where a remedy was read from: the action section, the final decision, an endorsed offer, or the Summary. */
export const RemedySource = z.enum(['agreed_action', 'recommendation', 'final_decision', 'endorsed_offer', 'summary']);

export const Remedy = z.strictObject({
  kind: RemedyKind,
  text: z.string().min(1),
  /** As written: "within four weeks of my final decision", "by 6 August 2021"; null when not stated. */
  deadline: z.string().nullable(),
  source: RemedySource,
  /** Where the remedy's sentence stands (a TextSource; named so because `source` above was taken first). Always set by the parser; optional only for records built before it (#14). */
  sourceRange: TextSource.nullable().optional(),
});
export type Remedy = z.infer<typeof Remedy>;

export const PerUnit = z.strictObject({
  amount: z.number().positive(),
  unit: z.string().min(1),
  count: z.number().int().positive(),
});

export const Payment = z.strictObject({
  amount: z.number().positive(),
  currency: z.literal('GBP'),
  recipient: z.string().nullable(),
  purpose: z.string().nullable(),
  /** The sentence the payment was read from. */
  text: z.string().min(1),
  perUnit: PerUnit.nullable(),
  /** "agreed" (Agreed action), "recommended", or "endorsed_offer" (the organisation's own offer found appropriate). */
  status: z.enum(['agreed', 'recommended', 'endorsed_offer']),
  // The four fields below (#14) are always set by the parser; optional only for records built before them.
  /** Why (one or more kinds; `other` when the decision names no purpose of the closed list). */
  purposeKinds: z.array(PurposeKind).min(1).optional(),
  /** To whom, read from `recipient` and the decision's text; null when no recipient is named. */
  recipientRole: RecipientRole.nullable().optional(),
  /** For an amount per period ("£200 a month for 7 months"): the unit amount, unit and count (null when not stated); `amount` is the total. */
  period: z.strictObject({ amount: z.number().positive(), unit: z.string().min(1), count: z.number().int().positive().nullable() }).nullable().optional(),
  /** Where the sentence giving the figure stands. */
  source: TextSource.nullable().optional(),
});
export type Payment = z.infer<typeof Payment>;

export const Amount = z.strictObject({
  amount: z.number().nonnegative(),
  role: AmountRole,
  /** The sentence the amount stands in. */
  text: z.string(),
  /** The amount as written ("£1,000", "£100 - £300"). */
  raw: z.string(),
  /** Heading of the section it was found in (null for the Summary). */
  section: z.string().nullable(),
  /** Where its sentence stands. Always set by the parser; optional only for records built before it (#14). */
  source: TextSource.nullable().optional(),
});
export type Amount = z.infer<typeof Amount>;

export const SectionKind = z.enum([
  'complaint',
  'investigated',
  'not_investigated',
  'role_and_powers',
  'how_considered',
  'assessment',
  'findings',
  'analysis',
  'conclusions',
  'action',
  'final_decision',
  'decision',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = z.strictObject({
  heading: z.string(),
  /** A known heading's kind; "other" for a sub-heading or an untyped section. */
  kind: SectionKind,
  paragraphs: z.array(z.string()),
  /** Parallel to `paragraphs`: the number the decision cites each by ("28", "28 (f)"), null before the first; always set by the parser (optional only for records stored before it). */
  paragraphNumbers: z.array(z.string().nullable()).optional(),
});
export type Section = z.infer<typeof Section>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DecisionRecord = z.strictObject({
  ref: z.string().regex(/^\d{2} \d{3} \d{3}[a-z]?$/),
  /** As in the title line; null (with a warning) only when a page names no organisation (some report pages). */
  organisation: z.string().min(1).nullable(),
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  /** "page" when read from the header block, "url" when derived from the URL's slugs, "listing" from the search listing's card. */
  categorySource: z.enum(['page', 'url', 'listing']).nullable(),
  outcome: z.string().nullable(),
  outcomeInferred: z.boolean(),
  decisionDate: isoDate.nullable(),
  url: z.string().nullable(),
  documentType: z.enum(['statement', 'report']).nullable(),
  summary: z.string().nullable(),
  sections: z.array(Section),
  remedies: z.array(Remedy),
  payments: z.array(Payment),
  paymentTotal: z.number().nonnegative(),
  amounts: z.array(Amount),
  decisionMaker: z.string().nullable(),
  /** True when the page stops before its end (no final decision or sign-off). */
  truncated: z.boolean(),
  warnings: z.array(z.string()),
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  /** Where `organisation` came from: the title line, the HTML <title>, the search listing's card, or the text; null when unknown. */
  organisationSource: z.enum(['page', 'title', 'listing', 'text']).nullable().default(null),
  /** ISO date of "Ombudsman satisfied with council's response: <date>" (older pages), else null. */
  complianceDate: isoDate.nullable().default(null),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;
