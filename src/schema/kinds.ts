/**
 * @file The record's closed vocabularies as plain constants, without zod, so fast paths such as
 * `lgo search` can validate a `--remedy` value without loading the schema library.
 * record.ts builds its zod enums from these and re-exports them.
 */

export const REMEDY_KINDS = [
  'apology',
  'payment',
  'reassessment',
  'review_decision',
  'service_improvement',
  'staff_training_or_reminder',
  'meeting',
  'action_plan',
  'refund_or_waive',
  'provide_information',
  'other',
] as const;

export const AMOUNT_ROLES = ['remedy', 'earlier_offer', 'guidance', 'claimed_loss', 'fee_or_charge', 'other'] as const;

/** Why a payment was made (issue #14), from the Ombudsman's published guidance on remedies. */
export const PURPOSE_KINDS = ['distress', 'time_and_trouble', 'lost_provision', 'financial_loss', 'care_costs', 'lost_opportunity', 'other'] as const;

/** To whom a payment goes (issue #14); the record's `recipient` keeps the words. */
export const RECIPIENT_ROLES = ['complainant', 'child', 'family', 'representative', 'other'] as const;
