import { describe, expect, it } from 'vitest';
import { claimText, sentencesWithCitations } from '../../../server/verify/claim-sentences.ts';

const claimsOf = (body: string) =>
  sentencesWithCitations(body, []).map((sentence) => ({
    text: body.slice(sentence.start, sentence.end),
    clean: claimText(body, sentence),
    cites: sentence.citations.map((c) => c.marker),
  }));

describe('claim-sentences', () => {
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
});
