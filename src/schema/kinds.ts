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
