import { describe, expect, it } from 'vitest';
import { parseQuerySyntax } from '../../../server/search/query-syntax.ts';

describe('query-syntax', () => {
  it('returns a query without operators exactly as typed', () => {
    for (const query of ['attention sinks', '  kv cache   eviction ', 'what is 5% of "x', 'a - b']) {
      expect(parseQuerySyntax(query)).toEqual({
        text: query,
        plain: query,
        phrases: [],
        excluded: [],
        hasOperators: false,
      });
    }
  });

  it('reads a quoted phrase and keeps its words in the text that ranks', () => {
    expect(parseQuerySyntax('"kv cache" eviction')).toEqual({
      text: 'kv cache eviction',
      plain: 'eviction',
      phrases: ['kv cache'],
      excluded: [],
      hasOperators: true,
    });
  });

  it('reads typographic quotes as quotes', () => {
    expect(parseQuerySyntax('\u201cattention sink\u201d heads').phrases).toEqual(['attention sink']);
  });

  it('reads -word and -"a phrase" as exclusions and leaves them out of the text that ranks', () => {
    expect(parseQuerySyntax('attention -sink')).toMatchObject({ text: 'attention', excluded: ['sink'] });
    expect(parseQuerySyntax('-sink attention')).toMatchObject({ text: 'attention', excluded: ['sink'] });
    expect(parseQuerySyntax('memory -"kv cache" offload')).toMatchObject({
      text: 'memory offload',
      plain: 'memory offload',
      phrases: [],
      excluded: ['kv cache'],
    });
  });

  it('takes an excluded word up to the next white space, hyphens included', () => {
    expect(parseQuerySyntax('vaccines -COVID-19 trials')).toMatchObject({
      text: 'vaccines trials',
      excluded: ['COVID-19'],
    });
  });

  it('does not read a hyphen inside a word, a negative number or a lone minus as an exclusion', () => {
    for (const query of [
      'non-linear dynamics',
      'COVID-19 vaccines',
      't-SNE embeddings',
      'returns fell -5%',
      'a - b',
      'x --y',
    ]) {
      expect(parseQuerySyntax(query), query).toMatchObject({ hasOperators: false, excluded: [], text: query });
    }
  });

  it('reads an unclosed quote as an ordinary character, without an error', () => {
    expect(parseQuerySyntax('"kv cache eviction').hasOperators).toBe(false);
    expect(parseQuerySyntax('"kv cache" "eviction')).toEqual({
      text: 'kv cache "eviction',
      plain: '"eviction',
      phrases: ['kv cache'],
      excluded: [],
      hasOperators: true,
    });
    expect(parseQuerySyntax('attention -"sink').hasOperators).toBe(false);
  });

  it('reads a text of more than 64 words (an abstract pasted whole) as plain words, quotes and dashes included', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const pasted = `During the "training" phase -- words are -selected. ${words(57)}`;
    expect(pasted.split(/\s+/)).toHaveLength(65);
    expect(parseQuerySyntax(pasted)).toMatchObject({ hasOperators: false, text: pasted, phrases: [], excluded: [] });
    const typed = `During the "training" phase -- words are -selected. ${words(56)}`;
    expect(parseQuerySyntax(typed)).toMatchObject({
      hasOperators: true,
      phrases: ['training'],
      excluded: ['selected.'],
    });
  });

  it('joins the words of a pasted abstract that a PDF hyphenated at a line end', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const pasted = `Ternary networks run on every-\nday consumer CPUs through purpose-built kernels. ${words(60)}`;
    expect(parseQuerySyntax(pasted).text).toContain('on everyday consumer CPUs through purpose-built kernels.');
  });

  it('reads several phrases and exclusions in one query', () => {
    expect(parseQuerySyntax('"state space" models -"linear attention" -mamba "long context"')).toEqual({
      text: 'state space models long context',
      plain: 'models',
      phrases: ['state space', 'long context'],
      excluded: ['linear attention', 'mamba'],
      hasOperators: true,
    });
  });
});
