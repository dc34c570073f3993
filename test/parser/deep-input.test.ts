/**
 * Hostile shapes of real pages (issue #10, items 11-12): HTML nested thousands deep, Markdown
 * lists nested hundreds deep, and an article body wrapped in one inline element.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'pages', 'html-article-header-pairs', 'source.html');
const html = fs.readFileSync(fixture, 'utf8');
const article = html.slice(html.indexOf('<article id="article">') + '<article id="article">'.length, html.indexOf('</article>'));
const original = parseDecision(html);

describe('deeply nested input', () => {
  it('reads a decision inside HTML nested 4,000 elements deep', () => {
    const depth = 4000;
    const page = `<html><head><title>x</title></head><body><article id="article">${'<div>'.repeat(depth)}${article}${'</div>'.repeat(depth)}</article></body></html>`;
    const r = parseDecision(page);
    expect(r.ref).toBe(original.ref);
    expect(r.sections.map((s) => s.heading)).toEqual(original.sections.map((s) => s.heading));
    expect(r.paymentTotal).toBe(original.paymentTotal);
  });

  it('gives a record or a clear error for HTML nested 20,000 deep, with no stack overflow', () => {
    const depth = 20000;
    const page = `<body><article id="article"><h1>Kent County Council (17 002 402)</h1><p>Summary: Mrs X complained.</p>${'<span>'.repeat(depth)}deep text${'</span>'.repeat(depth)}</article></body>`;
    let message = '';
    try {
      parseDecision(page);
    } catch (err) {
      message = String(err);
    }
    expect(message).not.toMatch(/call stack/i);
  });

  it('reads Markdown lists nested 1,000 deep in seconds, not minutes (nesting past a dozen levels is read at that depth)', () => {
    const depth = 1000;
    const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
    const md = `# Kent County Council (17 002 402)\n\n**Summary:** Mrs X complained about transport.\n\n## Final decision\n\n${lines.join('\n')}\n`;
    parseDecision(md.slice(0, 400), { format: 'markdown' }); // warm the parser up: time the nesting, not the first call
    const started = performance.now();
    let message = '';
    try {
      parseDecision(md, { format: 'markdown' });
    } catch (err) {
      message = String(err);
    }
    expect(performance.now() - started).toBeLessThan(3000); // about 0.2 s idle; 86 s before the limit
    expect(message).not.toMatch(/call stack/i);
  });
});

describe('an article body wrapped in one inline element', () => {
  for (const tag of ['span', 'font', 'a']) {
    it(`keeps its sections inside <${tag}>`, () => {
      const page = html.replace('<article id="article">', `<article id="article"><${tag}>`).replace('</article>', `</${tag}></article>`);
      const r = parseDecision(page);
      expect(r.sections.map((s) => s.heading)).toEqual(original.sections.map((s) => s.heading));
      expect(r.truncated).toBe(original.truncated);
      expect(r.paymentTotal).toBe(original.paymentTotal);
    });
  }

  for (const tag of ['span', 'font', 'a']) {
    it(`keeps its sections when the text inside <${tag}> is lines split by <br>`, () => {
      const seed = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'pages', 'seed-breakdown-not-extra', 'source.txt'), 'utf8');
      const want = parseDecision(seed);
      const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const page = `<html><body><article id="article"><${tag}>${seed.split('\n').map(esc).join('<br>\n')}</${tag}></article></body></html>`;
      const r = parseDecision(page);
      expect(r.sections.map((s) => s.heading)).toEqual(want.sections.map((s) => s.heading));
      expect(r.truncated).toBe(false);
      expect(r.remedies.map((x) => x.kind)).toEqual(want.remedies.map((x) => x.kind));
    });
  }
});
