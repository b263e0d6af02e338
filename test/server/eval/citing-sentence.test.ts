import { describe, expect, it } from 'vitest';
import { citingClaimOf, numberedCitations } from '../../../server/eval/citing-sentence.ts';

describe('citing-sentence', () => {
  it('writes each group of markers as one numbered citation, the judged one as [1]', () => {
    expect(
      numberedCitations('A rose (<|other_cit|>; Lee, 2020), B fell [<|multi_cit|>, 7] and C held<|other_cit|>.'),
    ).toBe('A rose [2], B fell [1] and C held [3].');
    expect(numberedCitations('A rose (<|other_cit|>).')).toBeNull();
  });

  it('gives the clause of the judged citation as the claim and its sentence as the context', () => {
    expect(
      citingClaimOf('Masks were worn by most people [<|other_cit|>], while masks halved infections [<|cit|>].'),
    ).toEqual({
      claim: 'while masks halved infections.',
      context: 'Masks were worn by most people, while masks halved infections.',
    });
  });

  it('reads only the sentence that holds the judged citation, whole when it cites nothing else', () => {
    const text = 'Masks were worn by most people.<|other_cit|> Masks halved infections in schools.<|cit|> Tides rose.';
    expect(citingClaimOf(text)).toEqual({
      claim: 'Masks halved infections in schools.',
      context: 'Masks halved infections in schools.',
    });
  });
});
