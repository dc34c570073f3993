/**
 * The hand-labelled gold decisions, kept in the project as golden fixtures (test/fixtures/gold:
 * the seeds and fifteen page excerpts, public records with their source URLs, copied from the
 * shared gold set): every labelled field must match, and remedy kinds must reach 90% precision
 * and recall, as the shared scorer (`npm run score`, when ../shared is beside the project) scores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const goldDir = path.join(root, 'test', 'fixtures', 'gold');
const files = ['seeds', 'pages'].flatMap((d) => {
  const dir = path.join(goldDir, d);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)) : [];
});
const norm = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

describe('gold decisions', () => {
  it('are in the project (test/fixtures/gold)', () => expect(files.length).toBeGreaterThanOrEqual(20));

  const kinds = { tp: 0, fp: 0, fn: 0 };
  for (const file of files) {
    it(path.basename(file), () => {
      const gold = JSON.parse(fs.readFileSync(file, 'utf8'));
      const e = gold.expected;
      const input = gold.source ? fs.readFileSync(path.join(root, gold.source)) : gold.text;
      const r = parseDecision(input, { url: gold.url, source: path.basename(file) });
      expect(r.organisation).toBe(e.organisation);
      expect(r.ref.replace(/\D/g, '')).toBe(e.ref.replace(/\D/g, ''));
      expect(r.category).toBe(e.category);
      expect(r.subcategory).toBe(e.subcategory);
      expect(r.outcome).toBe(e.outcome ?? e.outcome_inferred ?? null);
      expect(r.outcomeInferred).toBe(e.outcome == null && e.outcome_inferred != null);
      expect(r.decisionDate).toBe(e.decision_date);
      expect(norm(r.summary)).toBe(norm(e.summary));
      if (Array.isArray(e.payment_amounts)) {
        expect(r.payments.map((p) => p.amount).sort((a, b) => a - b)).toEqual([...e.payment_amounts].sort((a, b) => a - b));
        expect(r.paymentTotal).toBe(e.payment_total);
        expect(r.decisionMaker).toBe(e.decision_maker);
        expect(r.remedies.map((x) => x.deadline).filter(Boolean).map(norm).sort()).toEqual(expect.arrayContaining(e.deadlines.map(norm)));
      } else {
        const inSummary = r.payments.filter((p) => e.summary.includes(`£${p.amount.toLocaleString('en-GB')}`)).map((p) => p.amount);
        expect(inSummary.sort((a, b) => a - b)).toEqual([...e.summary_payment_amounts].sort((a, b) => a - b));
      }
      const got = new Set(r.remedies.map((x) => x.kind));
      const want = new Set<string>(e.remedy_kinds ?? e.summary_remedy_kinds ?? []);
      const hit = [...got].filter((k) => want.has(k)).length;
      kinds.tp += hit;
      kinds.fp += got.size - hit;
      kinds.fn += want.size - hit;
    });
  }

  it('remedy kinds: precision and recall both at least 90%', () => {
    expect(kinds.tp / Math.max(1, kinds.tp + kinds.fp)).toBeGreaterThanOrEqual(0.9);
    expect(kinds.tp / Math.max(1, kinds.tp + kinds.fn)).toBeGreaterThanOrEqual(0.9);
  });
});
