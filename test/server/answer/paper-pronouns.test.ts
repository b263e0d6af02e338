import { describe, expect, it } from 'vitest';
import { sentencesNamingPaper } from '../../../server/answer/paper-pronouns.ts';
import { paperName } from '../../../server/verify/paper-name.ts';

const paper = (title: string, abstract: string) => ({ title, abstract });
const wordings = (title: string, abstract: string) => [...sentencesNamingPaper(paper(title, abstract)).values()];

describe('paper-pronouns', () => {
  it('knows the name a paper calls itself by, and not a common word that opens its title', () => {
    expect(paperName(paper('COGCAPTCHA30', 'COGCAPTCHA30 is a suite of tasks.'))).toBe('COGCAPTCHA30');
    expect(paperName(paper('Feather: batch size vs. prefix', 'Feather groups requests.'))).toBe('Feather');
    expect(paperName(paper('Litespark Inference on CPUs', 'Litespark runs ternary networks.'))).toBe('Litespark');
    expect(paperName(paper('UE-DPO', 'UE-DPO makes preference optimization aware.'))).toBe('UE-DPO');
    expect(paperName(paper('The Origin of Sinks', 'The sink is a structural artefact.'))).toBeNull();
    expect(paperName(paper('Attention Sinks in Language Models', 'Attention sinks arise early.'))).toBeNull();
    expect(paperName(paper('Feather: batch size', 'We study Feather.'))).toBeNull();
    expect(paperName(paper('', 'It is a suite.'))).toBeNull();
    // A name the title gives in parentheses or before its colon, when the abstract opens with it.
    expect(paperName(paper('Neural Weight Translation (NeWTral)', 'NeWTral aligns LoRA adapters.'))).toBe('NeWTral');
    expect(paperName(paper('Memory Inception: Latent KV Steering', 'Memory Inception steers models.'))).toBe(
      'Memory Inception',
    );
  });

  it('quotes a sentence from the paper name on when an opening phrase points back ("Based on this, Feather introduces…")', () => {
    const abstract =
      'Asks what determines how well serving uses its cache. Based on this, Feather introduces a scheduler that groups work by prefix. To this end, the authors add a queue.';
    expect(wordings('Feather: Batch Size vs. Prefix Homogeneity', abstract)).toEqual([
      'Feather introduces a scheduler that groups work by prefix.',
    ]);
    // Another subject after the phrase still leans on the sentence before, and is left as it is.
    expect(wordings('Feather: Batch Size', 'Feather groups requests. Based on this, we add a queue.')).toEqual([]);
    // So is a name that is not the paper's.
    expect(wordings('Feather: Batch Size', 'Feather groups requests. Based on this, Sparrow adds a queue.')).toEqual(
      [],
    );
  });

  it('gives a digest\'s opening sentence that states a finding the paper as its subject, by its name or as "the paper"', () => {
    expect(
      wordings(
        'Kestrel: Batch Size vs. Prefix Sharing in Serving',
        'Asks what decides cache reuse, and shows that shared prefixes matter more than batch size. Throughput rises.',
      ),
    ).toEqual(['[Kestrel] asks what decides cache reuse, and shows that shared prefixes matter more than batch size.']);
    expect(
      wordings(
        'On the origin of cache misses',
        'Studies how caches miss and finds that most misses come from eviction order.',
      ),
    ).toEqual(['[The paper] studies how caches miss and finds that most misses come from eviction order.']);
    // A plural noun opening a background sentence is its subject, not a digest's verb.
    for (const opening of [
      'Studies show that statins reduce mortality in older adults.',
      'Reviews of earlier trials found that statins reduce mortality.',
      'Reports from several hospitals show that statins reduce mortality.',
    ])
      expect(wordings('Kestrel: Statins', opening), opening).toEqual([]);
    // An opening that announces a topic answers nothing about it; a later sentence is not the opening.
    expect(
      wordings('Kestrel: Serving', 'Offers a mechanistic account of why caches miss. Shows that order matters.'),
    ).toEqual([]);
  });

  it('writes the paper name in brackets for the pronoun that stands for it, possessive too', () => {
    expect(
      wordings(
        'DisastRAG',
        'DisastRAG gathers disaster information from many sources. Its design follows a multi-path architecture. It is evaluated on floods.',
      ),
    ).toEqual(["[DisastRAG's] design follows a multi-path architecture.", '[DisastRAG] is evaluated on floods.']);
  });

  it('reads the pronoun after an opening phrase that has no subject of its own', () => {
    expect(
      wordings(
        'Litespark Inference on Consumer CPUs',
        'Litespark runs ternary networks on consumer CPUs. Exploiting the structure of ternary weights, it delivers 52x higher throughput.',
      ),
    ).toEqual(['Exploiting the structure of ternary weights, [Litespark] delivers 52x higher throughput.']);
  });

  it('keeps a run about the paper through "The framework is…", and ends it at another subject', () => {
    expect(
      wordings(
        'VHG',
        'VHG generates hard problems. The framework is validated on MATH. Its tooling uses SymPy. We compare it with baselines. It fails rarely.',
      ),
    ).toEqual(["[VHG's] tooling uses SymPy."]);
  });

  it('leaves an "it" that stands for nothing, and a pronoun in a paper that never names itself', () => {
    expect(wordings('SoftSAE', 'SoftSAE picks features dynamically. It is well known that sparsity helps.')).toEqual(
      [],
    );
    expect(wordings('A study of sinks', 'Sinks appear early. It is evaluated on six models.')).toEqual([]);
  });
});
