import { describe, expect, it } from 'vitest';
import { bottomLine, claimOfQuestion, findingStance } from '../../../server/answer/bottom-line.ts';

const at = (n: number, text: string) => ({
  n,
  sentence: { field: 'abstract' as const, start: 0, end: text.length, text },
});
const stance = (question: string, sentence: string) => findingStance(sentence, claimOfQuestion(question));

describe('bottom-line', () => {
  it('reads a finding a study reports in its own words ("we now show that", "We find that") on what it reports', () => {
    expect(
      stance(
        'Are the fin progenitor cells near the amputation plane mitotically quiescent?',
        'Using a zebrafish model, we now show that the fin progenitor cells near the amputation plane are mitotically quiescent.',
      ),
    ).toBe(1);
    // The clause set against the report ("normally fail to enter") is not what it found.
    expect(
      stance(
        'Does loss of Rac1 make fibroblasts enter the wound bed?',
        'Although fibroblasts normally fail to enter the wound bed, we find that loss of Rac1 leads to their entry into the wound bed.',
      ),
    ).toBe(1);
  });

  it("reads no reversal in a direction the sentence gives the outcome when the claim's only direction is its subject's", () => {
    const asked = 'Does depletion of Lsd1 make stem cells form neuron-like cells?';
    const found =
      'We find that depletion of Lsd1 by siRNA leads to the formation of neuron-like cells and induction of neuron-associated genes.';
    expect(stance(asked, found)).toBe(1);
    // A claim that asks a direction of its outcome is still reversed by the opposite one.
    expect(stance('Does depletion of Lsd1 reduce neuron-associated genes?', found)).toBe(-1);
  });

  it('reads no finding in what a paper announces it presents ("Here, we report the development of…")', () => {
    const asked = 'Was the drought-tolerant maize line obtained by random mutagenesis?';
    expect(stance(asked, 'Here, we report the development of a drought-tolerant maize line by genome editing.')).toBe(
      0,
    );
    expect(
      stance(
        'Does genome editing raise drought tolerance in maize?',
        'We report that genome editing raised drought tolerance in maize by 30%.',
      ),
    ).toBe(1);
  });

  it('reads "had little effect on" as a null finding, "appeared normal" as an observation and "its inability to" as a denial', () => {
    expect(
      stance(
        'Does deletion of sir-2 have a strong effect on lifespan in females?',
        'In females, deletion of sir-2 had little effect on lifespan at either temperature.',
      ),
    ).toBe(-1);
    expect(
      stance(
        'Are the regenerated fins structurally normal?',
        'The regenerated fins appeared structurally normal and carried a full set of bony rays.',
      ),
    ).toBe(1);
    expect(
      stance(
        'Can Abc3 bind microtubules?',
        'Yeast Abc3 carries two insertions in its motor domain that explain its inability to bind microtubules.',
      ),
    ).toBe(-1);
  });

  it('counts no null finding in a relative clause or in an attributive "similar to", and no present passive', () => {
    const relative =
      'Interleukin-8 raised neutrophil counts threefold when combined with a low dose of CD11b antibody that alone had no measurable effect.';
    expect(stance('Does interleukin-8 raise neutrophil counts?', relative)).toBe(1);
    const asked = 'Does blocking CD11b with an antibody lower neutrophil retention in the spleen?';
    const lowered = 'An antibody blocking CD11b lowered neutrophil retention in the spleen from 40% to 8%.';
    const tripled =
      'Interleukin-8 released neutrophils from the spleen, tripled by a low dose of CD11b-blocking antibody that alone had no releasing effect.';
    expect(bottomLine(asked, [at(1, lowered), at(2, tripled)])).toMatchObject({ verdict: 'yes', no: [] });
    expect(
      stance(
        'Are yeast strains whose growth rate matches the wild type favored in mixed cultures?',
        'Yeast strains with a growth rate similar to that of the wild type were significantly favored in mixed cultures.',
      ),
    ).toBe(1);
    // A "similar to" after a copula is a null finding still.
    expect(
      stance(
        'Does the antibody raise neutrophil counts?',
        'At day 7, we found that neutrophil counts in treated mice were similar to those of untreated mice.',
      ),
    ).toBe(-1);
    expect(
      stance(
        'Does matching day length to the circadian period improve flowering?',
        'In many plants, flowering is improved when day length matches the circadian period.',
      ),
    ).toBe(0);
  });

  it("counts only findings about the question's subject", () => {
    const offTopic = 'Different citation rates were demonstrated for reviews, for letters and for research articles.';
    expect(
      bottomLine('Is the impact factor a suitable measure of journal quality without a correction for field size?', [
        at(1, offTopic),
      ]),
    ).toMatchObject({ verdict: 'unclear', yes: [], no: [] });
  });

  it('reads a null finding a verb form reports, or a "similar to" after the verb, as against the claim', () => {
    expect(
      stance(
        'Does dropout reduce overfitting in small networks?',
        'Training curves coincided, indicating that dropout had no effect on overfitting.',
      ),
    ).toBe(-1);
    expect(
      stance(
        'Does drug X prolong survival in lung cancer?',
        'Drug X yielded overall survival similar to that of standard therapy (HR 0.98, 95% CI 0.85-1.12).',
      ),
    ).toBe(-1);
    expect(
      stance(
        'Does drug X prolong overall survival?',
        'Adding drug X to chemotherapy, which had no effect on overall survival, lowered toxicity.',
      ),
    ).toBe(-1);
  });

  it('reads no finding in what a study looked into, nor in effects that appeared inconsistent or symptoms that appeared', () => {
    const asked = 'Does dropout reduce overfitting in small networks?';
    expect(stance(asked, 'We looked into whether dropout reduces overfitting in small networks.')).toBe(0);
    expect(stance(asked, 'Effects of dropout on overfitting appeared inconsistent across studies.')).toBe(0);
    expect(
      stance('Does drug X cause new symptoms?', 'New symptoms appeared frequently after drug X was started.'),
    ).toBe(0);
  });

  it("counts a sentence quoted with the one before it for neither side when the second limits the first's finding", () => {
    for (const [question, quote] of [
      [
        'Does aspirin reduce stroke risk in men?',
        'Aspirin reduced stroke risk in men. This effect was absent in women.',
      ],
      [
        'Does caffeine improve memory recall?',
        'Caffeine improved memory recall by 12%. This effect was not due to changes in attention.',
      ],
    ])
      expect(bottomLine(question!, [at(1, quote!)]), quote).toMatchObject({ yes: [], no: [] });
    // A second sentence that carries the finding alone still counts.
    expect(
      bottomLine('Does caffeine improve memory recall?', [
        at(1, 'Caffeine was given to 40 adults. It did not improve memory recall.'),
      ]),
    ).toMatchObject({ yes: [], no: [1] });
  });

  it('reads a null finding after ", which" about something else as no finding against the claim', () => {
    for (const [question, sentence] of [
      [
        'Does metformin reduce body weight?',
        'Metformin reduced body weight compared with placebo, which had no effect.',
      ],
      ['Does the vaccine reduce infection?', 'The vaccine reduced infection, which did not differ between age groups.'],
      ['Does drug X reduce pain?', 'Drug X reduced pain compared with the vehicle, which had no effect on pain.'],
    ])
      expect(stance(question!, sentence!), sentence).toBe(1);
    // The clause is read when it alone holds the claim's outcome, or when the rest states nothing.
    expect(
      stance(
        'Does metformin reduce body weight?',
        'Metformin had no effect on body weight in patients, who nevertheless reported less hunger.',
      ),
    ).toBe(-1);
  });

  it('reads "the stretching that had no effect" as describing a noun, not as the finding', () => {
    expect(
      stance(
        'Does resistance training improve insulin sensitivity?',
        'Resistance training improved insulin sensitivity, unlike the stretching that had no effect.',
      ),
    ).toBe(1);
    expect(
      stance(
        'Does aspirin reduce stroke risk?',
        'Aspirin reduced stroke risk in the screening that showed no difference in bleeding.',
      ),
    ).toBe(1);
  });

  it('reads a "similar to" after "treated with" as describing the subject', () => {
    expect(
      stance(
        'Does the inhibitor reduce cell migration?',
        'Cells treated with a dose of the inhibitor similar to that used clinically showed reduced migration.',
      ),
    ).toBe(1);
  });
});

