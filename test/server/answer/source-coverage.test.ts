import { describe, expect, it } from 'vitest';
import type { NumberedSource } from '../../../server/answer/answer-sources.ts';
import { type Concept, conceptForm } from '../../../server/answer/question-concepts.ts';
import { SELECTION_DEFAULTS } from '../../../server/answer/selection-settings.ts';
import { sourceCoverage, unconnectedParts } from '../../../server/answer/source-coverage.ts';
import { paperWith } from '../../support/paper.ts';

const concept = (word: string): Concept => ({ word, form: conceptForm(word), weight: 1, known: true });
const [speculative, decoding, hallucination, summarization] = [
  'speculative',
  'decoding',
  'hallucination',
  'summarization',
].map(concept) as [Concept, Concept, Concept, Concept];
const concepts = [speculative, decoding, hallucination, summarization];

/** A one-passage source whose abstract is `text`. */
const source = (n: number, text: string): NumberedSource => ({
  n,
  paper: paperWith({ id: `p${n}`, title: '', abstract: text }),
  passages: [{ id: n, paperId: `p${n}`, field: 'abstract', ordinal: 0, start: 0, end: text.length, text, score: 1 }],
});

describe('source-coverage', () => {
  const drafts = source(1, 'Speculative decoding drafts tokens with a small model.');
  const summaries = source(2, 'Summarization models show hallucination in 30% of summaries.');
  const both = source(3, 'Speculative decoding left hallucination in summarization unchanged.');

  it('finds the parts of a question that two quoted sources hold apart, in the question’s order', () => {
    const covered = sourceCoverage(concepts, [summaries, drafts]);
    expect(unconnectedParts(concepts, covered, new Set([1, 2]), SELECTION_DEFAULTS)).toEqual([
      [speculative, decoding],
      [hallucination, summarization],
    ]);
  });

  it('finds none when a source holds the parts together, or only one of the two is quoted', () => {
    const withBoth = sourceCoverage(concepts, [drafts, summaries, both]);
    expect(unconnectedParts(concepts, withBoth, new Set([1, 2]), SELECTION_DEFAULTS)).toBeNull();
    const apart = sourceCoverage(concepts, [drafts, summaries]);
    expect(unconnectedParts(concepts, apart, new Set([1]), SELECTION_DEFAULTS)).toBeNull();
  });

  it('finds none when what the second source adds is a small part of the question', () => {
    const rare = { ...speculative, weight: 4 };
    const weighted = [rare, decoding, hallucination, summarization];
    const covered = sourceCoverage(weighted, [source(1, 'Speculative decoding and summarization.'), summaries]);
    expect(unconnectedParts(weighted, covered, new Set([1, 2]), SELECTION_DEFAULTS)).toBeNull();
  });
});
