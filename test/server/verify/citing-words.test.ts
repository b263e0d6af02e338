import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../indexer/index.ts';
import { citingWordsOf } from '../../../server/verify/citing-words.ts';

const citing = (claim: string) => {
  const tokens = tokenize(claim);
  return [...citingWordsOf(claim, tokens)].sort((a, b) => a - b).map((i) => tokens[i]!.word);
};

describe('citing-words', () => {
  it('finds the authors named before "et al.", "and colleagues" or a year, and "according to"', () => {
    expect(citing('Lin et al. found that attention sinks are structural')).toEqual(['lin', 'et', 'al']);
    expect(citing('Van Lin and co-workers showed sinks')).toEqual(['van', 'lin', 'co', 'workers']);
    expect(citing('According to Lin and Wu (2020), sinks are structural')).toEqual(['according', 'lin', 'wu', '2020']);
    expect(citing('Sinks are structural (Lin, 2020)')).toEqual(['lin', '2020']);
  });

  it('leaves a name that no citation follows, and a lower-case word before "et al."', () => {
    expect(citing('Whisper outperforms SpeechPro on ImageNet 2012')).toEqual([]);
    expect(citing('as shown by et al.')).toEqual(['et', 'al']);
  });
});
