import { describe, expect, it } from 'vitest';
import { standaloneProblem, withoutConnective } from '../../../server/answer/standalone-sentence.ts';

describe('standalone-sentence', () => {
  it('accepts a sentence that says something on its own', () => {
    expect(standaloneProblem('Caffeine increased short-term memory recall by 12% compared with placebo.')).toBeNull();
    expect(standaloneProblem('These results suggest that telephone counseling works best.')).toBeNull();
    expect(standaloneProblem('It is well known that aspirin thins the blood.')).toBeNull();
  });

  it('refuses questions, quoted questions, fragments, dangling pronouns, aims, headings and markup', () => {
    expect(standaloneProblem('Why should teachers teach young adult literature?')).toBe('question');
    expect(standaloneProblem('"Why should teachers teach it?" was the question most of them asked first.')).toBe(
      'question',
    );
    expect(standaloneProblem('Offers a mechanistic account of attention heads in large models.')).toBe('fragment');
    expect(standaloneProblem('Parses the citations produced by deep research agents and scores them.')).toBe(
      'fragment',
    );
    expect(standaloneProblem('Probes where language models encode emotional valence across depth.')).toBe('fragment');
    // The same words after a plural noun start a finding.
    expect(standaloneProblem('Patients who received the drug had lower blood pressure.')).toBeNull();
    expect(standaloneProblem('Cases where the treatment failed were rare in the cohort.')).toBeNull();
    expect(standaloneProblem('and the effect held in older adults as well.')).toBe('fragment');
    expect(standaloneProblem('It explains in-context learning in small models.')).toBe('dangling');
    expect(standaloneProblem('Based on this, Feather introduces a scheduler that groups work by prefix.')).toBe(
      'dangling',
    );
    expect(standaloneProblem('From this diagnosis they derive architectural changes for pretraining.')).toBe(
      'dangling',
    );
    expect(standaloneProblem('In this study, aspirin reduced the risk of stroke.')).toBeNull();
    expect(standaloneProblem('This suggests a role for the sink token in training.')).toBe('dangling');
    expect(standaloneProblem('The aim of this study was to determine whether prompts change behaviour.')).toBe('aim');
    expect(standaloneProblem('To compare adherence to follow-up recommendations for colposcopy.')).toBe('aim');
    expect(standaloneProblem('Results')).toBe('heading');
    expect(standaloneProblem('</p><h3>Conclusions</h3><p>Aspirin works in most adults.')).toBe('markup');
  });
});

describe('standalone-sentence: caseless papers', () => {
  it('does not take a lowercase start for a fragment in a paper written all in lower case', () => {
    const sentence = 'an experimental study of a wing in a propeller slipstream was made in order to find the lift .';
    expect(standaloneProblem(sentence)).toBe('fragment');
    expect(standaloneProblem(sentence, { caseless: true })).toBeNull();
    expect(standaloneProblem('offers a mechanistic account of the wake behind the wing .', { caseless: true })).toBe(
      'fragment',
    );
  });
});

describe('standalone-sentence: connectives that point back', () => {
  it('quotes a sentence from after an opening connective, with a capital', () => {
    expect(withoutConnective('As a result, a deployment can run a subset of experts.')).toBe(
      'A deployment can run a subset of experts.',
    );
    expect(withoutConnective('However, in the presence of stimuli, Ly49Q mediated rapid polarization.')).toBe(
      'In the presence of stimuli, Ly49Q mediated rapid polarization.',
    );
    expect(withoutConnective('however , the lift rose with incidence .')).toBe('The lift rose with incidence .');
    expect(withoutConnective('Surprisingly, greater search depth lowers accuracy.')).toBe(
      'Surprisingly, greater search depth lowers accuracy.',
    );
  });

  it('leaves what is left to the usual checks: "As a result, it…" still leans on the sentence before', () => {
    expect(standaloneProblem(withoutConnective('As a result, it delivers higher throughput on CPUs.'))).toBe(
      'dangling',
    );
  });
});

