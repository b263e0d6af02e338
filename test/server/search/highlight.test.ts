import { describe, expect, it } from 'vitest';
import { terms } from '../../../indexer/index.ts';
import { highlight } from '../../../server/search/highlight.ts';

const marked = (text: string, query: string) =>
  highlight(text, new Set(terms(query))).map(({ start, end }) => text.slice(start, end));

describe('highlight', () => {
  it('matches words by analyzed term, so a plural lights up for its singular', () => {
    expect(marked('Language models and a model zoo.', 'model')).toEqual(['models', 'model']);
  });

  it('gives exact offsets into the text', () => {
    const text = 'Über-fast Models: models!';
    expect(highlight(text, new Set(terms('model')))).toEqual([
      { start: 10, end: 16 },
      { start: 18, end: 24 },
    ]);
  });

  it('merges neighbouring matches joined by spaces or hyphens, but not across other words', () => {
    expect(
      marked(
        'Sparse attention, sparse   attention and heat-transfer of sparse and attention.',
        'sparse attention heat transfer',
      ),
    ).toEqual(['Sparse attention', 'sparse   attention', 'heat-transfer', 'sparse', 'attention']);
  });

  it('never highlights stop words', () => {
    expect(marked('the theory of the model', 'the of model')).toEqual(['model']);
  });
});
