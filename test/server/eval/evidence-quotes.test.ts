import { describe, expect, it } from 'vitest';
import { checkQuote, tfidfBestSentence } from '../../../server/eval/evidence-quotes.ts';
import type { SetDocument } from '../../../server/eval/verify-sets.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

function documentOf(...texts: string[]): SetDocument {
  let abstract = '';
  const sentences = texts.map((text) => {
    if (abstract) abstract += ' ';
    const sentence = { field: 'abstract' as const, start: abstract.length, end: abstract.length + text.length, text };
    abstract += text;
    return sentence;
  });
  return { title: '', abstract, sentences };
}

const document = documentOf(
  'We asked whether coffee intake changes sleep duration in shift workers.',
  'Sleep was shortened by 40 minutes after evening doses.',
  'Tides and glaciers were not studied.',
);
const statistics = statisticsOfTexts([document.abstract, 'Coffee farms in Kenya.', 'Sleep apnoea in children.']);
const claim = 'Coffee intake changes sleep duration in shift workers.';

describe('evidence-quotes', () => {
  it('takes the sentence with the highest TF-IDF cosine as the baseline quote, here the aim that repeats the claim', () => {
    expect(tfidfBestSentence(claim, document, statistics)).toBe(0);
  });

  it('counts a quote as right only when it is one of the annotated sentences, and scores the baseline the same way', () => {
    expect(checkQuote(claim, document, [1], document.sentences[1]!, statistics)).toEqual({
      judge: true,
      baseline: false,
    });
    expect(checkQuote(claim, document, [0, 1], document.sentences[2]!, statistics)).toEqual({
      judge: false,
      baseline: true,
    });
  });

  it('counts no quote at all as a miss', () => {
    expect(checkQuote(claim, document, [1], null, statistics).judge).toBe(false);
  });

  it('does not take an equal sentence of another document for the quoted one', () => {
    const copy = { ...document.sentences[1]! };
    expect(checkQuote(claim, document, [1], copy, statistics).judge).toBe(false);
  });
});