describe('bottom-line (cues of a finding and limits)', () => {
  it('reads "we provide the first direct evidence that" and "studies have confirmed" as findings', () => {
    expect(
      stance(
        'Does caspase-2 homodimerize within the PIDDosome?',
        'Using a new crosslinking assay, we provide the first direct evidence that caspase-2 homodimerizes within the PIDDosome.',
      ),
    ).toBe(1);
    expect(
      stance(
        'Does laser ablation shorten the hospital stay?',
        'Several studies have confirmed that laser ablation shortens the hospital stay.',
      ),
    ).toBe(1);
  });

  it('reads "was able to" as a reported result', () => {
    expect(
      stance(
        'Does the engineered yeast strain produce ethanol at a yield above 0.2 g per gram of xylose?',
        'The engineered yeast strain was able to produce ethanol with a yield of 0.41 g per gram of xylose.',
      ),
    ).toBe(1);
  });

  it('reads the finding before an inference clause (", suggesting that…") unhedged when it is on the claim', () => {
    expect(
      stance(
        'Does Zmp4 bind tetramers more strongly than dimers?',
        'Binding studies reveal that Zmp4 binds tetramers more strongly than dimers, suggesting that Zmp4 acts as a tetramer sensor.',
      ),
    ).toBe(1);
    // Off the claim, the inference still hedges the whole.
    expect(
      stance(
        'Can Zmp4 polymerize like actin?',
        'Binding studies reveal that Zmp4 binds tetramers more strongly than dimers, suggesting that Zmp4 acts as a tetramer sensor.',
      ),
    ).toBe(0);
  });

  it('reads "not yet fully validated" as a limit and "does not necessarily require" as a denial', () => {
    expect(
      stance(
        'Can a clinic cut its waiting lists by half while still meeting demand?',
        'Preliminary, but not yet fully validated research, indicates that waiting lists may be cut by half and still meet demand.',
      ),
    ).toBe(0);
    expect(
      stance(
        'Does spindle assembly require a centrosome?',
        'These results indicate that spindle assembly does not necessarily require a centrosome.',
      ),
    ).toBe(-1);
    // Elsewhere "not necessarily" still limits.
    expect(
      stance(
        'Does a larger dose improve recovery?',
        'These results indicate that a larger dose does not necessarily improve recovery.',
      ),
    ).toBe(0);
  });
});
