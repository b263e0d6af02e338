import { describe, expect, it } from 'vitest';
import { maskLatexMarkup, plainOfLatex } from '../../../server/verify/latex-source.ts';

describe('latex-source', () => {
  it('blanks comments and headings of LaTeX source, keeping every offset and every citation', () => {
    const text =
      '\\section{Related work}\\label{sec:rw}\nSinks are structural~\\cite{lin2026}. % check this\nCost is 5\\% lower.';
    const masked = maskLatexMarkup(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.trim().split(/\s{2,}|\n/u)).toEqual(['Sinks are structural~\\cite{lin2026}.', 'Cost is 5\\% lower.']);
  });

  it('leaves prose that only mentions a backslash or a percent sign as it is', () => {
    const text = 'Paths such as C:\\data hold 40% of the files.';
    expect(maskLatexMarkup(text)).toBe(text);
    // In LaTeX source, "5%" after a digit is a percent sign someone pasted, not a comment.
    const cited = 'Recall rose by 12% in adults~\\cite{lin26}. % check';
    expect(maskLatexMarkup(cited)).toBe(`Recall rose by 12% in adults~\\cite{lin26}.        `);
  });

  it('reads a claim without formatting commands, ties or escapes', () => {
    expect(plainOfLatex('A \\emph{structural} artefact~(see Section~\\ref{sec:rw}) cut costs by 5\\%---twice.')).toBe(
      'A structural artefact (see Section ) cut costs by 5%–twice.',
    );
  });
});
