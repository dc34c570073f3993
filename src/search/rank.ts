/**
 * @file Ranking settings. Every match is scored by FTS5's bm25() with these field weights over
 * the whole corpus; filters never enter the MATCH expression, so they never change a score.
 */

/**
 * BM25 weights per FTS column (summary, headings, organisation, body): a word in the Summary or
 * a heading says more about what a decision is about than one in the body.
 */
export const FIELD_WEIGHTS = [8, 4, 2, 1] as const;
