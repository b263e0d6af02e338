import { describe, expect, it } from 'vitest';
import { numberSources } from '../../../server/answer/answer-sources.ts';
import { ownNamesAsked, unaddressedByNamed } from '../../../server/answer/named-papers.ts';
import { questionConcepts } from '../../../server/answer/question-concepts.ts';
import { titleNamesOf } from '../../../server/answer/source-coverage.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { paperWith } from '../../support/paper.ts';

const source = (id: string, title: string, abstract: string) => ({
  passage: {
    id: id.length,
    paperId: id,
    field: 'abstract' as const,
    ordinal: 0,
    start: 0,
    end: abstract.length,
    text: abstract,
  },
  paper: paperWith({ id, title, abstract }),
  score: 1,
});

describe('named-papers', () => {
  it('takes a name the question gives for a paper only when it is that paper’s own name, not one its title uses', () => {
    const sources = numberSources([
      source(
        'feather',
        'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference',
        'Asks what determines LLM serving.',
      ),
      source('rangeguard', 'RangeGuard', 'RangeGuard is an error-correcting code scheme for LLMs.'),
    ]);
    const question = 'Is RangeGuard a scheduler for LLM serving?';
    const concepts = questionConcepts(question, statisticsOfTexts(sources.map((s) => s.paper.abstract)));
    const own = ownNamesAsked(sources, titleNamesOf(concepts, sources));
    expect(own.map((c) => c.word)).toEqual(['RangeGuard']);
  });

  it('says the named paper does not address a yes/no question only when the question does not ask what it is', () => {
    const [ue, dpo, fixed] = questionConcepts('UE-DPO fixed', statisticsOfTexts(['UE-DPO is a method.']));
    const own = [ue!, dpo!];
    expect(unaddressedByNamed('Does UE-DPO use a fixed K?', own, [fixed!], true)).toBe(
      'The library holds no answer: the abstract of UE-DPO, which the question asks about, says nothing of what it asks ("fixed").',
    );
    expect(unaddressedByNamed('Is UE-DPO a method with a fixed K?', own, [fixed!], true)).toBeNull();
    expect(unaddressedByNamed('Does UE-DPO use a fixed K?', own, [fixed!], false)).toBeNull();
  });
});
