import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLgo } from '../helpers/io.js';

const corpus = path.join(import.meta.dirname, '..', '..', 'corpus');
const seed = (n: string) => path.join(corpus, fs.readdirSync(corpus).find((f) => f.startsWith(n))!);

describe('lgo parse', () => {
  it('says a PDF is not supported, by its bytes or its name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-pdf-'));
    fs.writeFileSync(path.join(dir, 'decision.pdf'), '%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    fs.writeFileSync(path.join(dir, 'renamed.txt'), '%PDF-1.4\nbinary');
    for (const name of ['decision.pdf', 'renamed.txt']) {
      const run = await runLgo(['parse', name], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`lgo: ${name}: PDF is not supported: lgo reads decision pages as HTML, plain text or Markdown\nhint: save the page from www.lgo.org.uk as HTML (or copy its text), or download it with \`lgo fetch REF\`\n`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints one JSON record for one file, and nothing but JSON on stdout', async () => {
    const run = await runLgo(['parse', seed('003')]);
    expect(run.code).toBe(0);
    const record = JSON.parse(run.stdout);
    expect(record).toMatchObject({ ref: '20 008 827', organisation: 'Sandwell Metropolitan Borough Council', paymentTotal: 250 });
    expect(run.stderr).toBe('');
  });

  it('prints JSON Lines for several files, and takes --format', async () => {
    const run = await runLgo(['parse', seed('000'), seed('002')]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l).ref)).toEqual(['19 020 817', '23 019 542']);
    const one = await runLgo(['parse', '--format', 'jsonl', seed('000')]);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('uses --url for the canonical address and the category of a page without a header block', async () => {
    const run = await runLgo(['parse', seed('002'), '--url', 'http://lgo.org.uk/decisions/children-s-care-services/other/23-019-542?displaypref=1']);
    const record = JSON.parse(run.stdout);
    expect(record).toMatchObject({ url: 'https://www.lgo.org.uk/decisions/children-s-care-services/other/23-019-542', category: "Children's care services", subcategory: 'Other', categorySource: 'url', outcome: 'Upheld', outcomeInferred: true });
    expect(run.stderr).toMatch(/warning: the page has no Category line/);
  });

  it('fails with one line naming the file when it is not a decision', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-parse-'));
    const file = path.join(dir, 'cookies.txt');
    fs.writeFileSync(file, 'Review your privacy settings\nRequired cookies\nPrivacy settings\n');
    const run = await runLgo(['parse', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`lgo: ${file}: only cookie/privacy or site navigation text, no decision`]);
  });

  it('names a missing file, and keeps going over the others', async () => {
    const missing = await runLgo(['parse', 'no-such-file.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^lgo: no-such-file\.txt: no such file\n$/);
    const mixed = await runLgo(['parse', 'no-such-file.txt', seed('003')]);
    expect(mixed.code).toBe(1);
    expect(JSON.parse(mixed.stdout).ref).toBe('20 008 827');
    expect(mixed.stderr).toMatch(/no such file/);
  });

  it('rejects a bad --format with a hint and exit code 2', async () => {
    const run = await runLgo(['parse', '--format', 'xml', seed('003')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown --format "xml"\nhint: use --format json or --format jsonl/);
  });
});
