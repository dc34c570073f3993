/**
 * Small factories for table-driven parser tests: a minimal decision page in the seeds' text
 * format around the part under test.
 */
export function decisionText(parts: { action?: string | null; analysis?: string; summary?: string; final?: string; header?: boolean }): string {
  const header = parts.header === false ? '' : 'Category : Education > Special educational needs\nDecision : Upheld\nDecision date : 01 Feb 2023\n';
  return [
    'Testshire County Council (22 001 002)',
    header + "The Ombudsman's final decision:",
    `Summary: ${parts.summary ?? 'Mrs X complained about delay. We found fault.'}`,
    'The complaint',
    '- Mrs X complained about delay.',
    'Analysis',
    `- ${parts.analysis ?? 'I have found fault.'}`,
    parts.action ? `Agreed action\n${parts.action}` : '',
    'Final decision',
    `- ${parts.final ?? 'I have completed my investigation.'}`,
    "Investigator's decision on behalf of the Ombudsman",
  ].filter(Boolean).join('\n');
}
