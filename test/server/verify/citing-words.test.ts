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

  it('finds the surnames that open a claim before a reporting verb and "that" ("Venkatesh shows that"), or "As" and a comma', () => {
    expect(citing('Venkatesh shows that robots grasp objects reliably')).toEqual(['venkatesh']);
    expect(citing('Lin and Wu have shown that sinks are structural')).toEqual(['lin', 'and', 'wu']);
    expect(citing('As Venkatesh reports, robots grasp objects reliably')).toEqual(['venkatesh']);
  });

  it('keeps a name that is no surname, or not the opening subject, before a reporting verb', () => {
    expect(citing('AlphaFold shows that structures can be predicted')).toEqual([]);
    expect(citing('Scientists have found that tests are ineffective')).toEqual([]);
    expect(citing('Imaging shows that plaques grow')).toEqual([]);
    expect(citing('Imaging in Mice shows that plaques grow')).toEqual([]);
    expect(citing('However, Venkatesh shows that robots grasp')).toEqual([]);
    expect(citing('Venkatesh grasps objects reliably')).toEqual([]);
  });
});
