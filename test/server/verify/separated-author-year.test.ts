import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../../server/verify/parse-citations.ts';

describe('separated-author-year', () => {
  // Regression: APA's "As Lin notes, '…' (2026, p. 3)" was read as no citation.
  it('reads a year in parentheses of its own as a citation of the author the sentence names before a reporting verb', () => {
    const text =
      'As Lin notes, “sinks carry no meaning” (2026, p. 3). Rathi and Chen found that batch size dominates (2025: 4). ' +
      'Lin et al. argue that sinks are structural (2024). Lin notes it. The budget grew (2023). This shows growth (2022).';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end), c.narrative ?? false])).toEqual([
      ['Lin, 2026', '(2026, p. 3)', false],
      ['Rathi and Chen, 2025', '(2025: 4)', false],
      ['Lin et al., 2024', '(2024)', false],
    ]);
  });

  // Regression: "Results showed a rise in mortality (2020)." cited an author "Results" (and "Our
  // Experiments found …", "Data showed …"), each a citation not in the library under verify --strict.
  it('takes no common noun or word inside the sentence for the author of a year in parentheses of its own', () => {
    const text =
      'Results showed a rise in mortality (2020). Our Experiments found no effect (2020). Data showed an increase (2020). ' +
      'Findings suggest it (2021). Lin argues that sinks persist (2026) across models.';
    expect(parseCitations(text)).toEqual([]);
  });

  it('reads the author where it opens the sentence, follows "As" or "According to", or has "et al." or a co-author', () => {
    const text =
      'Lin argues that sinks persist (2026). As Chen notes, “valence is early” (2025, p. 4). ' +
      'According to Wu, sinks carry no meaning (2024). In short, Rathi et al. found that batch size dominates (2023). ' +
      'Later, Rando and Vaiter showed that junking is hard (2022).';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end)])).toEqual([
      ['Lin, 2026', '(2026)'],
      ['Chen, 2025', '(2025, p. 4)'],
      ['Wu, 2024', '(2024)'],
      ['Rathi et al., 2023', '(2023)'],
      ['Rando and Vaiter, 2022', '(2022)'],
    ]);
  });

  // Regression: "Lin and Bennett argue … (2026)" was read as "et al." because /et/ matched inside "Bennett".
  it('reads "Lin and Bennett" as two authors, not as et al.', () => {
    const [citation] = parseCitations('Lin and Bennett argue that sinks are structural (2026).');
    expect(citation?.target).toEqual({ kind: 'author-year', surname: 'Lin', year: '2026', etAl: false });
  });
});
