import { describe, expect, it } from 'vitest';
import { answerText, unmarkOwnCitations, withMarkers } from '../../../server/answer/answer-text.ts';

const cite = (n: number) => ({ n, paperId: 'p', passageId: 1, field: 'abstract' as const, start: 0, end: 1 });

describe('answer-text', () => {
  it("writes a paper's own bracketed numbers so they cannot be read as the answer's citations", () => {
    expect(unmarkOwnCitations('Pruning barely changes perplexity [7], as shown before [3, 4] and [5–8].')).toBe(
      'Pruning barely changes perplexity (ref. 7), as shown before (ref. 3, 4) and (ref. 5–8).',
    );
    expect(withMarkers({ text: 'Pruning barely changes perplexity [7].', citations: [cite(1)] })).toBe(
      'Pruning barely changes perplexity (ref. 7) [1].',
    );
  });

  it('places markers before the final punctuation', () => {
    expect(
      answerText([
        { text: 'A holds.', citations: [cite(2), cite(1)] },
        { text: 'B holds', citations: [] },
      ]),
    ).toBe('A holds [1, 2]. B holds');
  });
});
