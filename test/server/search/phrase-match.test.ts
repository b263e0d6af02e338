import { describe, expect, it } from 'vitest';
import { analyzePhrase, holdsPhrase, paperHoldsPhrase } from '../../../server/search/phrase-match.ts';

const phrase = (text: string) => analyzePhrase(text)!;

describe('phrase-match', () => {
  it('matches the words adjacent and in order, whatever their case, hyphens and punctuation', () => {
    for (const text of ['Evicting the KV-cache early', 'a kv cache', 'the KV Cache.', 'KV\u2010cache', '(kv) cache']) {
      expect(holdsPhrase(text, phrase('kv cache')), text).toBe(true);
    }
    expect(holdsPhrase('a KV cache', phrase('KV-Cache'))).toBe(true);
  });

  it('matches the analyzed forms BM25 matches, so plurals and possessives count', () => {
    expect(holdsPhrase('several KV caches were evicted', phrase('kv cache'))).toBe(true);
    expect(holdsPhrase("the model's attention sinks", phrase('attention sink'))).toBe(true);
  });

  it('does not match the words when they are apart or in another order', () => {
    expect(holdsPhrase('the cache of each KV head', phrase('kv cache'))).toBe(false);
    expect(holdsPhrase('cache KV entries', phrase('kv cache'))).toBe(false);
  });

  it('requires the stop words inside a phrase as written', () => {
    expect(holdsPhrase('state-of-the-art results', phrase('state of the art'))).toBe(true);
    expect(holdsPhrase('the state and the art', phrase('state of the art'))).toBe(false);
  });

  it('does not let a phrase run from the title into the abstract', () => {
    const paper = { title: 'Compressing the KV', abstract: 'Cache entries are quantized.' };
    expect(paperHoldsPhrase(paper, phrase('kv cache'))).toBe(false);
    expect(paperHoldsPhrase({ ...paper, abstract: 'A KV cache is quantized.' }, phrase('kv cache'))).toBe(true);
  });

  it('has nothing to match for a phrase of stop words only', () => {
    expect(analyzePhrase('the')).toBeNull();
    expect(analyzePhrase('  ')).toBeNull();
  });
});
