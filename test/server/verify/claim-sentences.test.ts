import { describe, expect, it } from 'vitest';
import { claimText, sentencesWithCitations } from '../../../server/verify/claim-sentences.ts';

const claimsOf = (body: string) =>
  sentencesWithCitations(body, []).map((sentence) => ({
    text: body.slice(sentence.start, sentence.end),
    clean: claimText(body, sentence),
    cites: sentence.citations.map((c) => c.marker),
  }));

describe('claim-sentences', () => {
  it('cuts a citation with its lead-in from the claim, and keeps the name of a thing before a year as words', () => {
    const body =
      'Batch size matters less than prefixes (a finding replicated by Rathi, 2026). The Transformer (2017) changed NLP.';
    expect(claimsOf(body)).toEqual([
      {
        text: 'Batch size matters less than prefixes (a finding replicated by Rathi, 2026).',
        clean: 'Batch size matters less than prefixes.',
        cites: ['Rathi, 2026'],
      },
      { text: 'The Transformer (2017) changed NLP.', clean: 'The Transformer (2017) changed NLP.', cites: [] },
    ]);
  });

  it('joins a sentence that a PDF copy breaks across lines, hyphenated words included', () => {
    const body =
      'Recent work shows that ternary neural networks run on every-\nday consumer CPUs through SIMD kernels [1]. Im-\nproving faithfulness raises leak-\nage risk [2].';
    expect(claimsOf(body)).toEqual([
      {
        text: 'Recent work shows that ternary neural networks run on every-\nday consumer CPUs through SIMD kernels [1].',
        clean: 'Recent work shows that ternary neural networks run on everyday consumer CPUs through SIMD kernels.',
        cites: ['[1]'],
      },
      {
        text: 'Im-\nproving faithfulness raises leak-\nage risk [2].',
        clean: 'Improving faithfulness raises leakage risk.',
        cites: ['[2]'],
      },
    ]);
  });

  it('starts a sentence at a bracketed number that is its subject, "[2] showed that …", and keeps "… 2026. [3] The …" before', () => {
    const body =
      'In [1], valence is asymmetric. [2] showed that junking is hard. Sinks persist in 2026. [3] The end is near.';
    expect(claimsOf(body).map((c) => [c.text, c.cites])).toEqual([
      ['In [1], valence is asymmetric.', ['[1]']],
      ['[2] showed that junking is hard.', ['[2]']],
      ['Sinks persist in 2026. [3]', ['[3]']],
      ['The end is near.', []],
    ]);
  });

  it('ends a claim at a mark written after its full stop, a footnote or a bracket, and starts the next after it', () => {
    const body = 'RAG systems leak more when they obey well.[^1] Feather groups requests by prefix.[2] Sinks persist.';
    expect(claimsOf(body)).toEqual([
      {
        text: 'RAG systems leak more when they obey well.[^1]',
        clean: 'RAG systems leak more when they obey well.',
        cites: ['[^1]'],
      },
      { text: 'Feather groups requests by prefix.[2]', clean: 'Feather groups requests by prefix.', cites: ['[2]'] },
      { text: 'Sinks persist.', clean: 'Sinks persist.', cites: [] },
    ]);
    // A break the sentence splitter makes inside a citation that the sentence goes on after is no break.
    expect(claimsOf('As shown (Lin et al. 2026) sinks persist.').map((c) => c.text)).toEqual([
      'As shown (Lin et al. 2026) sinks persist.',
    ]);
  });

  it('joins a line that ends without punctuation to one that goes on in lower case', () => {
    expect(claimsOf('Ternary networks run on\nconsumer CPUs [1].').map((c) => c.clean)).toEqual([
      'Ternary networks run on consumer CPUs.',
    ]);
  });

  it('ends a claim at a line that ends with its citation, and at a long Markdown heading', () => {
    const body = [
      '## Results on the three collections held out by claim',
      'Ternary networks run on consumer processors at speed [1]',
      'Faithful retrieval leaks more data than unfaithful retrieval [2]',
    ].join('\n');
    expect(claimsOf(body).map((c) => c.cites)).toEqual([[], ['[1]'], ['[2]']]);
  });

  it('keeps a heading, list items, a blank line and a reference entry apart from the lines around them', () => {
    const body = [
      'Results',
      'Ternary networks run on consumer CPUs [1].',
      '- Faithful retrieval leaks more',
      '- Sinks are structural [2]',
      '',
      'Valence is processed early in the layers',
      '[3] A reference entry, 2026.',
    ].join('\n');
    expect(claimsOf(body).map((c) => c.clean)).toEqual([
      'Results',
      'Ternary networks run on consumer CPUs.',
      'Faithful retrieval leaks more',
      'Sinks are structural',
      'Valence is processed early in the layers',
      'A reference entry, 2026.',
    ]);
  });

  // Regression: a citation opening a paragraph was moved to the last sentence of the paragraph before.
  it('keeps a citation that opens a paragraph in that paragraph', () => {
    const body = 'Junking is hard (Rando, 2026).\n\n(see Rathi 2026) Batch size matters more than prefixes.';
    expect(claimsOf(body)).toEqual([
      { text: 'Junking is hard (Rando, 2026).', clean: 'Junking is hard.', cites: ['Rando, 2026'] },
      {
        text: '(see Rathi 2026) Batch size matters more than prefixes.',
        clean: 'Batch size matters more than prefixes.',
        cites: ['Rathi, 2026'],
      },
    ]);
  });

  // Regression: a table's rows ran together into one claim that carried every row's citations.
  it('reads each row of a Markdown table as one claim with its own citations, without the bars', () => {
    const body = [
      '| Claim | Source |',
      '|---|:--:|',
      '| Sinks carry no semantic meaning at all | [1] |',
      '| Junking LLMs is hard. It costs a lot | Rando et al. (2026) |',
    ].join('\n');
    expect(claimsOf(body)).toEqual([
      { text: 'Claim | Source', clean: 'Claim; Source', cites: [] },
      {
        text: 'Sinks carry no semantic meaning at all | [1]',
        clean: 'Sinks carry no semantic meaning at all',
        cites: ['[1]'],
      },
      {
        text: 'Junking LLMs is hard. It costs a lot | Rando et al. (2026)',
        clean: 'Junking LLMs is hard. It costs a lot',
        cites: ['Rando et al., 2026'],
      },
    ]);
  });

  // Regression: the claim kept what a citation left behind: "****", "()", a leading ":".
  it('reads a claim without the emphasis, empty parentheses and leading colon its citations leave', () => {
    const body =
      '**Rathi (2026)** finds batch size matters. Reversal is possible ([Lin 2026](https://arxiv.org/abs/2601.04321)).\n' +
      '- Rando and Vaiter (2026): junking LLMs is *hard*. Sinks persist (as shown previously (Lin, 2026)).';
    expect(claimsOf(body).map((c) => c.clean)).toEqual([
      'finds batch size matters.',
      'Reversal is possible.',
      'junking LLMs is hard.',
      'Sinks persist (as shown previously).',
    ]);
  });

  // Regression: every "*" and "_" was taken for emphasis, and every "()" for what a citation left:
  // "A* search" read "A search", "2 * 3" read "2 3", "__init__" read "init", "f() and g(in)" read "f and g".
  it('strips paired emphasis only, and keeps operators, code names and the empty parentheses of code', () => {
    const body =
      'A* search is optimal with an admissible heuristic [1]. Thus 2 * 3 = 6 as shown [1]. ' +
      'The __init__ method runs once [1]. Calling f() and g(in) costs little [1]. ' +
      '**Lin et al. (2026) show** that sinks are _not_ semantic, ***always*** [1].';
    expect(claimsOf(body).map((c) => c.clean)).toEqual([
      'A* search is optimal with an admissible heuristic.',
      'Thus 2 * 3 = 6 as shown.',
      'The __init__ method runs once.',
      'Calling f() and g(in) costs little.',
      'show that sinks are not semantic, always.',
    ]);
  });

  // Regression: "approx." ended a sentence before a citation that opens a clause, though the
  // segmenter's repair already knew it never ends one.
  it('does not end a sentence at "approx." or "incl." before a citation', () => {
    expect(claimsOf('The cost rises by approx. [2] shows that it doubles.').map((c) => c.text)).toEqual([
      'The cost rises by approx. [2] shows that it doubles.',
    ]);
  });

  // Regression: "## Results (2026)" was read as a citation of an author named Results.
  it('reads no author in a heading before a year, and still reads the citations of the text under it', () => {
    const body = '## Results (2026)\n\nSinks are structural (Lin, 2026).';
    expect(claimsOf(body).map((c) => [c.text, c.cites])).toEqual([
      ['Results (2026)', []],
      ['Sinks are structural (Lin, 2026).', ['Lin, 2026']],
    ]);
  });

  // Regression: "Many studies, e.g." was a claim of its own, and "Lin et al. (2026), show …" another.
  it('does not end a sentence at "e.g." or "i.e." before a capitalized name, nor at "p." before a page', () => {
    expect(
      claimsOf('Lin (2026) shows reversal by "latent switches" (p. 4). Sinks persist.').map((c) => c.text),
    ).toEqual(['Lin (2026) shows reversal by "latent switches" (p. 4).', 'Sinks persist.']);
    expect(claimsOf('Valence is early (Ref. [2]). Sinks persist (as reported in [1]).')).toEqual([
      { text: 'Valence is early (Ref. [2]).', clean: 'Valence is early.', cites: ['[2]'] },
      { text: 'Sinks persist (as reported in [1]).', clean: 'Sinks persist.', cites: ['[1]'] },
    ]);
    const body =
      'Many studies, e.g. Lin et al. (2026), show reversibility. Sinks persist, i.e. Rathi (2026) finds them.';
    expect(claimsOf(body).map((c) => [c.text, c.cites])).toEqual([
      ['Many studies, e.g. Lin et al. (2026), show reversibility.', ['Lin et al., 2026']],
      ['Sinks persist, i.e. Rathi (2026) finds them.', ['Rathi, 2026']],
    ]);
  });

  // Regression: "… structural. (Lin, 2026) Valence …" was one claim citing Lin for both sentences.
  it('ends a claim at a parenthetical citation written after its full stop, before a capitalized sentence', () => {
    const body =
      'Sinks are structural. (Lin, 2026) Valence is asymmetric. Junking is hard. ([arxiv.org](https://arxiv.org/abs/2601.04321)) ' +
      'Reversal is possible, see <https://arxiv.org/abs/2601.04322>.';
    expect(claimsOf(body).map((c) => [c.text, c.clean, c.cites])).toEqual([
      ['Sinks are structural. (Lin, 2026)', 'Sinks are structural.', ['Lin, 2026']],
      ['Valence is asymmetric.', 'Valence is asymmetric.', []],
      ['Junking is hard. ([arxiv.org](https://arxiv.org/abs/2601.04321))', 'Junking is hard.', ['arXiv:2601.04321']],
      [
        'Reversal is possible, see <https://arxiv.org/abs/2601.04322>.',
        'Reversal is possible, see.',
        ['arXiv:2601.04322'],
      ],
    ]);
  });

  // Regression: "1. **Sinks.** The sink …" gave the claims "1.", "**Sinks." and "** The sink …".
  it('reads a numbered list item with a bold lead as its lead and its sentence, without the stray markup', () => {
    const body = '1. **Attention sinks.** The sink carries no semantic meaning (Lin, 2026).\n2. Valence is early.';
    expect(claimsOf(body).map((c) => [c.text, c.cites])).toEqual([
      ['**Attention sinks.**', []],
      ['The sink carries no semantic meaning (Lin, 2026).', ['Lin, 2026']],
      ['Valence is early.', []],
    ]);
  });
});
