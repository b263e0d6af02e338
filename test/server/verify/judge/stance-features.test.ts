import { describe, expect, it } from 'vitest';
import { onlyAnnounces } from '../../../../server/verify/judge/finding-sentence.ts';
import {
  directionVote,
  isFinding,
  STANCE_MAX_CHARS,
  stanceOfEvidence,
  VOTE_MAX_SENTENCES,
} from '../../../../server/verify/judge/stance-features.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('stance-features', () => {
  it('flags a negation whose scope covers what the claim asserts', () => {
    const stance = stanceOfEvidence('Smoking is associated with asthma.', ['Smoking was not associated with asthma.']);
    expect(stance.scopedNegation).toBeGreaterThan(0);
    expect(stance.nullFindingMismatch).toBe(1);
    expect(
      stanceOfEvidence('Smoking is associated with asthma.', ['Smoking was associated with asthma.']),
    ).toMatchObject({ scopedNegation: 0, nullFindingMismatch: 0, negationMismatch: 0 });
  });

  it('flags opposite directions on shared words and agreeing ones', () => {
    expect(stanceOfEvidence('Exercise promotes recovery.', ['Exercise impedes recovery.'])).toMatchObject({
      directionConflict: 1,
      directionAgree: 0,
    });
    expect(
      stanceOfEvidence('Exercise promotes recovery.', ['Exercise speeds up and promotes recovery.']),
    ).toMatchObject({ directionConflict: 0, directionAgree: 1 });
  });

  it('reads encouraging, fostering and prolonging against discouraging, curbing and disrupting as opposite directions', () => {
    for (const [claim, evidence] of [
      [
        'Antibody targeting of N-cadherin encourages metastasis.',
        'Antibody targeting of N-cadherin discourages metastasis.',
      ],
      ['Statins foster plaque stability.', 'Statins curb plaque stability.'],
      ['The drug prolongs survival in patients.', 'The drug disrupts survival in patients.'],
    ] as const) {
      expect(stanceOfEvidence(claim, [evidence]), `${claim} / ${evidence}`).toMatchObject({ directionConflict: 1 });
      expect(stanceOfEvidence(claim, [claim]), claim).toMatchObject({ directionConflict: 0, directionAgree: 1 });
    }
  });

  it('reads "a positive correlation" as a rise and "a negative association" as a fall, but not "negative reviews"', () => {
    expect(
      stanceOfEvidence('There is a positive correlation between statin use and hip fractures.', [
        'Statin use was followed by a reduction in hip fractures.',
      ]).directionConflict,
    ).toBe(1);
    expect(
      stanceOfEvidence('There is a negative association between statin use and hip fractures.', [
        'Statin use was followed by a reduction in hip fractures.',
      ]),
    ).toMatchObject({ directionConflict: 0, directionAgree: 1 });
    expect(
      stanceOfEvidence('Negative reviews of books are common.', ['Reviews of books rose in number.']).directionConflict,
    ).toBe(0);
  });

  it('reads a comparison ranked the other way round: its sides swapped, or its direction reversed', () => {
    const conflict = (claim: string, evidence: string) => stanceOfEvidence(claim, [evidence]).comparisonConflict;
    expect(conflict('GPT-4 outperforms Llama on reasoning.', 'Llama outperforms GPT-4 on reasoning.')).toBe(1);
    expect(conflict('GPT-4 outperforms Llama on reasoning.', 'GPT-4 outperformed Llama on reasoning tasks.')).toBe(0);
    expect(
      conflict(
        'Omnivores produce less trimethylamine oxide than vegans.',
        'Omnivores produced more trimethylamine oxide than vegans.',
      ),
    ).toBe(1);
    expect(
      conflict(
        'Statins carry a higher risk of myopathy than fibrates.',
        'Statins, compared with fibrates, carried a lower risk of myopathy.',
      ),
    ).toBe(1);
    expect(
      conflict('Statins carry a higher risk of myopathy than fibrates.', 'Statins raise the risk of myopathy.'),
    ).toBe(0);
  });

  it('reads sides set alike ("performs comparably to", "on par with") against a wide difference as a conflict, not against a plain one', () => {
    const conflict = (claim: string, evidence: string) => stanceOfEvidence(claim, [evidence]).comparisonConflict;
    const comparable = 'SparseRank performs comparably to dense rerankers on search benchmarks.';
    expect(conflict(comparable, 'SparseRank outperforms dense rerankers by a wide margin on search benchmarks.')).toBe(
      1,
    );
    expect(conflict(comparable, 'SparseRank is significantly more accurate than dense rerankers.')).toBe(1);
    expect(
      conflict('SparseRank is on par with dense rerankers.', 'Dense rerankers were far better than SparseRank.'),
    ).toBe(1);
    expect(
      conflict(
        'SparseRank outperforms dense rerankers by a wide margin.',
        'SparseRank performs as well as dense rerankers.',
      ),
    ).toBe(1);
    // A plain "outperforms" may be by little; two sides set alike agree; "as well as" alone only joins.
    expect(conflict(comparable, 'SparseRank outperforms dense rerankers on search benchmarks.')).toBe(0);
    expect(conflict(comparable, 'SparseRank is comparable to dense rerankers.')).toBe(0);
    expect(conflict(comparable, 'SparseRank as well as dense rerankers were far better than BM25.')).toBe(0);
  });

  it('reads "retrieval-augmented" and "memory-enhanced" as names of methods, not as rises', () => {
    expect(
      stanceOfEvidence('Faithful generation systems leak less private data.', [
        'We study the leakage threats that retrieval-augmented generation systems face.',
      ]).directionConflict,
    ).toBe(0);
    expect(
      stanceOfEvidence('Faithful generation systems leak less private data.', [
        'Faithful generation systems leak more private data.',
      ]).directionConflict,
    ).toBe(1);
  });

  it('reads "inversely associated" against "positively associated", and "incapable of" as a negation', () => {
    expect(
      stanceOfEvidence('Statin use is inversely associated with hip fractures.', [
        'Statin use was positively associated with hip fractures.',
      ]).directionConflict,
    ).toBe(1);
    const incapable = stanceOfEvidence('Mice are incapable of producing neutralizing antibodies.', [
      'Mice produced neutralizing antibodies within four days.',
    ]);
    expect(incapable).toMatchObject({ negationMismatch: 1, claimNegated: 1 });
    expect(incapable.scopedNegation).toBeGreaterThan(0);
  });

  it("lets every sentence that gives the claim's terms a direction vote, not only the best-aligned one", () => {
    const claim = 'Aerobic exercise reduces blood pressure in adults.';
    const abstract = [
      'OBJECTIVE To determine whether aerobic exercise changes blood pressure in adults.',
      'RESULTS Aerobic exercise raised systolic blood pressure by 4 mmHg.',
      'CONCLUSIONS In adults, aerobic exercise increased blood pressure.',
    ];
    // The aim aligns best and carries no direction; the results and conclusions both reverse the claim.
    expect(stanceOfEvidence(claim, [abstract[0]!]).directionConflict).toBe(0);
    expect(stanceOfEvidence(claim, [abstract[0]!], abstract).directionVote).toBe(1);
    const backing = ['Aerobic exercise lowered blood pressure.', 'Blood pressure rose in the control group.'];
    // Four claim terms agree in the first sentence, two disagree in the second: (2 − 4) / 6.
    expect(directionVote(readSentence(claim), backing)).toBeCloseTo(-1 / 3);
    expect(directionVote(readSentence(claim), [backing[0]!])).toBe(-1);
    expect(directionVote(readSentence('Blood pressure was measured.'), abstract)).toBe(0);
  });

  it('reads at most VOTE_MAX_SENTENCES sentences for the vote', () => {
    const claim = readSentence('Aerobic exercise reduces blood pressure.');
    const filler = Array.from({ length: VOTE_MAX_SENTENCES }, () => 'Participants were recruited in spring.');
    expect(directionVote(claim, [...filler, 'Aerobic exercise raised blood pressure.'])).toBe(0);
    expect(directionVote(claim, ['Aerobic exercise raised blood pressure.', ...filler])).toBe(1);
  });

  it('flags quantities, quantifiers and species that disagree', () => {
    expect(stanceOfEvidence('Cells exceed 10% efficiency.', ['Efficiency is less than 1%.']).quantityConflict).toBe(1);
    expect(stanceOfEvidence('Metrics are always Einstein.', ['Metrics are never Einstein.']).quantifierConflict).toBe(
      1,
    );
    expect(
      stanceOfEvidence('The drug lowers glucose in patients.', ['The drug lowers glucose in mice.']),
    ).toMatchObject({ speciesMismatch: 1 });
  });

  it('tells findings from aims', () => {
    expect(isFinding('RESULTS We found that heavier birth weights were associated with increased risk.')).toBe(true);
    expect(isFinding('OBJECTIVE To determine whether exposure is associated with anxiety.')).toBe(false);
    expect(isFinding('SparseRank outperforms dense rerankers by a wide margin.')).toBe(true);
  });

  it('tells a sentence that only announces the study ("We compare X with Y") from one that reports', () => {
    expect(onlyAnnounces('We compare SparseRank with dense rerankers on twelve benchmarks.')).toBe(true);
    expect(onlyAnnounces('OBJECTIVE To determine whether exposure is associated with anxiety.')).toBe(true);
    expect(onlyAnnounces('SparseRank outperforms dense rerankers by a wide margin.')).toBe(false);
    expect(onlyAnnounces('Dense rerankers index the corpus once.')).toBe(false);
  });

  it('reads only the start of a pasted 100 KB "sentence", so its cost does not grow with the paste', () => {
    const long = `Exercise promotes recovery, ${'and walking helps, '.repeat(6_000)}in adults.`;
    expect(long.length).toBeGreaterThan(100_000);
    const evidence = ['Exercise impedes recovery.'];
    expect(stanceOfEvidence(long, evidence)).toEqual(stanceOfEvidence(long.slice(0, STANCE_MAX_CHARS), evidence));
    expect(stanceOfEvidence(long, evidence).directionConflict).toBe(1);
  });
  it('reads two sides that set the same alternative aside ("rather than fixing K", "instead of using a fixed K") as agreeing', () => {
    const stance = stanceOfEvidence('The encoder chooses its top-K features dynamically rather than fixing K.', [
      'The encoder picks its top-K features dynamically instead of using a fixed K.',
    ]);
    expect(stance).toMatchObject({ scopedNegation: 0, negationMismatch: 0 });
  });

  it('reads no negation mismatch when the paper never names what the claim negates', () => {
    const claim = 'Switching off a behaviour leaves general benchmark accuracy unchanged.';
    const evidence = 'Any behaviour can be switched off at inference time while the weights stay untouched.';
    expect(stanceOfEvidence(claim, [evidence], [evidence])).toMatchObject({
      negationMismatch: 0,
      nullFindingMismatch: 0,
      negatesUnnamed: 1,
    });
    // Named in the sentence, or elsewhere in the paper, the negated measure is still read as a mismatch.
    expect(stanceOfEvidence(claim, [evidence], [evidence, 'Benchmark accuracy drops by two points.'])).toMatchObject({
      negationMismatch: 1,
    });
    expect(
      stanceOfEvidence('The model does not understand tables.', ['The model understands tabular data natively.']),
    ).toMatchObject({ negationMismatch: 1 });
  });

  it('reads a negation of a thing on both sides ("with no fine-tuning" against "without any training") as no mismatch, nor as never named', () => {
    const claim = 'Memory Inception steers models with no fine-tuning.';
    for (const evidence of [
      'Memory Inception steers a language model without any training of its weights.',
      'Memory Inception steering is training-free.',
    ]) {
      const stance = stanceOfEvidence(claim, [evidence], [evidence]);
      expect(stance.negatesUnnamed).toBeUndefined();
      expect(stance).toMatchObject({ negationMismatch: 0, scopedNegation: 0 });
    }
    // A negation of a finding on the claim's side is still one the evidence does not share.
    expect(
      stanceOfEvidence('Memory Inception does not steer models.', [
        'Memory Inception steers a language model without any training.',
      ]),
    ).toMatchObject({ negationMismatch: 1 });
  });

  it('reads "training-free" and "without any training" as the same negation of training', () => {
    const evidence = 'Memory Inception steers a language model without any training.';
    expect(stanceOfEvidence('Memory Inception is a training-free steering method.', [evidence])).toMatchObject({
      scopedNegation: 0,
      negationMismatch: 0,
    });
    expect(
      stanceOfEvidence('Memory Inception is a steering method that needs training.', [evidence]).scopedNegation,
    ).toBeGreaterThan(0);
  });

  it('reads a comparative of size as no direction ("deeper layers" against "later layers", "a wider beam" against "a wide beam")', () => {
    for (const [claim, evidence] of [
      ['Attention entropy is lower in later layers.', 'Deeper layers show lower attention entropy.'],
      ['Later layers have lower attention entropy than early layers.', 'Deeper layers show lower attention entropy.'],
      ['A wide beam lowers output diversity.', 'Using a wider beam lowers output diversity.'],
      [
        'The tumour core showed less necrosis than the rim.',
        'Deeper tumour regions showed less necrosis than the rim.',
      ],
    ] as const) {
      expect(stanceOfEvidence(claim, [evidence])).toMatchObject({ directionConflict: 0 });
    }
    expect(stanceOfEvidence('Drug A raised heart rate.', ['Drug A lowered heart rate.'])).toMatchObject({
      directionConflict: 1,
    });
  });

  it('reads "only X" against a list holding X among others, and a count in words against another, as conflicts', () => {
    expect(
      stanceOfEvidence('The solver is validated only on GSM8K.', [
        'The solver is validated on MiniF2F as well as MATH and GSM8K.',
      ]),
    ).toMatchObject({ quantifierConflict: 1 });
    expect(
      stanceOfEvidence('The agent is tested in a single environment.', ['It is tested in three environments.']),
    ).toMatchObject({ quantityConflict: 1 });
    expect(
      stanceOfEvidence('The agent is tested in three environments.', ['It is tested in three environments.']),
    ).toMatchObject({
      quantityConflict: 0,
      quantityAgree: 1,
    });
  });

  it('reads dampening, restraining, eradicating, silencing and relieving as a decrease', () => {
    for (const verb of ['dampens', 'restrains', 'eradicates', 'silences', 'relieves']) {
      expect(
        stanceOfEvidence(`The drug ${verb} inflammation in mice.`, ['The drug increased inflammation in mice.']),
        verb,
      ).toMatchObject({
        directionConflict: 1,
      });
      expect(
        stanceOfEvidence(`The drug ${verb} inflammation in mice.`, ['The drug reduced inflammation in mice.']),
        verb,
      ).toMatchObject({
        directionConflict: 0,
        directionAgree: 1,
      });
    }
  });

  it('reads no change into a word hyphenated to a name ("acid-inducible sensor"), which gave a reversal to the words beside it', () => {
    expect(
      stanceOfEvidence('The toxin binds the acid-inducible sensor in infected cells and blocks its signal.', [
        'Its signal is blocked by the toxin, which is found with the acid-inducible sensor in infected cells.',
      ]),
    ).toMatchObject({ directionConflict: 0 });
  });

  it('reads a reversal of one term outvoted by terms both sides direct alike in their own words as no conflict', () => {
    // "enzyme" hangs on "activated" in the claim and on "reduces" in the evidence; "lowers" and "reduces" agree on the rest.
    expect(
      stanceOfEvidence('The enzyme is activated during injury and then lowers joint swelling and pain.', [
        'The enzyme reduces joint swelling and pain.',
      ]),
    ).toMatchObject({ directionConflict: 0, directionAgree: 1 });
  });

  it('keeps a reversal where each side has its word of change before the term, however many terms the two reword alike', () => {
    expect(
      stanceOfEvidence('The tablet lowered diastolic blood pressure and serum sodium but raised potassium.', [
        'The tablet reduced diastolic blood pressure and serum sodium and reduced potassium.',
      ]),
    ).toMatchObject({ directionConflict: 1 });
    expect(
      stanceOfEvidence('The diet lowered body weight and waist circumference but raised cholesterol.', [
        'The diet reduced body weight and waist circumference and reduced cholesterol.',
      ]),
    ).toMatchObject({ directionConflict: 1 });
    // Reworded alike throughout, nothing reversed.
    expect(
      stanceOfEvidence('The diet lowered body weight and waist circumference and lowered cholesterol.', [
        'The diet reduced body weight and waist circumference and reduced cholesterol.',
      ]),
    ).toMatchObject({ directionConflict: 0 });
  });

  it('keeps a reversal of the object while the subject agrees, and terms both direct by the same word outvote nothing', () => {
    expect(
      stanceOfEvidence('The mutation reduces resistance to the drug.', [
        'The mutation decreased susceptibility to the drug and potentiated resistance.',
      ]),
    ).toMatchObject({ directionConflict: 1 });
    // Subjects take the direction of the verb after them: they agree in any wording and outvote nothing.
    expect(
      stanceOfEvidence('Coastal dunes lost sand more slowly after 1990.', [
        'Coastal dunes lost sand faster after 1990.',
      ]),
    ).toMatchObject({ directionConflict: 1 });
    expect(
      stanceOfEvidence('Loss of the phosphatase deactivates the kinase pathway in tumours.', [
        'Loss of the phosphatase activates the kinase pathway in tumours.',
      ]),
    ).toMatchObject({ directionConflict: 1 });
  });

  it('reads "A but not B" as denying B, not as a negated finding ("made by clinical but not by laboratory strains")', () => {
    const stance = stanceOfEvidence(
      'The protein is made by clinical but not by many high-passage laboratory strains.',
      ['Clinical and low-passage strains make the protein.'],
    );
    expect(stance).toMatchObject({ negationMismatch: 0, antonymConflict: 0 });
    // What "but not" denies still disagrees with a side that states it.
    expect(
      stanceOfEvidence('The drug was effective in adults.', ['The drug was tolerated but not effective in adults.'])
        .scopedNegation,
    ).toBeGreaterThan(0);
  });
});
