import { describe, expect, it } from 'vitest';
import { inferOutcome } from '../../src/extract/outcome.js';

describe('inferOutcome: the outcome read from the text', () => {
  it.each([
    ['I uphold this complaint. I found fault which caused injustice to Mr X.', 'Upheld'],
    ['I do not uphold Mrs X’s complaint.', 'Not upheld'],
    ['We will not investigate this complaint about parking.', 'Closed after initial enquiries'],
    ['The Ombudsman will not investigate this complaint.', 'Closed after initial enquiries'],
    ['I have completed my investigation. I have found fault causing injustice.', 'Upheld'],
    ['We find the Council at fault for failing to ensure Mrs C’s stay was authorised.', 'Upheld'],
    ['We found its failure to respond to her emails was fault. We did not find fault in the way the Council assessed her priority.', 'Upheld'],
    ['I found no fault in the decision, but there was fault in how the Council handled the complaint.', 'Upheld'],
    ['I have completed my investigation and have not found fault.', 'Not upheld'],
    ['We have found no evidence of fault in the way the Council dealt with these matters.', 'Not upheld'],
    ['Ms X complains the Council was at fault. We have found no evidence of fault.', 'Not upheld'],
    ['I have completed my investigation.', null],
    ['We cannot investigate this complaint because Mr X has appealed to the tribunal.', 'Closed after initial enquiries'],
    ['Miss Q complains about the Council’s delays. The Ombudsman upholds the complaint. The Council has agreed to our recommendations.', 'Upheld'],
    ['We find the Care Provider’s management of her weight loss and its complaint handling all caused injustice to Mrs X.', 'Upheld'],
    ['We find the delay did not cause injustice to Mrs X.', null],
    ['We have found fault by the Council in failing to carry out all the checks it said it would complete, causing injustice.', 'Upheld'],
    ['We find the Council failed to assess the risks. The Council will remedy the injustice caused by fault by moving the other resident.', 'Upheld'],
    ['We found evidence of neglect. The care provider will also apologise to Mrs W and make a symbolic payment.', 'Upheld'],
  ])('%s -> %s', (text, outcome) => expect(inferOutcome([text])).toBe(outcome));

  it('reads paragraphs in order of authority: the first that says anything decides', () => {
    expect(inferOutcome(['I have completed my investigation.', 'We found no fault.', 'The Council was at fault.'])).toBe('Not upheld');
  });
});