describe('standalone-sentence: a demonstrative and a noun', () => {
  it('refuses a sentence whose subject is a thing named in the sentence before', () => {
    expect(standaloneProblem('That property allows memory-efficient, modular deployment.')).toBe('dangling');
    expect(standaloneProblem('These carriers can be switched off at inference time.')).toBe('dangling');
  });

  it('accepts one pointing at the study, its results or its data', () => {
    expect(standaloneProblem('These data indicate that the COPI complex regulates lipid homeostasis.')).toBeNull();
    expect(standaloneProblem('This study shows that aspirin reduces stroke risk.')).toBeNull();
    expect(standaloneProblem('These findings suggest a role for telephone counseling.')).toBeNull();
  });

  it('quotes a finding that opens with "Here" pointing at the paper itself', () => {
    expect(standaloneProblem('Here, we show that the kinase phosphorylates its own activation loop.')).toBeNull();
    expect(standaloneProblem('Here we report a yeast strain that secretes twice as much lipase.')).toBeNull();
    // One that says what the study asked answers nothing.
    expect(standaloneProblem('Here we asked whether the kinase phosphorylates its own activation loop.')).toBe('aim');
    // A pronoun opening the sentence still dangles.
    expect(standaloneProblem('It binds the kinase at its activation loop.')).toBe('dangling');
  });

  it('quotes "Here, we show…" but not a "Here" that points at a place or case named before', () => {
    expect(standaloneProblem('Here, we show that bleaching spares the deep reef corals.')).toBeNull();
    expect(standaloneProblem('Here we show that bleaching spares the deep reef corals.')).toBeNull();
    expect(standaloneProblem('Here, bleaching was absent in all of the surveyed colonies.')).toBe('dangling');
    expect(standaloneProblem('Here the colonies recovered within two years of the event.')).toBe('dangling');
  });

  it('quotes a "Here" whose first dozen words name the authors, however the opening runs, or that opens on the study’s results', () => {
    for (const sentence of [
      'Here, using CRISPR screens in human cells, we show that the kinase drives invasion.',
      'Here, in a cohort of 5,000 adults, we found that statin use lowered mortality.',
      'Here, I show that the kinase phosphorylates its own activation loop.',
      'Here, our results show that the kinase phosphorylates its own activation loop.',
      'Here, results from two settlement assays show that coral larvae settle on plastic debris.',
      'Here, new data indicate that the kinase phosphorylates its own activation loop.',
    ])
      expect(standaloneProblem(sentence), sentence).toBeNull();
    expect(
      standaloneProblem('Here, in the shallow reefs surveyed after the event, bleaching was absent in all colonies.'),
    ).toBe('dangling');
  });

  it('still takes "Here, these data…" and "Here, the results…" for a "Here" that points at a case named before', () => {
    expect(standaloneProblem('Here, these data were too sparse to fit the model.')).toBe('dangling');
    expect(standaloneProblem('Here, the results were worse than in the dry season.')).toBe('dangling');
    expect(standaloneProblem('Here, such measurements failed for every colony.')).toBe('dangling');
  });

  it('quotes a sentence that goes on from its aim to what it found', () => {
    expect(
      standaloneProblem(
        'We hypothesized that dropout reduces overfitting, and found that it reduced test error by 8%.',
      ),
    ).toBeNull();
    expect(
      standaloneProblem('Here we asked whether the kinase is required and showed that its loss halts invasion.'),
    ).toBeNull();
    expect(
      standaloneProblem('We hypothesized that patients screened and found to carry the variant would relapse.'),
    ).toBe('aim');
  });

  it('refuses what a study set out to do, however "Here, we…" puts it', () => {
    for (const aim of [
      'Here, we sought to determine whether dropout reduces overfitting.',
      'Here, we test whether dropout reduces overfitting in small networks.',
      'Here we investigate whether dropout reduces overfitting in small networks.',
      'Here, we aimed to test the effect of dropout on overfitting.',
      'Here, we hypothesized that dropout reduces overfitting in small networks.',
      'We looked into whether dropout reduces overfitting in small networks.',
    ])
      expect(standaloneProblem(aim), aim).toBe('aim');
    expect(standaloneProblem('Here, we show that dropout reduces overfitting in small networks.')).toBeNull();
  });
});

describe('standalone-sentence (opening words in -s)', () => {
  it('takes no word in -ss or -us, nor "Whereas" or "Perhaps", for a subjectless verb', () => {
    expect(
      standaloneProblem('Unless a calibration step is added, the index fails a simple test of validity.'),
    ).toBeNull();
    expect(standaloneProblem('Thus the loan period shapes how often books return.')).toBeNull();
    expect(standaloneProblem('Whereas the old index drifts, the new one holds.')).toBeNull();
    // A capitalised verb in -s before its object is still a fragment.
    expect(standaloneProblem('Parses the citations of each record into fields.')).toBe('fragment');
  });
});
