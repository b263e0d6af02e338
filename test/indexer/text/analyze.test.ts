import { describe, expect, it } from 'vitest';
import { terms, tokenize } from '../../../indexer/text/analyze.ts';

/** Each token's word, term and the text its span covers. */
const spans = (text: string) =>
  tokenize(text).map(({ word, term, start, end }) => [word, term, text.slice(start, end)]);

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

  it('gives a word with and without its accents the same term, in any case', () => {
    expect(terms('naïve NAÏVE naive')).toEqual(['naiv', 'naiv', 'naiv']);
    expect(terms('Krüppel-like Kruppel-like')).toEqual(terms('kruppel-like kruppel-like'));
    expect(terms('Ørsted’s Straße')).toEqual(terms('orsted strasse'));
  });

  it('reads a decomposed accent, as macOS and some PDFs write it, as part of its word', () => {
    const decomposed = 'a nai\u0308ve model';
    expect(terms(decomposed)).toEqual(terms('a naïve model'));
    expect(spans(decomposed)).toEqual([
      ['a', null, 'a'],
      ['nai\u0308ve', 'naiv', 'nai\u0308ve'],
      ['model', 'model', 'model'],
    ]);
  });

  it('expands a ligature or a fullwidth word in its term while its span covers the characters as written', () => {
    expect(terms('ﬁne-tuning')).toEqual(terms('fine-tuning'));
    expect(terms('ＢＥＲＴ')).toEqual(['bert']);
    expect(spans('ﬁne-tuning')).toEqual([
      ['ﬁne', 'fine', 'ﬁne'],
      ['tuning', 'tune', 'tuning'],
    ]);
  });

  it('shows the word as written, lowercased, and folds only its term', () => {
    expect(spans('Krüppel’s zinc')).toEqual([
      ['krüppel', 'kruppel', 'Krüppel’s'],
      ['zinc', 'zinc', 'zinc'],
    ]);
  });

  it('drops a stop word written in fullwidth letters as it drops the ASCII one', () => {
    expect(terms('ｔｈｅ model')).toEqual(['model']);
  });

  it('gives every word a compatibility form folds into several the span of the form as written', () => {
    expect(spans('step ⑴ and ½')).toEqual([
      ['step', 'step', 'step'],
      ['⑴', '1', '⑴'],
      ['and', null, 'and'],
      ['1', '1', '½'],
      ['2', '2', '½'],
    ]);
    expect(terms('step ⑴ and ½')).toEqual(['step', '1', '1', '2']);
  });

  it('makes the same terms whether it keeps offsets or not', () => {
    const text = 'Naïve Bayes (Pérez, 2020): ﬁne-tuned ＢＥＲＴ on Krüppel’s nai\u0308ve data, x² ⑴ 한국어 Łódź.';
    expect(tokenize(text).flatMap(({ term }) => (term === null ? [] : [term]))).toEqual(terms(text));
  });
});
