import { describe, expect, it } from 'vitest';
import { cleanIdentifier, cleanLatex } from '../../../indexer/readers/latex.ts';

describe('latex', () => {
  it.each([
    ['{\\"u}ber', 'über'],
    ['J\\"urgen', 'Jürgen'],
    ["\\'{\\i}ndice", 'índice'],
    ['\\c{c}a', 'ça'],
    ['\\v{S}ediv{\\`y}', 'Šedivỳ'],
    ['O{\\u{g}}uz', 'Oğuz'],
    ['Stra\\ss e', 'Straße'],
    ['\\o{}ystein', 'øystein'],
    ['R\\&D at 5\\% cost', 'R&D at 5% cost'],
    ['\\{braces\\} stay', '{braces} stay'],
    ['{{BERT}}: Pre-training', 'BERT: Pre-training'],
    ['\\emph{Large} \\textbf{Language}', 'Large Language'],
    ['\\LaTeX{} is fine', 'LaTeX is fine'],
    ['$\\alpha$-divergence --- and 1--2', 'α-divergence — and 1–2'],
    ["``quoted''", '“quoted”'],
    ['non~breaking\\\\ line', 'non breaking line'],
    ['\\MyMacro model', 'MyMacro model'],
  ])('turns %s into %s', (input, expected) => {
    expect(cleanLatex(input)).toBe(expected);
  });

  it('keeps tildes and double hyphens in identifiers, dropping braces and escapes', () => {
    expect(cleanIdentifier('https://example.org/~user/a--b\\_c{}')).toBe('https://example.org/~user/a--b_c');
  });
});
