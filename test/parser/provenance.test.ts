/**
 * Provenance (issue #14): every payment, remedy and amount on every golden fixture points at the
 * sentence it was read from, `{section, paragraph, start, end}` in the record's own text, and for
 * payments and amounts that range holds the figure as written.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoney } from '../../src/extract/money.js';
import { parseDecision } from '../../src/parse.js';
import type { DecisionRecord, TextSource } from '../../src/schema/record.js';
import { decisionText } from './factories.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'pages');
const slugs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();

function parseFixture(slug: string): DecisionRecord {
  const dir = path.join(root, slug);
  const source = fs.readdirSync(dir).find((f) => f.startsWith('source.'))!;
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string | null };
  return parseDecision(fs.readFileSync(path.join(dir, source)), { url: meta.url });
}

/** The text a source range points at. */
function textAt(r: DecisionRecord, s: TextSource): string {
  const paragraph = s.section === null ? r.summary! : r.sections[s.section]!.paragraphs[s.paragraph]!;
  expect(s.end).toBeLessThanOrEqual(paragraph.length);
  expect(s.start).toBeLessThan(s.end);
  return paragraph.slice(s.start, s.end);
}

describe('every figure is traceable to its sentence (golden fixtures)', () => {
  for (const slug of slugs) {
    it(slug, () => {
      const r = parseFixture(slug);
      for (const p of r.payments) {
        expect(p.source, `${slug}: payment £${p.amount} has no source`).not.toBeNull();
        const amounts = findMoney(textAt(r, p.source!)).map((m) => m.amount);
        expect([p.amount, p.perUnit?.amount, p.period?.amount].some((a) => a !== undefined && amounts.includes(a)), `${slug}: £${p.amount} not in "${textAt(r, p.source!)}"`).toBe(true);
      }
      for (const a of r.amounts) {
        expect(a.source).not.toBeNull();
        expect(textAt(r, a.source!)).toContain(a.raw);
        expect(textAt(r, a.source!)).toBe(a.text);
      }
      for (const x of r.remedies) {
        expect(x.sourceRange, `${slug}: remedy "${x.text}" has no source`).not.toBeNull();
        const words = textAt(r, x.sourceRange!).toLowerCase();
        // The remedy's opening words stand in its sentence (it may be a clause of it).
        const head = x.text.replace(/[‘’]/g, "'").toLowerCase().split(/\s+/).slice(0, 3).join(' ');
        expect(words.replace(/[‘’]/g, "'").replace(/\s+/g, ' ')).toContain(head);
      }
    });
  }

  it('points at the Summary with section null, and at the action item otherwise', () => {
    const r = parseDecision(decisionText({ summary: 'We found fault. The Council has agreed to pay Mrs X £200 for her distress.' }));
    expect(r.payments[0]!.source).toMatchObject({ section: null, paragraph: 0, start: 16 });
    expect(textAt(r, r.payments[0]!.source!)).toBe('The Council has agreed to pay Mrs X £200 for her distress.');
    const a = parseDecision(decisionText({ action: '- apologise to Mrs X;\n- pay Mrs X £300 to acknowledge the distress caused.' }));
    const s = a.payments[0]!.source!;
    expect(a.sections[s.section!]!.heading).toBe('Agreed action');
    expect(textAt(a, s)).toBe('pay Mrs X £300 to acknowledge the distress caused.');
  });
});

describe('provenance on damaged text (property)', () => {
  const seeds = ['000_c84c4f1ce20d3961.txt', '001_c1ad9b12bc88b2da.txt', '004_317fde02c40668d7.txt'].map((f) => fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'corpus', f), 'utf8'));

  it('every source range stays inside its paragraph and holds the figure, however the page is cut', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.nat(), fc.nat(), fc.string({ maxLength: 30 }), (k, a, b, noise) => {
        const seed = seeds[k]!;
        const cut = Math.min(a, b) % seed.length;
        let r: DecisionRecord;
        try {
          r = parseDecision(seed.slice(0, cut) + noise + seed.slice(cut, cut + (Math.max(a, b) % seed.length)));
        } catch {
          return; // not a decision any more: a typed error, checked in robustness.test.ts
        }
        for (const p of r.payments) {
          if (!p.source) continue;
          const amounts = findMoney(textAt(r, p.source)).map((m) => m.amount);
          expect([p.amount, p.perUnit?.amount, p.period?.amount].some((x) => x !== undefined && amounts.includes(x))).toBe(true);
        }
        for (const a of r.amounts) if (a.source) expect(textAt(r, a.source)).toContain(a.raw);
        for (const x of r.remedies) if (x.sourceRange) textAt(r, x.sourceRange);
      }),
      { numRuns: 60 },
    );
  });
});
