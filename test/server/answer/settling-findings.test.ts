import { describe, expect, it } from 'vitest';
import {
  leavesOpen,
  opposedQualifier,
  rejectsClaimedModel,
  settlesAgainst,
} from '../../../server/answer/settling-findings.ts';
import { statedSameness } from '../../../server/answer/stated-sameness.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

describe('settling-findings', () => {
  it('says no when one finding against holds nearly all the question asks ("do not change significantly between …")', () => {
    expect(
      verdictOf(
        'Does the tilt of the kinesin neck change between the ATP and ADP states?',
        'Cryo-electron microscopy shows that the tilt of the kinesin neck does not change significantly between the ATP and ADP states.',
      ),
    ).toBe('no');
    // A frame of reference ("relative to the filament") narrows nothing.
    expect(
      verdictOf(
        'Does the neck angle change between the ATP and ADP states?',
        'Images show that the neck angle relative to the filament does not change between the ATP and ADP states, but the head shifts.',
      ),
    ).toBe('no');
    // A null finding on part of the question stays one finding among others.
    expect(
      verdictOf(
        'Does the tilt of the kinesin neck change between the ATP and ADP states?',
        'Binding affinity to microtubules did not differ significantly between the two constructs.',
      ),
    ).not.toBe('no');
  });

  it("says no on a reversed comparison or the claim's verb denied as an ability", () => {
    expect(
      verdictOf(
        'Is a 15-nt guide RNA a weaker silencing trigger than a 21-nt guide RNA?',
        'Kinetic assays indicate that 15-nt guide RNA has a higher loading efficiency than 21-nt guide RNA.',
      ),
    ).toBe('no');
    expect(
      verdictOf(
        'Can Zmp4 dimerize like its paralogue?',
        'Zmp4 carries two loop insertions in the conserved fold that explain its inability to dimerize.',
      ),
    ).toBe('no');
    expect(settlesAgainst('Zmp4 dimerize like its paralogue', 'Zmp4 reduced the growth of the colonies.')).toBe(false);
  });

  it('says no when the sentence puts an opposed qualifier in the place of the claim\'s ("regardless of" for "only when", "approximately" for "exactly", "lethal" for "viable")', () => {
    expect(
      verdictOf(
        'Does Klf9 raise Notch target expression only when the pathway genes are mutated?',
        'We show that Klf9 raises Notch target expression regardless of the mutational status of the pathway genes and increases the invasive potential of the cells.',
      ),
    ).toBe('no');
    expect(
      verdictOf(
        'Are loan-return intervals in the survey data exactly normal?',
        'In the survey data, loan-return intervals are only approximately normal.',
      ),
    ).toBe('no');
    expect(
      verdictOf(
        'Is the abc1 def2 double mutant viable?',
        'The two genes can replace each other, and a cross between abc1 and def2 mutants was seedling lethal.',
      ),
    ).toBe('no');
    // A sentence holding the claim's own qualifier as well answers either way.
    expect(
      opposedQualifier('the abc1 mutant viable', 'The abc1 mutant was viable, whereas the double mutant was lethal.'),
    ).toBe(false);
    expect(opposedQualifier('rates approximately normal', 'Rates were roughly normal.')).toBe(false);
    // A condition set aside that is not the claim's answers nothing.
    expect(
      opposedQualifier(
        'Klf9 raise Notch target expression only when the pathway genes are mutated',
        'Klf9 raises Notch target expression independently of the age of the mice.',
      ),
    ).toBe(false);
  });

  it('says no when the authors reject a model in which the claim holds', () => {
    expect(
      verdictOf(
        'Does the kinesin neck act as a spring that stores strain?',
        'Our data disagree with models in which the kinesin neck acts as a spring to store strain.',
      ),
    ).toBe('no');
    expect(
      rejectsClaimedModel(
        'the kinesin neck act as a spring that stores strain',
        'Our data disagree with models in which the motor domain rotates during the stroke.',
      ),
    ).toBe(false);
  });

  it('does not read a rejection denied as rejecting ("cannot rule out", "did not refute")', () => {
    const question = 'Does the kinesin neck act as a spring that stores strain?';
    for (const sentence of [
      'We cannot rule out the hypothesis that the kinesin neck acts as a spring to store strain.',
      'These data do not rule out models in which the kinesin neck acts as a spring to store strain.',
      'Our data did not refute the model in which the kinesin neck acts as a spring to store strain.',
    ]) {
      expect(rejectsClaimedModel('the kinesin neck act as a spring that stores strain', sentence)).toBe(false);
      expect(verdictOf(question, sentence)).not.toBe('no');
    }
  });

  it('does not read an approximate number, a lethal neighbour or a short survival as an opposed qualifier', () => {
    const no = (question: string, sentence: string) => expect(verdictOf(question, sentence)).not.toBe('no');
    no(
      'Is the Abc1 protein exactly the predicted size?',
      'The Abc1 protein migrated at approximately 40 kDa, the predicted size.',
    );
    no('Is the assay exactly reproducible?', 'The assay was reproducible across nearly 300 samples.');
    no(
      'Are Abc1 knockout mice viable?',
      'Because Abc1 loss is lethal in zebrafish, we generated Abc1 knockout mice, which were born at Mendelian ratios.',
    );
    no(
      'Are Abc1 knockout mice viable?',
      'In contrast to the single Abc1 mutants, double knockout animals were lethal.',
    );
    no('Is loss of Abc1 lethal?', 'Pups lacking Abc1 survived only a few days after birth.');
  });

  it('does not set aside a condition the sentence states outside its "regardless of" phrase', () => {
    expect(
      verdictOf(
        'Is the drug effective only in patients with diabetes?',
        "The drug was effective in patients with diabetes, regardless of patients' age.",
      ),
    ).not.toBe('no');
  });

  it('does not settle on a denied comparison, one on a neighbouring outcome, or an inability of another subject', () => {
    expect(
      verdictOf('Is the transformer faster than the LSTM?', 'The transformer was not slower than the LSTM.'),
    ).not.toBe('no');
    expect(
      verdictOf(
        'Is drug A more effective than drug B at reducing pain?',
        'Drug A was less effective than drug B at reducing nausea, but reduced pain more.',
      ),
    ).not.toBe('no');
    expect(
      verdictOf(
        'Does Abc3 bind microtubules?',
        'Unlike wild-type Abc3, the truncated mutant showed an inability to bind microtubules.',
      ),
    ).not.toBe('no');
  });

  it('does not read "not only … but also" as a denial', () => {
    expect(
      statedSameness('Apoptotic extrusion is not only distinct from caspase-driven extrusion but also faster.'),
    ).toBe(-1);
    expect(statedSameness('The mutant is not merely similar to the wild type in shape.')).toBe(1);
    expect(
      rejectsClaimedModel(
        'aspirin reduce stroke risk',
        'These data not only rule out models in which aspirin reduces stroke risk but also explain the bleeding.',
      ),
    ).toBe(true);
  });

  it('leaves open only a model, view, hypothesis or possibility not ruled out, not a finding with a small benefit not excluded', () => {
    expect(leavesOpen('We cannot rule out the possibility that aspirin lowers stroke risk.')).toBe(true);
    expect(leavesOpen('Aspirin did not reduce stroke risk, although a small benefit cannot be excluded.')).toBe(false);
    // The finding beside such a caveat stands; a caveat alone says nothing.
    const question = 'Does aspirin reduce stroke risk?';
    expect(
      verdictOf(question, 'Aspirin did not reduce stroke risk, although a small benefit cannot be excluded.'),
    ).toBe('no');
    expect(
      verdictOf(question, 'Aspirin reduced stroke risk by 20%, although residual confounding cannot be ruled out.'),
    ).toBe('yes');
    expect(verdictOf(question, 'A benefit of aspirin on stroke risk cannot be ruled out.')).toBe('unclear');
  });
});
