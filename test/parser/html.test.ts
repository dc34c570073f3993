import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';

const article = `<article id="article"><h1>Kent County Council (19 020 818)</h1>
<div><span class="label">Category</span> : <span>Education &gt; School transport</span></div>
<div><span class="label">Decision</span> : <span>Upheld</span></div>
<div><span class="label">Decision date</span> : <span>03 Jun 2021</span></div>
<h2>The Ombudsman's final decision:</h2><p><strong>Summary</strong>: Mr X complained. The Council agreed to pay Mr X &pound;150.</p>
<h3>The complaint</h3><ol><li>Mr X complained about transport.</li></ol><p><a href="#top">Back to top</a></p>
<h3>Final decision</h3><ol start="2"><li>I uphold this complaint.</li></ol>
<p>Investigator's decision on behalf of the Ombudsman</p></article>`;

describe('HTML pages', () => {
  it('reads a decision inside an ASP.NET page-wide <form>', () => {
    const r = parseDecision(`<!DOCTYPE html><html><body><form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x"><nav><a>Home</a></nav>${article}</form></body></html>`);
    expect(r).toMatchObject({ ref: '19 020 818', organisation: 'Kent County Council', category: 'Education', subcategory: 'School transport', outcome: 'Upheld', decisionDate: '2021-06-03', paymentTotal: 150, decisionMaker: 'Investigator' });
    expect(r.sections.map((s) => s.heading)).toEqual(['The complaint', 'Final decision']);
  });

  it('keeps a title and header block that stand before the article, and drops scripts and navigation inside it', () => {
    const r = parseDecision(`<html><head><title>x</title><script>var a = "Summary: not this";</script></head><body><h1>Kent County Council (19 020 818)</h1>
      <main><article><nav>Home | Decisions</nav><script>track()</script>${article.replace(/<h1>.*?<\/h1>/, '')}</article></main></body></html>`);
    expect(r.organisation).toBe('Kent County Council');
    expect(r.summary).toBe('Mr X complained. The Council agreed to pay Mr X £150.');
    expect(JSON.stringify(r)).not.toMatch(/track\(\)|Home \| Decisions/);
  });

  it('reads header pairs written as a definition list or a table', () => {
    const dl = article.replace(/<div>.*?<\/div>\n<div>.*?<\/div>\n<div>.*?<\/div>/s, '<dl><dt>Category</dt><dd>Education &gt; School transport</dd><dt>Decision</dt><dd>Upheld</dd><dt>Decision date</dt><dd>03 Jun 2021</dd></dl>');
    const table = article.replace(/<div>.*?<\/div>\n<div>.*?<\/div>\n<div>.*?<\/div>/s, '<table><tr><th>Category:</th><td>Education &gt; School transport</td></tr><tr><th>Decision:</th><td>Upheld</td></tr><tr><th>Decision date:</th><td>03 Jun 2021</td></tr></table>');
    for (const html of [dl, table]) expect(parseDecision(html)).toMatchObject({ category: 'Education', outcome: 'Upheld', decisionDate: '2021-06-03' });
  });
});

describe('Summary without its label', () => {
  it('takes the paragraph right after "The Ombudsman\'s final decision:"', () => {
    const r = parseDecision("Kent County Council (19 020 818)\nThe Ombudsman's final decision:\nMr X complained about school transport. We found fault.\nThe complaint\n1. Mr X complained.\nFinal decision\n2. I uphold this complaint.");
    expect(r.summary).toBe('Mr X complained about school transport. We found fault.');
    expect(r.outcome).toBe('Upheld');
  });
});
