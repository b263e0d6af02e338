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

  // Regression: the pinpoint after a bare "et al., 2026" had its own grammar, which knew no "Appendix B".
  it('keeps every pinpoint the parenthetical form knows in the span: "Appendix B", "Thm. 2", "Section 3.2"', () => {
    const text =
      'As Rando et al., 2026, Appendix B argue, junking is hard; Lin et al., 2025, Thm. 2 and Chen et al. 2024, Section 3.2 agree.';
    expect(parseCitations(text).map((c) => text.slice(c.start, c.end))).toEqual([
      'Rando et al., 2026, Appendix B',
      'Lin et al., 2025, Thm. 2',
      'Chen et al. 2024, Section 3.2',
    ]);
  });
});
