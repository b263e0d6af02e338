import { describe, expect, it } from 'vitest';
import { claimOfQuestion } from '../../../server/answer/bottom-line.ts';
import {
  holdsStem,
  otherValueInSlot,
  ownTermsStance,
  partsOfSentence,
  spellsOut,
} from '../../../server/answer/own-terms.ts';

const AGENTS = 'Cited but Not Verified: Parsing and Evaluating Source Attribution in LLM Deep Research Agents';
const stance = (question: string, sentence: string, title = '') =>
  ownTermsStance(question, sentence, claimOfQuestion(question), title);

describe('own-terms', () => {
  it('cuts a sentence where it turns to another thing', () => {
    expect(
      partsOfSentence(
        'Frontier models do well on link validity, yet their citations are accurate only 39-77% of the time, so a working link does not mean the source backs the claim.',
      ),
    ).toEqual([
      'Frontier models do well on link validity',
      'their citations are accurate only 39-77% of the time',
      'a working link does not mean the source backs the claim.',
    ]);
    expect(partsOfSentence('Depth lowers accuracy instead of raising it; it argues for checks.')).toEqual([
      'Depth lowers accuracy',
      'raising it',
      'it argues for checks.',
    ]);
  });

  it('holds a word in another form of its stem, and an acronym spelled out', () => {
    expect(holdsStem(new Set(['consistent']), 'consistency')).toBe(true);
    expect(holdsStem(new Set(['early']), 'earlier')).toBe(false);
    expect(holdsStem(new Set(['logically']), 'logical')).toBe(true);
    expect(holdsStem(new Set(['schedul']), 'scheduler')).toBe(true);
    // Nine letters shared, but five of "transformation" left over: another word.
    expect(holdsStem(new Set(['transformation']), 'transformer')).toBe(false);
    expect(holdsStem(new Set(['transformer']), 'transformation')).toBe(false);
    expect(spellsOut('LLMs', 'Asymmetric Valence Processing in Large Language Models')).toBe(true);
    expect(spellsOut('LLMs', 'Lean Language Kernels')).toBe(false);
    expect(spellsOut('llms', 'large language models')).toBe(false);
  });

  it("reads a part holding the question's terms for it, or against it when it reverses or denies them", () => {
    const deeper = 'Surprisingly, greater search depth lowers citation accuracy instead of raising it.';
    expect(stance('Does greater search depth improve citation accuracy in deep research agents?', deeper, AGENTS)).toBe(
      -1,
    );
    expect(stance('Does greater search depth lower citation accuracy?', deeper, AGENTS)).toBe(1);
    expect(
      stance('Do attention sinks carry semantic meaning?', 'The sink carries no semantic meaning.', 'Attention Sink'),
    ).toBe(-1);
  });

  it('reads nothing from a negation in a later part, which speaks of another thing', () => {
    const link =
      'Frontier models do well on link validity and on relevance, so a working, on-topic link does not mean the cited source backs the claim.';
    expect(stance('Do frontier models do well on link validity?', link, AGENTS)).toBe(1);
  });

  it('reads another value where the question puts a word as against, and a participle put otherwise as held', () => {
    const layers =
      'Signals for negative valence sit mostly in the early layers, whereas positive valence is strongest in the middle-to-late layers.';
    expect(stance('Is positive valence strongest in the early layers of LLMs?', layers, 'Large Language Models')).toBe(
      -1,
    );
    expect(
      stance('Is negative valence encoded mostly in the early layers of LLMs?', layers, 'Large Language Models'),
    ).toBe(1);
    expect(
      stance('Is negative valence strongest in the early layers?', 'Negative valence sits in the early layers.'),
    ).toBe(0);
    expect(otherValueInSlot('Is it in the early layers?', 'strongest in the middle-to-late layers', 'early')).toBe(
      true,
    );
    expect(otherValueInSlot('Is it in the early layers?', 'strongest in the layers', 'early')).toBe(false);
  });

  it("reads nothing from a sentence sharing too few of the question's terms, a question, an aim, a past account or a hedge", () => {
    expect(stance('Does greater search depth improve citation accuracy?', 'Citation accuracy is low.')).toBe(0);
    expect(
      stance(
        'Does greater search depth improve citation accuracy?',
        'We ask whether greater search depth improves citation accuracy.',
      ),
    ).toBe(0);
    expect(
      stance(
        'Does greater search depth improve citation accuracy?',
        'Greater search depth may improve citation accuracy.',
      ),
    ).toBe(0);
    expect(stance('Is it safe?', 'It is safe.')).toBe(0);
    const asked = 'Does greater search depth lower citation accuracy?';
    expect(stance(asked, 'Does greater search depth lower citation accuracy in agents?')).toBe(0);
    expect(stance(asked, 'Greater search depth lowered citation accuracy in the trial.')).toBe(0);
    expect(stance(asked, 'This study explores how greater search depth lowers citation accuracy.')).toBe(0);
    expect(stance(asked, 'Greater search depth is thought to lower citation accuracy.')).toBe(0);
    expect(stance(asked, 'Greater search depth lowers citation accuracy.')).toBe(1);
  });
});
