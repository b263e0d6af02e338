import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { deniedAlternative } from '../../../../server/verify/judge/denied-alternatives.ts';
import { anchoredDirections } from '../../../../server/verify/judge/direction-anchors.ts';
import { antonymConflict, prefixAntonyms } from '../../../../server/verify/judge/opposite-words.ts';
import { negationScope } from '../../../../server/verify/judge/reading-facts.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('stance-reading', () => {
  it('reaches from a negation to the words after it in the same clause, not across "but"', () => {
    const { inside, outside } = negationScope(
      readSentence('Smoking was not associated with asthma, but diet raised blood pressure.'),
    );
    expect(inside.has(stem('asthma'))).toBe(true);
    expect(outside.has(stem('blood'))).toBe(true);
    expect(outside.has(stem('smoking'))).toBe(true);
  });

  it('reads "lack", "fails to" and contracted negations as negation', () => {
    expect(readSentence('The extract lacks any antiviral activity.').negated).toBe(true);
    expect(readSentence('The drug fails to lower pressure.').negated).toBe(true);
    expect(readSentence('It doesn’t help.').negated).toBe(true);
    expect(readSentence('The drug lowers pressure.').negated).toBe(false);
  });

  it('reaches a negation of a thing over its noun phrase, past "any", and reads "-free" as one', () => {
    const without = readSentence('It steers a model without any large-scale training.');
    expect(negationScope(without).inside.has(stem('training'))).toBe(true);
    expect(without).toMatchObject({ negated: false, deniesThing: true, negatesOnlyThings: false });
    const free = readSentence('The method is training-free.');
    expect(negationScope(free).inside.has(stem('training'))).toBe(true);
    expect(free).toMatchObject({ negated: false, deniesThing: true });
    expect(readSentence('It requires no training.')).toMatchObject({ negated: true, negatesOnlyThings: true });
    expect(readSentence('Accuracy did not improve.')).toMatchObject({ negated: true, negatesOnlyThings: false });
    // A clause closed by "lacking" negates what it says, not a thing.
    expect(readSentence('Evidence for no training effect was lacking.').negatesOnlyThings).toBe(false);
  });

  it('stops a negation of a thing at the predicate: a word with a direction or an "-ly" adverb', () => {
    const lacking = negationScope(readSentence('Even models lacking instruction tuning improve accuracy with scale.'));
    expect(lacking.inside.has(stem('tuning'))).toBe(true);
    expect(lacking.inside.has(stem('improve'))).toBe(false);
    expect(lacking.inside.has(stem('accuracy'))).toBe(false);
    const absence = negationScope(readSentence('Cells cultured in the absence of serum proliferated slowly.'));
    expect(absence.inside.has(stem('serum'))).toBe(true);
    expect(absence.inside.has(stem('slowly'))).toBe(false);
    // A noun that ends as an adverb does is read on: "with no prior family history".
    const family = negationScope(readSentence('Patients with no prior family history were enrolled.'));
    expect(family.inside.has(stem('family'))).toBe(true);
  });

  it('reads "with no" that restricts the subject ("A robot with no tactile sensors grasps…") as a condition, not a negated finding', () => {
    const withNo = readSentence('A robot with no tactile sensors grasps objects reliably.');
    expect(withNo).toMatchObject({ negated: false, deniesThing: true });
    expect(negationScope(withNo).inside.has(stem('sensors'))).toBe(true);
    expect(negationScope(withNo).inside.has(stem('grasps'))).toBe(false);
    expect(
      negationScope(readSentence('A robot without tactile sensors grasps objects.')).inside.has(stem('grasps')),
    ).toBe(false);
    // After a verb, "with no" still negates: "grasps objects with no failures".
    expect(readSentence('The robot grasps objects with no failures.').negated).toBe(true);
  });

  it('stops a condition ("without comorbidities") at the predicate after it, so what is found is not negated', () => {
    const scope = negationScope(readSentence('Patients without comorbidities improved steadily.'));
    expect(scope.inside.has(stem('comorbidities'))).toBe(true);
    expect(scope.inside.has(stem('improved'))).toBe(false);
  });

  it('reads "mice lacking X" as a condition reaching a few words, not as a negated finding', () => {
    const reading = readSentence('Mice lacking the receptor gained weight on a normal diet.');
    expect(reading.negated).toBe(false);
    const { inside, outside } = negationScope(reading);
    expect(inside.has(stem('receptor'))).toBe(true);
    expect(outside.has(stem('diet'))).toBe(true);
  });

  it('reads null findings: "no significant difference", "not associated", "unchanged"', () => {
    expect(readSentence('There was no significant difference in mortality.').nullFinding).toBe(true);
    expect(readSentence('Obesity was not associated with survival.').nullFinding).toBe(true);
    expect(readSentence('Sleep quality was unchanged.').nullFinding).toBe(true);
    expect(readSentence('Charcoal had little effect on kidney injury.').nullFinding).toBe(true);
    expect(readSentence('The difference was not significant.').nullFinding).toBe(true);
    expect(readSentence('Obesity was associated with shorter survival.').nullFinding).toBe(false);
  });

  it('attaches a direction of effect to the words it governs, not to the whole sentence', () => {
    const claim = anchoredDirections(readSentence('Making RAG more faithful reduces leakage.'));
    const evidence = anchoredDirections(readSentence('Faithfulness brings a higher leakage risk.'));
    expect(claim.get(stem('leakage'))).toBe(-1);
    expect(evidence.get(stem('leakage'))).toBe(1);
  });

  it('reads promote against impede and improves against worsens as opposite directions', () => {
    const term = stem('recovery');
    expect(anchoredDirections(readSentence('Exercise promotes recovery.')).get(term)).toBe(1);
    expect(anchoredDirections(readSentence('Exercise impedes recovery.')).get(term)).toBe(-1);
    expect(anchoredDirections(readSentence('Rest improves recovery.')).get(term)).toBe(1);
    expect(anchoredDirections(readSentence('Rest worsens recovery.')).get(term)).toBe(-1);
  });

  it('flips the direction of a negated effect word', () => {
    expect(anchoredDirections(readSentence('Caffeine did not increase recall.')).get(stem('recall'))).toBe(-1);
  });

  it('reads always against never, species scope and hedges', () => {
    expect(readSentence('These metrics are always Einstein.').quantifier).toBe(1);
    expect(readSentence('These metrics are never Einstein.').quantifier).toBe(-1);
    expect(readSentence('It runs only a chosen subset of experts.').quantifier).toBe(-1);
    expect(readSentence('It runs only in mice.').quantifier).toBe(0);
    expect(readSentence('The drug lowered glucose in mice.').species).toBe('animal');
    expect(readSentence('The drug lowered glucose in patients.').species).toBe('human');
    expect(readSentence('The drug may lower glucose.').hedged).toBe(true);
  });

  it('finds words negated by a prefix on one side only', () => {
    expect(prefixAntonyms('Pollution is unrelated to anxiety.', 'Pollution was related to anxiety.')).toBe(true);
    expect(prefixAntonyms('The test is inaccurate.', 'The test is accurate.')).toBe(true);
    expect(prefixAntonyms('The test is accurate.', 'The test is accurate in adults.')).toBe(false);
  });

  it('reaches back from a negation that closes its clause: "evidence that X … was lacking", "Y was absent"', () => {
    const lacking = readSentence('Evidence that headache was associated with cognitive impairment was lacking.');
    expect(lacking.negated).toBe(true);
    expect(negationScope(lacking).inside.has(stem('cognitive'))).toBe(true);
    const absent = readSentence('In treated mice, fibrosis was absent.');
    expect(negationScope(absent).inside.has(stem('fibrosis'))).toBe(true);
    expect(negationScope(absent).outside.has(stem('mice'))).toBe(true);
    // "lacking" that opens a condition still reaches only forward and negates no finding.
    const condition = readSentence('Mice lacking the receptor gained weight.');
    expect(condition.negated).toBe(false);
    expect(negationScope(condition).outside.has(stem('mice'))).toBe(true);
  });

  it('does not read "not only … but also" or "whether or not" as a negation', () => {
    const notOnly = readSentence('Exercise not only improves mood but also sleep quality.');
    expect(notOnly.negated).toBe(false);
    expect(negationScope(notOnly).inside.size).toBe(0);
    expect(readSentence('We asked whether or not statins help.').negated).toBe(false);
    expect(readSentence('Exercise did not improve mood.').negated).toBe(true);
  });

  it('finds a WordNet antonym of a claim word in the evidence, unless negation on one side turns it into agreement', () => {
    const conflict = (claim: string, evidence: string) => antonymConflict(readSentence(claim), readSentence(evidence));
    expect(conflict('The resected tumours were benign.', 'The resected tumours were malignant.')).toBe(true);
    expect(conflict('The infection was acute in most patients.', 'The infection was chronic in most patients.')).toBe(
      true,
    );
    expect(
      conflict('Serum sodium was higher in the treated group.', 'Serum sodium was lower in the treated group.'),
    ).toBe(true);
    expect(conflict('The resected tumours were benign.', 'The resected tumours were benign and small.')).toBe(false);
    // "not effective" and "ineffective" say the same thing.
    expect(conflict('The vaccine was not effective in adults.', 'The vaccine was ineffective in adults.')).toBe(false);
    // A sentence naming both sides ("benign or malignant") states neither against the claim.
    expect(conflict('The resected tumours were benign.', 'Tumours were benign or malignant.')).toBe(false);
  });

  it('reads a sentence once while it is kept, and again (the same reading) once it has been pushed out', () => {
    const text = 'Statins did not reduce mortality in older adults.';
    const first = readSentence(text);
    expect(readSentence(text)).toBe(first);
    for (let i = 0; i < 3_000; i++) readSentence(`Sentence number ${i} raised nothing.`);
    const again = readSentence(text);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("reads each clause's terms, negation and null finding as reading the clause alone would", () => {
    const text =
      'Smoking raised asthma risk, but diet was not associated with it; weight was unchanged whereas sleep improved.';
    const reading = readSentence(text);
    expect(reading.clauses.map((c) => [[...c.terms], c.negated, c.nullFinding])).toEqual([
      [['smoke', 'rais', 'asthma', 'risk'], false, false],
      [['diet', 'associ'], true, true],
      // "unchanged" negates: it is no term of the clause, and the clause is negated.
      [['weight'], true, true],
      [['wherea', 'sleep', 'improv'], false, false],
    ]);
    expect(reading.nullFinding).toBe(true);
    // "Not only" adds; it negates neither the clause nor the sentence ("a shared prefix matters, not
    // only the batch size").
    const notOnly = readSentence('Exercise not only improves mood, and more.');
    expect(notOnly.clauses.map((c) => c.negated)).toEqual([false, false]);
    expect(notOnly.negated).toBe(false);
  });

  it('reads what "rather than", "instead of" and "as opposed to" prefer and deny, and not inside a "whether"', () => {
    expect(readSentence('The kernels run on consumer GPUs rather than CPUs.').alternatives).toEqual([
      { preferred: stem('gpus'), denied: stem('cpus') },
    ]);
    expect(readSentence('Models use attention instead of recurrence.').alternatives).toEqual([
      { preferred: stem('attention'), denied: stem('recurrence') },
    ]);
    // A verb that only carries its object ("instead of using a fixed K") is not what is denied.
    expect(readSentence('It picks its features dynamically instead of using a fixed K.').alternatives).toEqual([
      { preferred: stem('dynamically'), denied: stem('fixed') },
    ]);
    expect(readSentence('We asked whether they are regulated as opposed to noise.').alternatives).toEqual([]);
  });

  it('gives no direction from a word that states no change: "per block", "64 or more", "retrieval-augmented"', () => {
    const directions = anchoredDirections(readSentence('It tolerates 64 or more bit errors per block.'));
    expect(directions.get(stem('errors'))).toBeUndefined();
    expect(directions.get(stem('bit'))).toBeUndefined();
    expect(anchoredDirections(readSentence('Retrieval-augmented generation answers questions.')).size).toBe(0);
    // A direction word that does state a change still gives one.
    expect(anchoredDirections(readSentence('Bit errors increased sharply.')).get(stem('errors'))).toBe(1);
  });

  it('reads a side that keeps to one word ("positive-only", "only positive") as denying its opposite, not "not only"', () => {
    const both = readSentence('The update learns from both positive and negative samples.');
    expect(deniedAlternative(both, [readSentence('The policy update is positive-only.')])).toBe(true);
    expect(deniedAlternative(both, [readSentence('It learns from only positive samples.')])).toBe(true);
    expect(deniedAlternative(readSentence('It learns from only positive samples.'), [both])).toBe(true);
    expect(deniedAlternative(both, [readSentence('It learns not only positive samples but others.')])).toBe(false);
    expect(deniedAlternative(both, [readSentence('The policy update uses positive samples.')])).toBe(false);
    // Evidence that keeps to the word too, a pair set against something, or the words apart: no denial.
    const only = readSentence('The method trains on only positive pairs.');
    expect(deniedAlternative(only, [readSentence('Our positive-only objective discards all negative pairs.')])).toBe(
      false,
    );
    expect(
      deniedAlternative(only, [
        readSentence(
          'Unlike contrastive methods that need positive and negative pairs, our method trains on positive pairs.',
        ),
      ]),
    ).toBe(false);
    expect(
      deniedAlternative(readSentence('The loss is applied only after warm-up.'), [
        readSentence('We apply the loss after warm-up, before deployment.'),
      ]),
    ).toBe(false);
  });

  it('finds a denied alternative only when the other side states it and not the preferred one', () => {
    const claim = readSentence('The kernels run on consumer GPUs rather than CPUs.');
    expect(deniedAlternative(claim, [readSentence('The kernels run on consumer CPUs.')])).toBe(true);
    expect(deniedAlternative(claim, [readSentence('The kernels run on GPUs.')])).toBe(false);
    // A paper that states both alternatives, in any of its sentences, denies neither.
    expect(
      deniedAlternative(claim, [readSentence('The kernels run on consumer CPUs.'), readSentence('GPUs were faster.')]),
    ).toBe(false);
    // The other way round: the evidence denies what the claim states.
    expect(
      deniedAlternative(readSentence('The kernels run on consumer CPUs.'), [
        readSentence('The kernels run on GPUs rather than CPUs.'),
      ]),
    ).toBe(true);
  });

  it('reads a weak null finding ("little effect", "negligible impact", "minimal or no benefit") as negated, "a little" not', () => {
    for (const text of [
      'Exercise had little effect on symptoms.',
      'The tax had negligible impact on sales.',
      'The drug gave minimal or no benefit for pain.',
    ])
      expect(readSentence(text).negated, text).toBe(true);
    expect(readSentence('Exercise had a little effect on symptoms.').negated).toBe(false);
    expect(readSentence('Minimal residual disease predicted relapse.').negated).toBe(false);
    expect(negationScope(readSentence('Exercise had little effect on symptoms.')).inside.has(stem('symptoms'))).toBe(
      true,
    );
  });

  it('reads "did not improve" and "minimal improvement" as null findings, as "no benefit" is', () => {
    for (const text of [
      'The programme did not improve quality of life.',
      'There was no improvement in pain.',
      'The programme brought minimal improvement in quality of life.',
      'Walking had minimal benefit on mood.',
    ])
      expect(readSentence(text).nullFinding, text).toBe(true);
    expect(readSentence('The programme improved quality of life.').nullFinding).toBe(false);
  });

  it('reads a condition in a population phrase ("people with hearing loss") as who, with no direction and out of a negation’s reach', () => {
    expect(anchoredDirections(readSentence('People with hearing loss were followed for six years.')).size).toBe(0);
    expect(anchoredDirections(readSentence('Patients with mild impairment took donepezil.')).size).toBe(0);
    const reading = readSentence('Hearing aids did not slow cognitive decline in people with hearing loss.');
    expect(reading.words.find((w) => w.term === stem('loss'))?.direction).toBe(0);
    const { inside, outside } = negationScope(reading);
    expect(inside.has(stem('decline'))).toBe(true);
    expect(outside.has(stem('loss'))).toBe(true);
    expect(outside.has(stem('people'))).toBe(true);
    // Outside a population phrase the noun still states a change, and an adjective in one still
    // sets a subgroup apart ("patients with higher adherence").
    expect(readSentence('The drug caused hearing loss.').words.find((w) => w.term === stem('loss'))?.direction).toBe(
      -1,
    );
    expect(
      anchoredDirections(readSentence('Patients with higher adherence lived longer.')).get(stem('adherence')),
    ).toBe(1);
  });

  it('reads findings in vitro as about cells, in vivo as about animals', () => {
    expect(readSentence('Compound X killed tumour cells in vitro.').species).toBe('cells');
    expect(readSentence('The drug was tested in two cell lines.').species).toBe('cells');
    expect(readSentence('Compound X killed tumour cells in vivo.').species).toBe('animal');
    expect(readSentence('Compound X killed tumour cells in vitro and in mice.').species).toBe(null);
  });

  it('reads "only 58% of the time" as a part, against which "always" conflicts', () => {
    expect(readSentence('The cited source backs the answer only 58% of the time.').quantifier).toBe(-1);
    expect(readSentence('Accuracy was only 39-77 percent.').quantifier).toBe(-1);
    expect(readSentence('The cited source backs the answer 58% of the time.').quantifier).toBe(0);
    expect(readSentence('Cited sources always back the answer.').quantifier).toBe(1);
  });

  it('reaches from "rather than" past carrying verbs to what is denied, and not past "only"', () => {
    const reading = readSentence('Each answer is rated on its reasoning instead of using a fixed rubric.');
    expect(reading.alternatives).toEqual([{ preferred: stem('reasoning'), denied: stem('fixed') }]);
    expect(reading.words.find((w) => w.term === stem('fixed'))?.negated).toBe(true);
    // "rather than only checking outcomes" checks outcomes too: "only" is what is denied.
    const limited = readSentence('Each answer is rated on its reasoning rather than only checking outcomes.');
    expect(limited.alternatives).toEqual([
      { preferred: stem('reasoning'), denied: stem('only'), limited: [stem('checking'), stem('outcomes')] },
    ]);
    expect(limited.words.find((w) => w.term === stem('outcomes'))?.negated).toBe(false);
    expect(limited.negated).toBe(false);
  });

  it('reads what a sentence keeps to with "only", not with "not only" or after "rather than"', () => {
    expect(readSentence('ProcBench grades only the final answer.').keptTo).toEqual([stem('final'), stem('answer')]);
    expect(readSentence('ProcBench grades not only the final answer.').keptTo).toEqual([]);
    expect(readSentence('ProcBench grades the process rather than only the final answer.').keptTo).toEqual([]);
  });

  it('reads "interferon" as no word of decrease', () => {
    expect(readSentence('Cells induce interferon genes.').words.map((word) => word.direction)).toEqual([0, 1, 0, 0]);
  });

  it('keeps a negation\'s reach across ", however," after a short negated subject, not after a clause', () => {
    const aside = negationScope(readSentence('Neither treatment, however, eliminated headache problems.'));
    expect(aside.inside.has(stem('eliminated'))).toBe(true);
    const after = negationScope(readSentence('The drug did not cure, however, it reduced pain.'));
    expect(after.outside.has(stem('pain'))).toBe(true);
  });

  it('reads a hyphenated "-independent" or "-deficient" as part of a name, not as a negation', () => {
    expect(readSentence('SHH-independent cells grow.').negated).toBe(false);
    expect(readSentence('The cells were SHH-dependent and -independent.').negated).toBe(false);
    expect(negationScope(readSentence('CRACM1-deficient mice degranulate poorly.')).inside.size).toBe(0);
    expect(readSentence('Growth was independent of SHH.').negated).toBe(true);
  });

  it('ends a negation at ", however," when a new subject follows the aside', () => {
    const trend = negationScope(readSentence('It was not significant, however, the trend favoured topiramate.'));
    expect(trend.outside.has(stem('trend'))).toBe(true);
    expect(trend.inside.has(stem('favoured'))).toBe(false);
    const readmitted = negationScope(readSentence('No deaths occurred, however, two patients were readmitted.'));
    expect(readmitted.inside.has(stem('readmitted'))).toBe(false);
    const neither = negationScope(readSentence('Neither treatment, however, eliminated headaches.'));
    expect(neither.inside.has(stem('eliminated'))).toBe(true);
  });

  it('ends a condition\'s reach at an adverb that opens the predicate ("lacking BAX still underwent")', () => {
    for (const text of [
      'Cells lacking BAX still underwent apoptosis.',
      'Cells without BAX still underwent apoptosis.',
    ]) {
      const words = readSentence(text).words;
      expect(
        words.filter((word) => word.negated).map((word) => word.term),
        text,
      ).toEqual([stem('bax')]);
    }
  });

  it('reads what "lacking" reaches past the first reading as a condition, not a negated finding', () => {
    const words = readSentence('Mice lacking TLR4 survived polymicrobial sepsis.').words;
    expect(words.filter((word) => word.negated && !word.conditioned)).toEqual([]);
    const no = readSentence('Mice with no TLR4 survived polymicrobial sepsis.').words;
    expect(no.some((word) => word.negated && !word.conditioned)).toBe(true);
  });

  it('reads the "not" of "A but not B" as a denial over the phrase after it, and the sentence as denying only that', () => {
    const reading = readSentence('The protein is made by clinical but not by many laboratory strains.');
    // Negated (ask reads "reduced A but not B" as a denial), but by the denial of B alone.
    expect(reading).toMatchObject({ negated: true, deniesOnlyAlternative: true });
    expect(
      readSentence('The protein is not made by clinical but not by laboratory strains.').deniesOnlyAlternative,
    ).toBe(false);
    const strains = reading.words.find((word) => word.term === 'strain')!;
    expect(strains).toMatchObject({ negated: true, denied: true });
    // Asked with "whether", it denies nothing.
    expect(
      readSentence('We asked whether clinical but not laboratory strains make it.').words.every((w) => !w.denied),
    ).toBe(true);
  });
});
