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
});
