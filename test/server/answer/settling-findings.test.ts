import { describe, expect, it } from 'vitest';
import { bottomLine } from '../../../server/answer/bottom-line.ts';
import {
  opposedQualifier,
  rejectsClaimedModel,
  settlesAgainst,
  statedSameness,
} from '../../../server/answer/settling-findings.ts';

const at = (n: number, text: string) => ({
  n,
  sentence: { field: 'abstract' as const, start: 0, end: text.length, text },
});
const verdict = (question: string, ...sentences: string[]) =>
  bottomLine(
    question,
    sentences.map((text, i) => at(i + 1, text)),
  ).verdict;

describe('settling-findings', () => {
  it('says no when one finding against holds nearly all the question asks ("do not change significantly between …")', () => {
    expect(
      verdict(
        'Does the tilt of the kinesin neck change between the ATP and ADP states?',
        'Cryo-electron microscopy shows that the tilt of the kinesin neck does not change significantly between the ATP and ADP states.',
      ),
    ).toBe('no');
    // A null finding on part of the question stays one finding among others.
    expect(
      verdict(
        'Does the tilt of the kinesin neck change between the ATP and ADP states?',
        'Binding affinity to microtubules did not differ significantly between the two constructs.',
      ),
    ).not.toBe('no');
  });

  it("says no on a reversed comparison or the claim's verb denied as an ability", () => {
    expect(
      verdict(
        'Is a 15-nt guide RNA a weaker silencing trigger than a 21-nt guide RNA?',
        'Kinetic assays indicate that 15-nt guide RNA has a higher loading efficiency than 21-nt guide RNA.',
      ),
    ).toBe('no');
    expect(
      verdict(
        'Can Zmp4 dimerize like its paralogue?',
        'Zmp4 carries two loop insertions in the conserved fold that explain its inability to dimerize.',
      ),
    ).toBe('no');
    expect(settlesAgainst('Zmp4 dimerize like its paralogue', 'Zmp4 reduced the growth of the colonies.')).toBe(false);
  });

  it('says no when the sentence puts an opposed qualifier in the place of the claim\'s ("regardless of" for "only when", "approximately" for "exactly", "lethal" for "viable")', () => {
    expect(
      verdict(
        'Does Klf9 raise Notch target expression only when the pathway genes are mutated?',
        'We show that Klf9 raises Notch target expression regardless of the mutational status of the pathway genes and increases the invasive potential of the cells.',
      ),
    ).toBe('no');
    expect(
      verdict(
        'Are loan-return intervals in the survey data exactly normal?',
        'In the survey data, loan-return intervals are only approximately normal.',
      ),
    ).toBe('no');
    expect(
      verdict(
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
      verdict(
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

  it('reads a stated difference against a question of sameness, and a stated likeness for it', () => {
    expect(
      verdict(
        'Is stress-induced cell shedding the same process as caspase-driven extrusion?',
        'We show that this shedding is mechanistically distinct from caspase-driven extrusion and precedes any sign of death.',
      ),
    ).toBe('no');
    expect(statedSameness('Laser ablation showed comparable effectiveness with open surgery.')).toBe(1);
    expect(statedSameness('Laser ablation shortened the hospital stay.')).toBe(0);
  });
});
