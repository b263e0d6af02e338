import { describe, expect, it } from 'vitest';
import { voteSentencesOf } from '../../../../server/verify/judge/direction-vote.ts';
import { kindMismatch, kindsOf } from '../../../../server/verify/judge/kinds.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const mismatch = (claim: string, evidence: string, paper: string[] = [evidence]) =>
  kindMismatch(readSentence(claim), [readSentence(evidence)], voteSentencesOf(paper));

describe('kinds', () => {
  it('reads a modifier before a two-word head, named when hyphenated or capitalized', () => {
    expect(kindsOf(readSentence('Tabula is a vision-language model.'))).toContainEqual({
      modifier: 'vision',
      head: 'languag model',
      named: true,
      opened: true,
    });
    expect(kindsOf(readSentence('We present a Data Language Model.'))).toContainEqual({
      modifier: 'data',
      head: 'languag model',
      named: true,
      opened: true,
    });
    expect(kindsOf(readSentence('We present a data language model.'))).toContainEqual({
      modifier: 'data',
      head: 'languag model',
      named: false,
      opened: true,
    });
    // A stop word, punctuation or a number breaks the run.
    expect(kindsOf(readSentence('A model of the language, trained on 3 language models.'))).toEqual([]);
  });

  it('finds a named kind whose modifier differs and never occurs in the paper', () => {
    expect(mismatch('Tabula is a vision-language model.', 'Tabula is a Data Language Model.')).toBe(true);
    expect(mismatch('Tabula is a vision language model.', 'Tabula is a Data Language Model.')).toBe(true);
    // The same kind; a modifier the paper uses elsewhere; the claim using the paper's modifier too.
    expect(mismatch('Tabula is a data language model.', 'Tabula is a Data Language Model.')).toBe(false);
    expect(
      mismatch('Tabula is a vision-language model.', 'Tabula is a Data Language Model.', [
        'Tabula is a Data Language Model.',
        'It also reads charts with a vision encoder.',
      ]),
    ).toBe(false);
    expect(mismatch('Tabula, a data-first vision-language model.', 'Tabula is a Data Language Model.')).toBe(false);
  });

  it('reads no kind in a modifier that says which one or how good ("the new language model") unless written as a name', () => {
    const evidence =
      'We introduce a Data Language Model that reads tables. The Data Language Model improves accuracy on tabular question answering.';
    for (const claim of [
      'The new language model improves accuracy on tabular question answering.',
      'The proposed language model improves accuracy on tabular question answering.',
      'This small language model improves accuracy on tabular question answering.',
    ]) {
      expect(mismatch(claim, evidence)).toBe(false);
    }
    expect(kindsOf(readSentence('The new language model reads tables.')).map((kind) => kind.modifier)).not.toContain(
      'new',
    );
    // Written as a name, a size is a kind.
    expect(kindsOf(readSentence('Tabula is a Large Language Model.'))).toContainEqual({
      modifier: 'larg',
      head: 'languag model',
      named: true,
      opened: true,
    });
  });

  it('does not read modifiers swapped in plain prose, nor words that open no noun phrase, nor abbreviations', () => {
    expect(mismatch('Exercise lowers resting heart rate.', 'Training lowers resting heart rate.')).toBe(false);
    expect(mismatch('Children in resource-deprived areas.', 'Children from deprived areas.')).toBe(false);
    expect(mismatch('Antibodies develop virus-specific memory.', 'Vaccines develop specific memory.')).toBe(false);
    expect(mismatch('We grew ESC-derived cardiomyocytes.', 'We grew embryonic stem cell-derived cardiomyocytes.')).toBe(
      false,
    );
    // A capital that only opens the sentence names nothing.
    expect(kindsOf(readSentence('Older African Americans walked more.'))[0]?.named).toBe(false);
  });
});
