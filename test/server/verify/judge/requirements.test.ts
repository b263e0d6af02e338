import { describe, expect, it } from 'vitest';
import { stem, tokenize } from '../../../../indexer/text/analyze.ts';
import { lackingAlike, requirementConflict, requirementsOf } from '../../../../server/verify/judge/requirements.ts';
import { stanceFeatures } from '../../../../server/verify/judge/stance-features.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const read = (text: string) => requirementsOf(text, tokenize(text));
const sorted = (list: readonly string[]) => [...list].sort();

describe('requirements', () => {
  it('reads what a sentence needs, actively or passively said', () => {
    expect(sorted(read('The method requires extensive training.').required)).toEqual(
      sorted(['extens', stem('training')]),
    );
    expect(sorted(read('Steering depends on the KV cache.').required)).toEqual(sorted([stem('kv'), stem('cache')]));
    expect(sorted(read('A large GPU is needed for inference.').required)).toEqual(sorted([stem('large'), stem('gpu')]));
  });

  it('reads what a sentence does without: "without", "-free", a denied need', () => {
    expect(read('It steers a model without any training.').dispensed).toEqual([stem('training')]);
    expect(read('A training-free method.').dispensed).toEqual([stem('training')]);
    expect(read('It does not require a GPU.').dispensed).toEqual([stem('gpu')]);
    expect(read('No GPU is needed.').dispensed).toEqual([stem('gpu')]);
    expect(read('A GPU is not required.').dispensed).toEqual([stem('gpu')]);
  });

  it('finds a conflict when one side needs what the other does without, and none when the evidence says both', () => {
    const claim = read('Memory Inception requires training to steer a model.');
    expect(requirementConflict(claim, [read('It steers a model without any training.')])).toBe(true);
    expect(requirementConflict(read('It works without training.'), [read('Training is required.')])).toBe(true);
    expect(requirementConflict(claim, [read('Training is required.')])).toBe(false);
    expect(
      requirementConflict(claim, [read('Without training it fails.'), read('Training is required for steering.')]),
    ).toBe(false);
    expect(requirementConflict(read('Models steer well.'), [read('It works without training.')])).toBe(false);
    // Doing without training is doing without each kind of it; doing without one kind is not doing without all.
    const kinds = ['It needs fine-tuning.', 'It requires pretraining.', 'Retraining is required.'];
    for (const kind of kinds)
      expect(requirementConflict(read(kind), [read('It works without any training.')]), kind).toBe(true);
    expect(requirementConflict(read('It requires training.'), [read('It works without fine-tuning.')])).toBe(false);
  });

  it('finds a conflict when one side has a phrase the other is without ("carry semantic content" against "without any semantic content")', () => {
    const lacking = read('These tokens are without any semantic content.');
    expect(requirementConflict(read('The tokens carry clear semantic content.'), [lacking])).toBe(true);
    expect(requirementConflict(read('The tokens carry no semantic content.'), [lacking])).toBe(false);
    // Read in the paper's other sentences too, and the other way round.
    expect(requirementConflict(read('The tokens carry semantic content.'), [read('We study tokens.')], [lacking])).toBe(
      true,
    );
    expect(
      requirementConflict(read('The tokens carry no semantic content.'), [read('Tokens carry rich semantic content.')]),
    ).toBe(true);
    // One term done without is a condition ("patients without treatment"), not a phrase.
    expect(requirementConflict(read('Patients have treatment options.'), [read('Patients without treatment.')])).toBe(
      false,
    );
    // An auxiliary "has" is no having: "has been shown" holds nothing, "has semantic content" does.
    expect(read('It has been shown semantic content.').held).toEqual([]);
    expect(read('It has semantic content.').held.length).toBeGreaterThan(0);
  });

  it('reads two sides that lack the same phrase, one with "no" and one with "without", as alike', () => {
    const lacking = read('These tokens are without any semantic content.');
    expect(lackingAlike(read('Register tokens carry no semantic content.'), lacking)).toBe(true);
    expect(lackingAlike(read('The tokens do not contain semantic content.'), lacking)).toBe(true);
    // Having the phrase, lacking another, or lacking one term (a condition) is not alike.
    expect(lackingAlike(read('Register tokens carry semantic content.'), lacking)).toBe(false);
    expect(lackingAlike(read('Register tokens carry no positional information.'), lacking)).toBe(false);
    expect(lackingAlike(read('Patients without treatment.'), read('Patients were without treatment.'))).toBe(false);
  });

  it('reads the means "by fine-tuning" as a need, in conflict with "without any training"', () => {
    expect(sorted(read('It adapts the recognizer by fine-tuning its decoder.').required)).toEqual(
      sorted([stem('fine'), stem('tuning')]),
    );
    expect(read('Drift adapts it by retraining.').required).toEqual([stem('retraining')]);
    expect(read('It was written by hand.').required).toEqual([]);
    expect(read('Nothing is gained by nothing.').required).toEqual([]);
    const evidence = [read('Drift adapts a speech recognizer to new accents without any training.')];
    expect(requirementConflict(read('Drift adapts the recognizer by fine-tuning its decoder.'), evidence)).toBe(true);
    expect(requirementConflict(read('Drift adapts the recognizer by rewriting its cache.'), evidence)).toBe(false);
  });

  it('reads only the action after "by" as needed ("by prompting a pretrained model" needs no model), and no need after "rather than by"', () => {
    expect(read('Glimpse works by prompting a pretrained vision model.').required).toEqual([stem('prompting')]);
    expect(sorted(read('It adapts the recognizer by fine-tuning the decoder.').required)).toEqual(
      sorted([stem('fine'), stem('tuning')]),
    );
    expect(read('Bias is removed by editing neurons rather than by retraining the model.').required).toEqual([
      stem('editing'),
    ]);
    expect(read('Bias is removed by editing neurons instead of by retraining.').required).toEqual([stem('editing')]);
    const evidence = [read('Glimpse segments medical images without any training by prompting a vision model.')];
    expect(requirementConflict(read('Glimpse works by prompting a pretrained vision model.'), evidence)).toBe(false);
  });

  it('reads a claim that does without training and improves "by fine-tuning" as no conflict with either', () => {
    const evidence = [
      read('ZeroTag labels entities in new domains without any training.'),
      read('Its accuracy improves further by fine-tuning on 500 labeled sentences.'),
    ];
    const claim = read(
      'ZeroTag labels entities without any training, and its accuracy improves further by fine-tuning on labeled sentences.',
    );
    expect(requirementConflict(claim, evidence)).toBe(false);
    expect(
      requirementConflict(read('ZeroTag labels entities by fine-tuning on labeled sentences.'), evidence.slice(0, 1)),
    ).toBe(true);
  });

  it('reads "rely on" and "depend on" in their plain form as a need', () => {
    expect(read('Natural backdoors rely on trigger phrases.').required).toEqual([stem('trigger'), stem('phrases')]);
    expect(read('Such methods depend on labels.').required).toEqual([stem('labels')]);
    expect(requirementConflict(read('The attacks rely on training.'), [read('It works without any training.')])).toBe(
      true,
    );
  });

  it('reaches past "any" to the whole noun phrase after "without", and no further than a stop word', () => {
    expect(read('It works without any large-scale training.').dispensed).toEqual([
      stem('large'),
      stem('scale'),
      stem('training'),
    ]);
    expect(read('It steers a model without any training by editing its cache.').dispensed).toEqual([stem('training')]);
    expect(new Set(read('It measures consistency without requiring annotations.').dispensed)).toEqual(
      new Set([stem('annotations')]),
    );
  });

  it('reads "semantically empty" as lacking what "carries no semantic meaning" lacks, so the two agree', () => {
    const empty = read('Attention sinks turn out to be semantically empty.');
    expect(empty.lacking).toEqual([[stem('semantically')]]);
    expect(lackingAlike(empty, read('The sink carries no semantic meaning.'))).toBe(true);
    expect(read('The tokens are devoid of any semantic content.').lacking).toEqual([
      [stem('semantic'), stem('content')],
    ]);
    // A degree adverb says how empty, not of what; an empty set lacks nothing named.
    expect(read('The buffer is largely empty.').lacking).toEqual([]);
    expect(read('It returns an empty set.').lacking).toEqual([]);
    const features = stanceFeatures(
      readSentence('Attention sinks turn out to be semantically empty, a structural by-product of variance.'),
      readSentence('The authors conclude that the sink carries no semantic meaning; it is a structural artefact.'),
    );
    expect(features.negationMismatch).toBe(0);
    expect(features.scopedNegation).toBe(0);
  });
});
