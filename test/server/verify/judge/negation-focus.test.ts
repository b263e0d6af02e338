import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { voteSentencesOf } from '../../../../server/verify/judge/direction-vote.ts';
import { negatedPastReach, negatesUnnamed, negationFocusOf } from '../../../../server/verify/judge/negation-focus.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('negation-focus', () => {
  it('reads the terms in a negation’s scope, and the head before a negation that closes its clause', () => {
    expect([...negationFocusOf(readSentence('The model does not understand tables.'))]).toEqual([
      stem('understand'),
      stem('tables'),
    ]);
    expect([...negationFocusOf(readSentence('Pruning leaves general benchmark accuracy unchanged.'))]).toEqual([
      stem('accuracy'),
    ]);
    expect([...negationFocusOf(readSentence('It picks K dynamically rather than fixing K.'))]).toEqual([]);
  });

  it('reads a claim as negating an unnamed thing only when neither the sentence nor the paper names it', () => {
    const claim = readSentence('Pruning leaves general benchmark accuracy unchanged.');
    const evidence = readSentence('The weights stay untouched.');
    expect(negatesUnnamed(claim, evidence, voteSentencesOf(['The weights stay untouched.']))).toBe(true);
    expect(negatesUnnamed(claim, evidence, voteSentencesOf(['Accuracy drops on two benchmarks.']))).toBe(false);
  });

  it("reads a term after a negation in its clause, past the negation's reach, as negated past reach", () => {
    const reading = readSentence('Cells totally fail to induce these genes in response to infection with the virus.');
    expect(negatedPastReach(reading, stem('infection'))).toBe(true);
    expect(negatedPastReach(reading, stem('cells'))).toBe(false);
    expect(negatedPastReach(readSentence('Genes were induced, but infection did not spread.'), stem('genes'))).toBe(
      false,
    );
  });
});
