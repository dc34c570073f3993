/** @file The serve benchmarks' query mix (bench-serve.mjs, bench-facets.mjs). */

/** The search benchmark's query mix (scripts/bench-search.mjs) as search-page addresses. */
export const MIX = [
  '/?q=council',
  '/?q=%22child+in+need%22',
  '/?q=social+worker&organisation=Leeds',
  '/?q=assess*',
  '/?q=care+OR+nursing&outcome=upheld',
  '/?q=safeguarding+-school&year=2021',
  '/?q=distress&remedy=payment&sort=payment',
  '/?q=complaint&sort=date',
  '/?q=homelessness',
  '/?q=apologise&category=Housing&band=500-1000',
];
