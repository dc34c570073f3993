/**
 * @file Every pattern the parser matches, in one place, each with what it must and must not
 * match and the page that motivated it. Text is compared after `normaliseQuotes`.
 */

/** Curly quotes and apostrophes to straight ones, so one pattern serves both renderings. */
export function normaliseQuotes(text: string): string {
  if (!CURLY.test(text)) return text;
  return text.replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
}

const CURLY = /[‘’`´“”]/;

/**
 * A list marker at the start of a line: `1.` `12)` `-` `•` `a)` `(a)` `ii.`.
 * Must match "  1. Mrs X complains", "- We investigate", "    • He/she", "a) Stage two".
 * Must not match "1.5 hours a week" (no space after the marker) or "£1,000".
 */
export const ITEM_MARKER = /^(\d{1,3}[.)]|[-–•*▪◦·o](?=\s)|\(?[a-z]\)|\([ivx]{1,5}\)|[ivx]{1,5}\)|[a-h]\.)\s+(.*)$/;

/**
 * Whether a line reads as a heading: short, no sentence punctuation at its end, capitalised.
 * Must accept "What I found", "Complaints about children's social care: statutory complaints procedure",
 * "The recommendation at paragraph 28 (f)". Must reject "I uphold this complaint." and "Summary: Mrs X ...".
 */
export function looksLikeHeading(text: string): boolean {
  // "a) Stage two investigation": a lettered sub-heading reads as the heading after its letter.
  const t = text.trim().replace(/^\(?[a-z]\)\s+(?=[A-Z])/, '');
  if (t.length === 0 || t.length > 110) return false;
  if (STOPS_MID_PHRASE.test(t)) return false; // "Miss X complains the": a line broken mid-phrase
  if (READS_AS_SENTENCE.test(t)) return false; // "I have called the complainant", "These duties are set out in ..." 
  if (/[.;,!]$/.test(t)) return false;
  if (/:$/.test(t) && !/^the ombudsman'?s final decision:$/i.test(normaliseQuotes(t))) return false;
  if (!/^[A-Z0-9("'‘“]/.test(t)) return false;
  if (/£|\bpounds\b/.test(t)) return false;
  // "(Local Government Act 1974, section 34(B))": a citation standing on its own line.
  if (/^\(.*\)$/.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (words > 14) return false;
  // Several sentences on one line are a paragraph.
  if (/[a-z]\. [A-Z]/.test(t)) return false;
  return true;
}

/** A subject then a finite verb: a sentence, never a heading (headings are noun phrases and questions). */
const READS_AS_SENTENCE = /^(?:I|We|He|She|They|It|This|These|Those|There|The (?:Council|council|Ombudsman|care provider|provider)|(?:Mr|Mrs|Ms|Miss|Dr) [A-Z]\w*)\b(?:\s+[\w'’-]+){0,3}?\s+(?:am|is|are|was|were|has|have|had|will|would|should|did|does|do|can|cannot|could|must|may|might|says?|said|called|found|find|considered?|agreed|decided|complain(?:s|ed)?|told|asked|wants?|wanted|believes?|feels?|explained|accepted|refused|failed)\b/;

/** A line that cannot end there: it stops on a comma or a word that needs what follows ("...complained to the"). */
export const STOPS_MID_PHRASE = /(?:,|\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|as|about|into|under|than|that|whether|which|who|her|his|their|its|this|these|those|is|was|were|are|be|been|has|have|had|not|will|would|should|can|could|may|must|did|does|mr|mrs|ms|miss|dr))$/i;

/**
 * The title line: organisation then the reference in brackets.
 * Must match "Care Worldwide (Bradford) Limited (24 023 091)" (organisation keeps its own
 * brackets) and "Kent County Council (17 002 402b)". Must not match "(Local Government Act 1974)".
 */
export const TITLE_LINE = /^(.*\S)\s*\(\s*(\d{2}[ \u00a0-]?\d{3}[ \u00a0-]?\d{3}[a-zA-Z]?)\s*\)\s*\.?$/;

/** A title that is only the reference (public report pages). */
export const BARE_REF_LINE = /^(?:ref(?:erence)?:?\s*)?(\d{2}[ \u00a0-]?\d{3}[ \u00a0-]?\d{3}[a-zA-Z]?)$/i;

/**
 * A header label/value line: "Category : Children's care services > Other", "Decision : Upheld",
 * "Decision date : 03 Jun 2021" (also without the space before the colon, as HTML renders it).
 */
export const HEADER_LINE = /^(category|decision date|date of decision|decision|outcome)\s*:\s*(.*)$/i;

/** "The Ombudsman's final decision:" before the Summary. */
export const FINAL_DECISION_MARKER = /^the ombudsman'?s final decision:?$/i;

/** "Summary: Mrs X complained ..." (the label may stand alone on its line). */
export const SUMMARY_LINE = /^summary\s*:\s*(.*)$/i;

/**
 * The sign-off: "Investigator's decision on behalf of the Ombudsman",
 * "Investigator's final decision on behalf of the Ombudsman", "Assistant Ombudsman's decision".
 */
export const SIGN_OFF = /^(.{3,60}?)'s\s+(?:final\s+)?decision(?:\s+on behalf of the (?:local government (?:and social care )?)?ombudsman)?\.?$/i;

/** Lines of the site's chrome that are never part of a decision (matched whole, after normaliseQuotes). */
export const CHROME_LINES: RegExp[] = [
  /^back to top$/i,
  /^print this page$/i,
  /^lgo logogram$/i,
  /^(review your )?privacy settings$/i,
  /^(required|analytical|functional|marketing|performance|essential) cookies$/i,
  /^view (required|analytical|functional|marketing|performance|essential) cookies$/i,
  /^these cookies enable the website to function properly\b/i,
  /^google analytics cookies help us\b/i,
  /^we recommend you set these '?on'?\.?$/i,
  /^in using google analytics, we do not collect\b/i,
  /^google has developed a tool to help you opt out\b/i,
  /^(accept|reject|save|allow) (all )?(cookies|settings|preferences)$/i,
  /^(skip to (main )?content|share this page|page contents|contents|on this page)$/i,
  /^(on|off)$/i,
];

/** A public-interest report's own label lines. */
export const REPORT_MARKER = /^(report by the local government (and social care )?ombudsman|public interest report|report on an investigation into complaint)/i;

/** "This is", "which comes to": words that restate a sum named before ("the invoice ... This is £19,898"). */
export const RESTATES = String.raw`\b(?:this|that|which) (?:is|was|comes to|came to|totals?|totalled|amounts? to)`;

/**
 * The compliance line of older pages: "Ombudsman satisfied with council's response: 12 September 2017",
 * also "council response", "the council's response", "organisation's response", "with council's actions".
 * Group 1 is the date as written.
 */
export const COMPLIANCE_LINE = /^(?:the )?ombudsman(?:'s)? (?:is |was )?satisfied with (?:the )?(?:council|organisation|care provider|provider|authority|trust|school|body)(?:'s|s'|s)? (?:response|actions?|compliance)\s*[:\-–]?\s*(.{6,30}?)\.?$/i;

/**
 * The imperative (or third-person) verbs an action line starts with when it starts with a
 * capital: "Apologise to Mr X", "Pays Mrs Y £200", "Reviews its policy".
 */
export const ACTION_START = /^(?:to )?(?:apologi[sz]e|pay|make|review|reconsider|remind|provide|arrange|meet|hold|offer|refund|waive|reimburse|write|explain|consider|carry(?: out)?|complete|assess|re-?assess|issue|ensure|take|train|share|update|amend|introduce|produce|develop|prepare|tell|inform|give|send|sent|contact|backdate|cancel|remove|reinstate|identify|audit|monitor|implement|publish|agree|appoint|undertake|confirm|check|find|secure|put|set up|create|allocate|award|repay|reimburse|circulate|deliver|fund|commission|start|begin|decide|report|improve)(?:s|es)?\b/i;

/** The compliance line's label alone, its date on the next line (one line per element). */
export const COMPLIANCE_LABEL = /^(?:the )?ombudsman(?:'s)? (?:is |was )?satisfied with (?:the )?(?:council|organisation|care provider|provider|authority|trust|school|body)(?:'s|s'|s)? (?:response|actions?|compliance)\s*:?$/i;
