import { describe, expect, it } from 'vitest';
import { expandContractions } from '../../../server/answer/contractions.ts';

describe('contractions', () => {
  it('writes out contracted negations with a straight or a typographic apostrophe', () => {
    expect(expandContractions("Treatment didn't clear the virus.")).toBe('Treatment did not clear the virus.');
    expect(expandContractions('It wasn’t clear, and they weren’t sure.')).toBe(
      'It was not clear, and they were not sure.',
    );
    expect(expandContractions("doesn't don't isn't aren't hasn't haven't couldn't shouldn't wouldn't mustn't")).toBe(
      'does not do not is not are not has not have not could not should not would not must not',
    );
  });

  it('writes "can\'t", "won\'t" and "shan\'t" as "cannot", "will not" and "shall not", keeping a capital', () => {
    expect(expandContractions("Can't it? Won't it? It can't, it won’t, we shan't.")).toBe(
      'Cannot it? Will not it? It cannot, it will not, we shall not.',
    );
    expect(expandContractions("Doesn't DAPRO rely on it?")).toBe('Does not DAPRO rely on it?');
  });

  it('writes out contracted negations typed without an apostrophe, but not "cant" nor "wont"', () => {
    expect(expandContractions('doesnt dont didnt isnt arent wasnt werent hasnt havent couldnt wouldnt shouldnt')).toBe(
      'does not do not did not is not are not was not were not has not have not could not would not should not',
    );
    expect(expandContractions('Doesnt EMO load experts?')).toBe('Does not EMO load experts?');
    for (const text of ['The cant of thieves, as was their wont.', 'A different patient meant an urgent event.'])
      expect(expandContractions(text)).toBe(text);
  });

  it('leaves other apostrophes and a text without contractions as they are', () => {
    for (const text of ["It's the model's cache.", "Let's see what's there.", 'No contraction here.', "O'Neil's don"])
      expect(expandContractions(text)).toBe(text);
  });
});
