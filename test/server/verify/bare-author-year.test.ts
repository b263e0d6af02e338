import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../../server/verify/parse-citations.ts';

const markersOf = (text: string) => parseCitations(text).map((c) => c.marker);

describe('bare-author-year', () => {
  // Regression: "As Rando et al., 2026, p. 12 argue" was read as no citation.
  it('reads "Rando et al., 2026, p. 12" written without parentheses as part of the sentence', () => {
    const text = 'As Rando et al., 2026, p. 12 argue, junking is hard; van der Berg et al. 2021, 2022 agree.';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end), c.narrative])).toEqual([
      ['Rando et al., 2026', 'Rando et al., 2026, p. 12', true],
      ['van der Berg et al., 2021', 'van der Berg et al. 2021, 2022', true],
      ['van der Berg et al., 2022', 'van der Berg et al. 2021, 2022', true],
    ]);
    expect(markersOf("Lin et al.'s 2026 paper shows reversibility.")).toEqual(['Lin et al., 2026']);
    expect(markersOf('In Paris, 2020 was hot; Lin et al., 2026, 3 models and (Lin et al., 2026) differ.')).toEqual([
      'Lin et al., 2026',
      'Lin et al., 2026',
    ]);
  });
});
