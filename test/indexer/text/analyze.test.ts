import { describe, expect, it } from 'vitest';
import { terms, tokenize } from '../../../indexer/text/analyze.ts';

describe('analyze', () => {
  it('lowercases, drops stop words and possessives, and stems', () => {
    expect(terms("The model's attention heads are pruned")).toEqual(['model', 'attent', 'head', 'prune']);
  });

  it('reads a word with a soft hyphen or an invisible joiner in it, as a PDF copy leaves them, as the word', () => {
    expect(terms('faith\u00ADfulness and leak\u00ADage')).toEqual(terms('faithfulness and leakage'));
    expect(terms('co\u2060operation')).toEqual(terms('cooperation'));
    const [token] = tokenize('leak\u00ADage');
    expect(token).toMatchObject({ word: 'leakage', start: 0, end: 8 });
  });

  it('keeps a zero-width space and a hyphen as breaks between words', () => {
    expect(terms('sink\u200Btoken')).toEqual(['sink', 'token']);
    expect(terms('non-linear')).toEqual(['non', 'linear']);
  });
});
