import { describe, expect, it } from 'vitest';
import { onlyAgainstList } from '../../../../server/verify/judge/only-against-list.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const conflicts = (claim: string, evidence: string) => onlyAgainstList(readSentence(claim), readSentence(evidence));

describe('only-against-list', () => {
  it('reads "only X" against a list that holds X among other things as a conflict', () => {
    const evidence = 'The solver is validated on ProofBench as well as MiniF2F and GSM8K.';
    expect(conflicts('The solver is validated only on GSM8K.', evidence)).toBe(true);
    expect(
      conflicts('The solver is validated only on GSM8K.', 'The solver is validated on GSM8K, MiniF2F and MATH.'),
    ).toBe(true);
  });

  it('reads no conflict when the claim names the other items, the evidence keeps to X too, or X stands alone', () => {
    expect(
      conflicts('The solver is validated only on GSM8K and MiniF2F.', 'The solver is validated on MiniF2F and GSM8K.'),
    ).toBe(false);
    expect(conflicts('The solver is validated only on GSM8K.', 'The solver is validated only on GSM8K and MATH.')).toBe(
      false,
    );
    expect(conflicts('The solver is validated only on GSM8K.', 'The solver is validated on GSM8K.')).toBe(false);
    expect(conflicts('The solver is validated on GSM8K.', 'The solver is validated on GSM8K and MATH.')).toBe(false);
  });

  it('reads no keeping-to in the "-only" of a compound, which names a kind', () => {
    expect(
      conflicts(
        'POPO is a positive-only policy optimization framework that targets mathematical reasoning.',
        'POPO is a reinforcement-learning framework for mathematical reasoning whose policy optimization is positive-only. It is evaluated on MATH-500, AIME and OlympiadBench.',
      ),
    ).toBe(false);
    expect(readSentence('A decoder-only model reads English text.').keptTo).toEqual([]);
    expect(readSentence('The model reads only English text.').keptTo).toEqual(['english', 'text']);
  });

  it('reads no list where "and" joins two clauses: the other item is a verb, or not the same kind as X', () => {
    expect(
      conflicts(
        'The encoder is pretrained only on English text.',
        'We pretrain an encoder on English text and evaluate it on French, German and Spanish.',
      ),
    ).toBe(false);
    expect(
      conflicts(
        'Answers are checked only with SymPy.',
        'Its tooling uses verl to train with reinforcement learning and SymPy to check each answer.',
      ),
    ).toBe(false);
    // Items of one kind still make a list: names with names, plain words with plain words.
    expect(
      conflicts(
        'POPO is evaluated only on AIME.',
        'POPO is evaluated on the MATH-500, AIME and OlympiadBench benchmarks.',
      ),
    ).toBe(true);
    expect(
      conflicts('The forms were administered only online.', 'The forms were administered online or on paper.'),
    ).toBe(true);
    expect(
      conflicts(
        'The corpus covers only medical reports.',
        'The corpus covers medical reports as well as labour contracts.',
      ),
    ).toBe(true);
  });

  it('reads "confined to X" as keeping to X, and "not confined to X" as not', () => {
    const evidence = 'The drug was of benefit in both adults and children.';
    expect(conflicts('The benefit of the drug was confined to adults.', evidence)).toBe(true);
    expect(conflicts('The benefit of the drug was restricted to adults.', evidence)).toBe(true);
    expect(conflicts('The benefit of the drug was not confined to adults.', evidence)).toBe(false);
    expect(
      conflicts('The benefit of the drug was confined to adults.', 'The drug was of benefit only in adults.'),
    ).toBe(false);
  });

  it('reads "confined to X" as a limit only after a form of "be" or an adverb, not as where a thing is', () => {
    expect(
      conflicts(
        'Ions confined to the nanopore show slow diffusion.',
        'Ions in the nanopore and in the bulk show slow diffusion.',
      ),
    ).toBe(false);
    const evidence = 'The side effects occurred in older and younger patients.';
    expect(conflicts('The side effects were largely confined to older patients.', evidence)).toBe(true);
    expect(conflicts('The side effects remained confined to older patients.', evidence)).toBe(true);
  });
});
