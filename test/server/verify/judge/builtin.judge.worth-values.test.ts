import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// An abstract written for this test: two methods ranked by the share each predicted correctly.
const methods = {
  title: 'Pattern recognition for predicting antitumor activity',
  abstract:
    'We predicted the activity of 24 test compounds in a mouse tumor system. Of the two pattern recognition methods used, the nearest neighbor method predicted 83% correctly while the learning machine method predicted 92% correctly. The important substructural fragments are given.',
};
const { judgePaper } = judgeOverLibrary([methods]);

describe('builtin.judge, on a claim of worth against values of a measure where higher is better', () => {
  it('judges "A outperformed B" contradicted by "A predicted 83% correctly while B predicted 92% correctly"', () => {
    const result = judgePaper('The nearest-neighbour method outperformed the learning machine in that study.', methods);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts).toContain('direction');
    expect(
      judgePaper('The learning machine method outperformed the nearest neighbor method.', methods).verdict,
    ).not.toBe('contradicted');
  });
});
