/**
 * @file A stand-in parser for the benchmark only: reads the plain-text layout that
 * gen-synthetic.mjs writes (title, header block, Summary, headings, numbered paragraphs) into a
 * DecisionRecord, so the store and search can be measured apart from the real parser
 * (`npm run bench -- --parser simple`). Not for real pages.
 */
const MONTHS = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
const STOP = /^(Back to top|Print this page|LGO logogram)$/;

/** Same shape as parseDecision(input, { url, source }). */
export function simpleParse(input, opts = {}) {
  const text = Buffer.from(input).toString('utf8');
  const lines = text.split('\n');
  const title = /^(.*) \((\d{2} \d{3} \d{3})\)$/.exec(lines[0] ?? '');
  if (!title) throw Object.assign(new Error(`${opts.source ?? 'input'}: not a decision page`), { code: 'not-a-decision' });
  const header = (label) => (new RegExp(`^${label} : (.*)$`, 'm').exec(text) ?? [])[1] ?? null;
  const [category, subcategory] = (header('Category') ?? '').split(' > ');
  const d = /^(\d{2}) (\w{3}) (\d{4})$/.exec(header('Decision date') ?? '');
  const sections = [];
  let summary = null;
  let current = null;
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    if (!line || STOP.test(line) || /^(Category|Decision|Decision date) :/.test(line) || line === "The Ombudsman's final decision:") continue;
    if (/^Review your privacy settings/.test(line)) break;
    if (line.startsWith('Summary: ')) summary = line.slice(9);
    else if (/^\s+\d+\.\s/.test(raw)) current?.paragraphs.push(line.replace(/^\d+\.\s+/, ''));
    else if (/decision on behalf of the Ombudsman$/.test(line)) current = null;
    else sections.push((current = { heading: line, kind: 'other', paragraphs: [] }));
  }
  const payments = [];
  for (const s of sections.filter((x) => x.heading === 'Agreed action'))
    for (const p of s.paragraphs) {
      const m = /will pay (\S+ \S+) £([\d,]+)/.exec(p);
      if (m) payments.push({ amount: Number(m[2].replace(/,/g, '')), currency: 'GBP', recipient: m[1], purpose: 'distress', text: p, perUnit: null, status: 'agreed' });
    }
  return {
    ref: title[2], organisation: title[1], category: category || null, subcategory: subcategory ?? null, categorySource: category ? 'page' : null,
    outcome: header('Decision'), outcomeInferred: false, decisionDate: d ? `${d[3]}-${MONTHS[d[2]]}-${d[1]}` : null, url: opts.url ?? null,
    documentType: 'statement', summary, sections,
    remedies: payments.map((p) => ({ kind: 'payment', text: p.text, deadline: 'within one month of my final decision', source: 'agreed_action' })),
    payments, paymentTotal: payments.reduce((a, p) => a + p.amount, 0),
    amounts: payments.map((p) => ({ amount: p.amount, role: 'remedy', text: p.text, raw: `£${p.amount}`, section: 'Agreed action' })),
    decisionMaker: 'Investigator', truncated: false, warnings: [], schemaVersion: 1,
  };
}
