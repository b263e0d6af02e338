import { describe, expect, it } from 'vitest';
import LEXICON from '../../../../server/verify/judge/antonyms.json' with { type: 'json' };
import { antonymPairs, NOT_OPPOSED, parseDataFile } from '../../../../server/verify/judge/build-antonyms.ts';

// A few synsets in WordNet's data-file format (offsets, words, pointers with source/target word numbers).
const ADJECTIVES = `  1 This software and database is being provided to you, the LICENSEE, by Princeton University
00000100 00 a 02 effective 0 efficacious 0 003 ! 00000200 a 0101 + 00000300 n 0101 + 00000300 n 0201 | producing a result
00000200 00 a 01 ineffective 0 002 ! 00000100 a 0101 + 00000400 n 0101 | not producing a result
00000500 00 s 01 high_up 0 001 ! 00000600 a 0101 | a collocation
00000600 00 a 01 low_down 0 001 ! 00000500 a 0101 | another collocation
`;
const VERBS = `00000900 00 v 01 stand 0 001 ! 00001000 v 0101 | hold firm
00001000 00 v 01 yield 0 001 ! 00000900 v 0101 | give way
00001100 00 v 01 rise 0 001 ! 00001200 v 0101 | go up
00001200 00 v 01 fall 0 001 ! 00001100 v 0101 | go down
`;
const NOUNS = `00000300 00 n 01 effectiveness 0 001 + 00000100 a 0101 | the quality
00000400 00 n 01 ineffectiveness 0 001 + 00000200 a 0101 | lacking the quality
00000700 00 n 01 man 0 001 ! 00000800 n 0101 | an adult male
00000800 00 n 01 woman 0 001 ! 00000700 n 0101 | an adult female
`;

describe('build-antonyms', () => {
  const synsets = parseDataFile(NOUNS, parseDataFile(ADJECTIVES));

  it('reads synsets of a WordNet data file and skips its licence header', () => {
    expect(synsets.size).toBe(8);
    expect(synsets.get('a00000100')).toMatchObject({ pos: 'a', words: ['effective', 'efficacious'] });
    expect(synsets.get('a00000500')?.pos).toBe('a');
  });

  it('pairs antonymous words and their derived nouns, once each, without collocations or noun kinds', () => {
    expect(antonymPairs(synsets)).toEqual(['effective ineffective', 'effectiveness ineffectiveness']);
  });

  it('leaves out the pairs research prose uses in other senses, in what it builds and in the lexicon file it wrote', () => {
    expect(antonymPairs(parseDataFile(VERBS))).toEqual(['fall rise']);
    for (const pair of NOT_OPPOSED) expect(LEXICON.pairs, pair).not.toContain(pair);
    expect(NOT_OPPOSED).toContain('stand yield');
  });
});
