/**
 * A record is never lost for one odd value (issue #10 item 10): a £0 payment, or any single
 * payment, amount or remedy that fails its schema, is dropped with a warning naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';
import { dropInvalidItems } from '../../src/record/drop-invalid.js';
import { DecisionRecord } from '../../src/schema/record.js';
import { decisionText } from './factories.js';

const seed000 = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'corpus', '000_c84c4f1ce20d3961.txt'), 'utf8');

describe('odd values never lose the record', () => {
  it("seed 000 with every £200 made £0 still parses, without the £0 payment (sed 's/£200/£0/g')", () => {
    const r = parseDecision(seed000.replace(/£200/g, '£0'));
    expect(r.ref).toBe('19 020 817');
    expect(r.payments.every((p) => p.amount > 0)).toBe(true);
    expect(r.paymentTotal).toBe(r.payments.reduce((s, p) => s + p.amount, 0));
    expect(r.warnings.join('\n')).toMatch(/a payment of £0 \(".*"\) was left out/);
    expect(r.amounts.some((a) => a.amount === 0)).toBe(true);
  });

  it('a £0 action item is dropped with a warning; the other payment stays', () => {
    const r = parseDecision(decisionText({ action: '- pay Mrs X £0 for her distress;\n- pay Mrs X £150 for her time and trouble.' }));
    expect(r.payments.map((p) => p.amount)).toEqual([150]);
    expect(r.paymentTotal).toBe(150);
    expect(r.warnings.some((w) => w.startsWith('a payment of £0'))).toBe(true);
  });

  it('any payment, amount or remedy that fails its schema is dropped by name, never the record', () => {
    const good = parseDecision(decisionText({ action: '- apologise to Mrs X;\n- pay Mrs X £150 for her time and trouble.' }));
    const bad = {
      ...good,
      payments: [...good.payments, { ...good.payments[0]!, amount: -5 }],
      amounts: [...good.amounts, { ...good.amounts[0]!, amount: Number.NaN }],
      remedies: [...good.remedies, { ...good.remedies[0]!, text: '' }],
      paymentTotal: 145,
    } as DecisionRecord;
    const out = dropInvalidItems(bad);
    expect(DecisionRecord.safeParse(out).success).toBe(true);
    expect(out.payments).toEqual(good.payments);
    expect(out.amounts).toEqual(good.amounts);
    expect(out.remedies).toEqual(good.remedies);
    expect(out.paymentTotal).toBe(150);
    expect(out.warnings.filter((w) => / was left out: /.test(w))).toHaveLength(3);
  });

  it('any amount written anywhere in a real decision keeps the record', () => {
    fc.assert(
      fc.property(fc.constantFrom('£0', '£0.00', '£0,000', '£00', '£-5', '£1.2bn', '£999,999,999'), (odd) => {
        const r = parseDecision(seed000.replace(/£200/g, odd));
        expect(r.ref).toBe('19 020 817');
      }),
      { numRuns: 20 },
    );
  });
});
