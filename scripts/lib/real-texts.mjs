/**
 * @file The real decisions this checkout can see, as index text (what `lgo build` puts in the
 * full-text index): the bundled seeds in corpus/, the golden fixture pages, and, when present,
 * ../shared/seeds and ../shared/gold. One text per reference (duplicates dropped).
 */
import fs from 'node:fs';
import path from 'node:path';

/** @returns {Promise<{ref: string, text: string, category: string|null}[]>} */
export async function realDecisions(root) {
  const { parseDecision } = await import(path.join(root, 'dist', 'parse.js'));
  const { ftsText } = await import(path.join(root, 'dist', 'store', 'write.js'));
  const out = new Map();
  const add = (record) => {
    if (!record?.ref || out.has(record.ref)) return;
    const t = ftsText(record);
    out.set(record.ref, { ref: record.ref, text: `${t.summary}\n${t.headings}\n${t.organisation}\n${t.body}`, category: record.category });
  };
  const tryParse = (input, url) => {
    try {
      add(parseDecision(input, url ? { url } : {}));
    } catch {
      /* not a decision (a listing or cookie page fixture) */
    }
  };
  const files = (dir, re) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => re.test(n)).map((n) => path.join(dir, n)) : []);
  for (const f of files(path.join(root, 'corpus'), /\.(txt|html?|md)$/)) tryParse(fs.readFileSync(f));
  const pages = path.join(root, 'test', 'fixtures', 'pages');
  for (const slug of fs.existsSync(pages) ? fs.readdirSync(pages) : []) {
    const src = files(path.join(pages, slug), /^source\./)[0];
    const meta = JSON.parse(fs.readFileSync(path.join(pages, slug, 'meta.json'), 'utf8'));
    if (src) tryParse(fs.readFileSync(src), meta.url);
  }
  const shared = path.join(root, '..', 'shared');
  for (const f of files(path.join(shared, 'seeds'), /\.(txt|html?|md)$/)) tryParse(fs.readFileSync(f));
  for (const f of files(path.join(shared, 'gold', 'pages'), /\.json$/)) {
    const g = JSON.parse(fs.readFileSync(f, 'utf8'));
    if (typeof g.text === 'string') tryParse(g.text, g.url);
  }
  return [...out.values()];
}
