#!/usr/bin/env node
/**
 * @file Compares the document-frequency profile of the real decisions this checkout has
 * (scripts/lib/real-texts.mjs) with the two benchmark corpora (scripts/gen-synthetic.mjs, kinds
 * realistic and seeds): the share of distinct words found in >50%, 10-50%, 1-10% and <1% of the
 * decisions. The real set is small, so the generated corpora are also measured on random samples
 * of the same size, each text cut to the length of one real text (most real pages here are page
 * beginnings), mean of 20 samples: the like-for-like comparison. Prints Markdown.
 *
 *   npm run build && node scripts/df-compare.mjs [--size 5000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-synthetic.mjs';
import { dfProfile } from './lib/df-profile.mjs';
import { realDecisions } from './lib/real-texts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const size = Number(process.argv[process.argv.indexOf('--size') + 1] || 5000) || 5000;
const { parseDecision } = await import(path.join(ROOT, 'dist', 'parse.js'));
const { ftsText } = await import(path.join(ROOT, 'dist', 'store', 'write.js'));

function generatedTexts(kind) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lgo-df-${kind}-`));
  try {
    generate({ count: size, out: dir, seed: 1, kind });
    const texts = [];
    for (const sub of fs.readdirSync(dir).filter((n) => /^\d+$/.test(n)))
      for (const f of fs.readdirSync(path.join(dir, sub))) {
        const t = ftsText(parseDecision(fs.readFileSync(path.join(dir, sub, f))));
        texts.push(`${t.summary}\n${t.headings}\n${t.organisation}\n${t.body}`);
      }
    return texts;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean bucket shares over `times` random samples of `n` texts (seeded, so the table is stable). */
function sampled(texts, lengths, times = 20) {
  const n = lengths.length;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sum = { over50: 0, from10to50: 0, from1to10: 0, under1: 0 };
  let words = 0;
  for (let k = 0; k < times; k++) {
    // Cut each to the length of one real decision: most real pages here are page beginnings.
    const sample = lengths.map((len) => texts[Math.floor(rand() * texts.length)].slice(0, len));
    const p = dfProfile(sample);
    words += p.words / times;
    for (const b of Object.keys(sum)) sum[b] += p.buckets[b] / times;
  }
  return { docs: n, words: Math.round(words), buckets: sum };
}

const pc = (x) => `${(100 * x).toFixed(1)}%`;
const row = (name, p, bytes) => `| ${name} | ${p.docs.toLocaleString('en-GB')} | ${bytes} | ${p.words.toLocaleString('en-GB')} | ${pc(p.buckets.over50)} | ${pc(p.buckets.from10to50)} | ${pc(p.buckets.from1to10)} | ${pc(p.buckets.under1)} |`;
const kb = (texts) => `${(texts.reduce((s, t) => s + t.length, 0) / texts.length / 1024).toFixed(1)} KB`;

const real = (await realDecisions(ROOT)).map((d) => d.text);
const realistic = generatedTexts('realistic');
const seeds = generatedTexts('seeds');
const lines = [
  '| decisions | n | mean text | distinct words | in >50% | 10-50% | 1-10% | <1% |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  row('real (corpus/, fixtures, ../shared seeds and gold)', dfProfile(real), kb(real)),
  row(`realistic generator, ${real.length} cut to the real lengths`, sampled(realistic, real.map((t) => t.length)), kb(real)),
  row(`seed generator (old), ${real.length} cut to the real lengths`, sampled(seeds, real.map((t) => t.length)), kb(real)),
  row('realistic generator, whole', dfProfile(realistic), kb(realistic)),
  row('seed generator (old), whole', dfProfile(seeds), kb(seeds)),
];
process.stdout.write(`${lines.join('\n')}\n`);
