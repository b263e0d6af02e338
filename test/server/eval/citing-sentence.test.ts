import { describe, expect, it } from 'vitest';
import { citingClaimOf, numberedCitations } from '../../../server/eval/citing-sentence.ts';

describe('citing-sentence', () => {
  it('writes each group of markers as one numbered citation, the judged one as [1]', () => {
    expect(
      numberedCitations('A rose (<|other_cit|>; Lee, 2020), B fell [<|multi_cit|>, 7] and C held<|other_cit|>.'),
    ).toBe('A rose [2], B fell [1, 3] and C held [4].');
    expect(numberedCitations('A rose (<|other_cit|>).')).toBeNull();
  });

  // Regression: the judged group became "[1]" whatever it held, so the judge never saw that the
  // paper was cited among others ("[3–7]" is written "<|multi_cit|>").
  it('writes the judged citation as one of a group when its marker or its bracket says it is', () => {
    expect(numberedCitations('B fell <|multi_cit|> and C held [<|other_cit|>].')).toBe('B fell [1, 2] and C held [3].');
    expect(numberedCitations('B fell (<|cit|>; Lee et al., <|other_cit|>).')).toBe('B fell [1, 2].');
    expect(numberedCitations('B fell [<|cit|>-9].')).toBe('B fell [1, 2].');
    expect(numberedCitations('B fell (Lee et al., <|cit|>).')).toBe('B fell [1].');
  });

  it('gives the number of other works cited in the judged group, and the same claim and context as the citation alone', () => {
    const grouped = citingClaimOf(
      'Masks were worn by most people [<|other_cit|>], while masks halved infections [<|multi_cit|>].',
    );
    const alone = citingClaimOf(
      'Masks were worn by most people [<|other_cit|>], while masks halved infections [<|cit|>].',
    );
    expect(grouped).toEqual({ ...alone, cocited: 1 });
    expect(alone!.cocited).toBe(0);
  });

  it('gives the clause of the judged citation as the claim and its sentence as the context', () => {
    expect(
      citingClaimOf('Masks were worn by most people [<|other_cit|>], while masks halved infections [<|cit|>].'),
    ).toEqual({
      claim: 'while masks halved infections.',
      context: 'Masks were worn by most people, while masks halved infections.',
      cocited: 0,
    });
  });

  it('reads only the sentence that holds the judged citation, whole when it cites nothing else', () => {
    const text = 'Masks were worn by most people.<|other_cit|> Masks halved infections in schools.<|cit|> Tides rose.';
    expect(citingClaimOf(text)).toEqual({
      claim: 'Masks halved infections in schools.',
      context: 'Masks halved infections in schools.',
      cocited: 0,
    });
  });
});
