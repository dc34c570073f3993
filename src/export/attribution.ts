/**
 * @file The attribution every export carries: the source and its re-use terms. Written without
 * commas or quotes so that, as a CSV comment line, it stays one cell in a spreadsheet.
 */

export const SOURCE_NAME = 'Local Government and Social Care Ombudsman';
export const SOURCE_URL = 'https://www.lgo.org.uk/decisions';

/**
 * The one-paragraph attribution for an export made on `date` (ISO date).
 * @example attributionText('2026-11-24') // "Source: Local Government and Social Care Ombudsman ..."
 */
export function attributionText(date: string): string {
  return (
    `Source: ${SOURCE_NAME} - published decisions at ${SOURCE_URL}. ` +
    "Re-use: the Ombudsman's published decisions may be re-used with acknowledgement of the source. " +
    `Extracted by lgo-decisions on ${date}: payments and remedies are read by machine from the decision text ` +
    'and may contain errors - check the decision at its url before relying on a figure.'
  );
}

/** The sidecar file written next to `file` (`payments.csv.attribution.txt`). */
export function sidecarPath(file: string): string {
  return `${file}.attribution.txt`;
}

/** The one-line form for chart captions. */
export function shortAttribution(): string {
  return `Source: ${SOURCE_NAME} - www.lgo.org.uk/decisions - re-used with acknowledgement of the source. Figures read by machine (lgo-decisions).`;
}
