import { describe, expect, it } from 'vitest';
import { askedRelationWord } from '../../../server/answer/asked-relation.ts';

describe('asked-relation', () => {
  it('reads the verb closing a "what … does X <verb>?" question and the participle closing "how was X <verb>ed?"', () => {
    expect(askedRelationWord('What enzyme does the rice leafless cob gene encode?')).toBe('encode');
    expect(askedRelationWord('What does identifying rare alleles involve?')).toBe('involve');
    expect(askedRelationWord('What do sentinel cells mainly engulf?')).toBe('engulf');
    expect(askedRelationWord('How was senescence determined?')).toBe('determined');
    expect(askedRelationWord('In "Drought and poplar leaves", how was senescence determined?')).toBe('determined');
  });

  it('reads no relation when the last word is a noun after a preposition or the subject holds one', () => {
    expect(askedRelationWord('What does the gene encode in rice?')).toBeNull();
    expect(askedRelationWord('What does caffeine do to short-term memory recall?')).toBeNull();
    expect(askedRelationWord('How does trastuzumab resistance arise in gastric cancer?')).toBeNull();
    expect(askedRelationWord('Does the gene encode an enzyme?')).toBeNull();
    expect(askedRelationWord('What is the size of the protein?')).toBeNull();
  });

  it('reads no relation in an auxiliary or in "mean", which papers write as the average', () => {
    expect(askedRelationWord('What does inhibiting Omi do?')).toBeNull();
    expect(askedRelationWord('What does the term boundary layer mean?')).toBeNull();
  });
});
