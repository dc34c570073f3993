/**
 * @file The search benchmark's query mix and its exactness check. The mix has common words (in
 * nearly every decision), mid-frequency and rare words, phrases, a prefix, OR, NOT, fields, a
 * reference typed as the query, filters and the three sorts. `exactTop` ranks a query the plain
 * way (every match of the MATCH expression scored by bm25 with the same weights, in one SQL
 * statement without LIMIT; filters tested per decision afterwards; sorted here), to measure the
 * engine's overlap@10 with it.
 */

/** [label, argv] pairs; `{ref}` is replaced by a reference from the database. */
export const QUERIES = [
  ['council'],
  ['complaint', '--sort', 'date'],
  ['distress'],
  ['council complaint'],
  ['"child in need"'],
  ['social worker', '--organisation', 'Leeds'],
  ['assess*'],
  ['care OR nursing', '--outcome', 'upheld'],
  ['safeguarding -school', '--from', '2020'],
  ['distress', '--remedy', 'payment', '--sort', 'payment'],
  ['homelessness'],
  ['apologise', '--category', 'Housing', '--min-payment', '500'],
  ['"care plan" review'],
  ['child NOT protection'],
  ['"temporary accommodation" category:housing'],
  ['summary:"EHC plan" tribunal'],
  ['pothole'],
  ['bailiffs OR "enforcement agents"', '--from', '2022', '--sort', 'date'],
  ['{ref}'],
  ['zygomorphic'],
];

/** `lgo search` flags -> searchStore's request. */
export function requestOf(argv, normaliseFilters) {
  const [query, ...rest] = argv;
  const flags = {};
  for (let i = 0; i < rest.length; i += 2) flags[rest[i].slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = rest[i + 1];
  const { sort, ...filters } = flags;
  return { query, filters: normaliseFilters(filters), sort, limit: 20 };
}

/**
 * The top `k` refs by the plain exact ranking, or null when the query is not ranked by relevance.
 * @param {import('better-sqlite3').Database} db
 */
export function exactTop(db, req, compileQuery, compileFilters, weights, k = 10) {
  const q = compileQuery(req.query);
  if ((req.sort && req.sort !== 'relevance') || !q.match) return null;
  const scored = db.prepare(`SELECT rowid AS id, -bm25(decisions_fts, ${weights.join(', ')}) AS score FROM decisions_fts WHERE decisions_fts MATCH ?`).all(q.match);
  const f = compileFilters(req.filters);
  const conds = [f, q.where].filter((w) => w.sql !== '1');
  const keep = db.prepare(`SELECT d.ref FROM decisions d WHERE d.id = ?${conds.map((w) => ` AND ${w.sql}`).join('')}`).pluck();
  const params = conds.flatMap((w) => w.params);
  const refFirst = q.ref ? db.prepare(`SELECT d.id FROM decisions d WHERE d.ref = ?${conds.map((w) => ` AND ${w.sql}`).join('')}`).pluck().get(q.ref, ...params) : undefined;
  scored.sort((a, b) => b.score - a.score || b.id - a.id);
  const out = refFirst === undefined ? [] : [q.ref];
  for (const s of scored) {
    if (out.length >= k) break;
    if (s.id === refFirst) continue;
    const ref = keep.get(s.id, ...params);
    if (ref !== undefined) out.push(ref);
  }
  return out;
}
