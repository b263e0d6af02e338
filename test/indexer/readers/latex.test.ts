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

  it('keeps the dollars of sums of money, escaped or not, and drops those around math', () => {
    expect(cleanLatex('from \\$10 million to \\$1000')).toBe('from $10 million to $1000');
    expect(cleanLatex('from $5 million to $3 million at $10^{-3}$ and $n$, $$E = mc^2$$')).toBe(
      'from $5 million to $3 million at 10^-3 and n, E = mc^2',
    );
  });

  it.each([
    ['\\textcopyright{} 2021 Elsevier Ltd.', '© 2021 Elsevier Ltd.'],
    ['{\\textbullet} first {\\textsection}2', '• first §2'],
    ["{\\textquestiondown}Qu{\\'e}? {\\textonehalf} dose, 5{\\textperthousand}", '¿Qué? ½ dose, 5‰'],
    ['\\textasciitilde{}50\\% of cases', '~50% of cases'],
    ['{$\\lesssim$}1 and {$\\propto$} x', '≲1 and ∝ x'],
    ['{\\em Drosophila} and {\\bf bold} and {\\it in vivo}', 'Drosophila and bold and in vivo'],
  ])('turns Better BibTeX and old-style markup %s into %s', (input, expected) => {
    expect(cleanLatex(input)).toBe(expected);
  });

  it("drops spacing commands with their length, keeps a link's text, and keeps a \\url's address as written", () => {
    expect(cleanLatex('5\\hspace{0.166em}kg and\\vspace*{1ex} more')).toBe('5 kg and more');
    expect(cleanLatex('see \\href{https://example.org/a\\%20b}{the \\emph{project} page}')).toBe(
      'see the project page',
    );
    expect(cleanLatex('at \\url{https://example.org/~user/a--b\\_c}.')).toBe('at https://example.org/~user/a--b_c.');
  });

  it("turns an abstract's paragraph and line breaks into spaces instead of leaving their names in the text", () => {
    expect(cleanLatex('A first paragraph.\\par A second.\\par\n\\noindent A third\\newline line.')).toBe(
      'A first paragraph. A second. A third line.',
    );
    expect(cleanLatex('$x \\parallel y$ and $\\partial f$')).toBe('x ∥ y and ∂ f');
  });

  it('keeps tildes and double hyphens in identifiers, dropping braces and escapes', () => {
    expect(cleanIdentifier('https://example.org/~user/a--b\\_c{}')).toBe('https://example.org/~user/a--b_c');
  });
});
