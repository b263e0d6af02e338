import { describe, expect, it } from 'vitest';
import { EvidenceProfile } from '../../../server/verify/evidence-profile.ts';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { isSpecificTerm, unaddressedWords } from '../../../server/verify/unaddressed-words.ts';

const speech = {
  title: 'SpeechPro: a spoken language model trained on text',
  abstract:
    'SpeechPro is a spoken language model that closes the modality gap between speech and text. It builds on WhisperPro and draws on roughly 1,000 hours of recorded audio. Large language models (LLMs) served as teachers. GNNs encode its prosody.',
};
const glazes = {
  title: 'GlazeSet: a benchmark for ceramic glaze design',
  abstract:
    'GlazeSet is the first benchmark for AI-assisted design of ceramic glazes. It contains 23,148 glaze formulations and 4,047 images. Key-value caches speed up the baseline models.',
};
const sinks = {
  title: 'The structural origin of attention sinks',
  abstract:
    'Attention sinks are structural artefacts of a variance discrepancy in the first token. Fine-tuning leaves them in place; the model stays training-free at inference.',
};
const tumours = {
  title: 'Hemoglobin in pediatric tumor cells',
  abstract:
    'Pediatric tumor cells with low hemoglobin showed altered color in assays of estrogen signaling. TNF-alpha levels rose and beta-catenin was required. Microcin J25 blocks NTP binding in RNA polymerase, halving transcription.',
};
const library = [
  speech,
  glazes,
  sinks,
  tumours,
  ...[
    'soil nitrogen cycles',
    'glacier melt rates',
    'ion channel gating',
    'graph coloring bounds',
    'river delta sediments',
    'bird migration routes',
  ].map((t) => ({ title: t, abstract: `A study of ${t} in language models and benchmarks.` })),
];
const statistics = statisticsOfTexts(library.map((p) => `${p.title}\n${p.abstract}`));
const profileOf = (paper: typeof speech) => new EvidenceProfile(sentencesOfPaper(paper), statistics);

// Papers that write only the abbreviation of what a claim spells out (none writes the claim's words).
const softSae = {
  title: 'SoftSAE: soft sparse autoencoders',
  abstract: 'SoftSAE learns sparse features of transformer activations. It matches TopK, and its codes cost less.',
};
const abbreviated: [claim: string, abstract: string][] = [
  ['Dialogue agents show theory of mind', 'Dialogue agents show ToM in puzzles.'],
  ['Sensors of the internet of things drain batteries', 'IoT sensors drain batteries.'],
  ['Routers with a mixture of experts scale well', 'MoE routers scale well.'],
  ['Networks keep quality of service under load', 'Networks keep QoS under load.'],
  ['The probe is state-of-the-art on reefs', 'The probe is SoTA on reefs.'],
  ['Arms with seven degrees of freedom grasp cups', 'Arms with 7-DoF grasp cups.'],
  ['Large language model agents plan trips', 'We study llm agents that plan trips.'],
  ['Prompting with chain of thought helps arithmetic', 'CoT prompting helps arithmetic.'],
  ['Taggers assign part of speech labels', 'Taggers assign PoS labels.'],
  ['Retrieval augmented generation grounds chatbots', 'RAG grounds chatbots.'],
  ['Large language models write poems', 'LLMs write poems.'],
];
const abbreviatingPapers = abbreviated.map(([, abstract], i) => ({ title: `Paper ${i}`, abstract }));
const abbreviatingStatistics = statisticsOfTexts(
  [softSae, ...abbreviatingPapers].map((p) => `${p.title}\n${p.abstract}`),
);

describe('unaddressed-words', () => {
  it('lists the object of a comparison and the task that a paper on the topic never mentions', () => {
    const found = unaddressedWords(
      'SpeechPro outperforms Whisper on speech recognition benchmarks',
      [profileOf(speech)],
      statistics,
    );
    // "Whisper" is read in "WhisperPro"; "benchmarks" is a word of most papers of this library.
    expect(found.words).toEqual(['outperforms', 'recognition']);
    expect(found.share).toBeGreaterThan(0.3);
  });

  it('finds nothing missing in a claim the paper states', () => {
    expect(
      unaddressedWords('SpeechPro draws on roughly 1,000 hours of recorded audio', [profileOf(speech)], statistics),
    ).toMatchObject({ words: [], share: 0 });
  });

  it('reads inflections, abbreviations by their initials and the words an abbreviation stands for as mentions', () => {
    expect(unaddressedWords('GlazeSet helps ceramicists design glazes', [profileOf(glazes)], statistics).words).toEqual(
      [],
    );
    expect(
      unaddressedWords('SpeechPro encodes prosody with graph neural networks', [profileOf(speech)], statistics).words,
    ).toEqual([]);
    expect(unaddressedWords('GlazeSet baselines use KV caches', [profileOf(glazes)], statistics).words).toEqual([]);
  });

  it('leaves out words of any abstract, numbers and directions of effect, which the stance reads', () => {
    expect(
      unaddressedWords('GlazeSet raises accuracy by 40% more than other approaches', [profileOf(glazes)], statistics)
        .words,
    ).toEqual(['accuracy']);
  });

  it('counts a word as specific when few of the library papers hold it', () => {
    expect(isSpecificTerm('whisper', statistics)).toBe(true);
    expect(isSpecificTerm('benchmark', statistics)).toBe(false);
  });

  it('reads no author name, "et al.", "and colleagues", a year or "according to" as a word the paper must mention', () => {
    for (const claim of [
      'Lin et al. found that attention sinks are structural artefacts',
      'Van Lin and colleagues found that attention sinks are structural artefacts',
      'According to Lin and Wu (2020), attention sinks are structural artefacts',
    ])
      expect(unaddressedWords(claim, [profileOf(sinks)], statistics)).toMatchObject({ words: [], share: 0 });
  });

  it('reads no surname a citation marker stood after, the subject of "shows that", as a word the paper must mention', () => {
    // As verify reads "Venkatesh [3] shows that …": its marker gone.
    const found = unaddressedWords(
      'Venkatesh shows that attention sinks are structural artefacts',
      [profileOf(sinks)],
      statistics,
    );
    expect(found).toMatchObject({ words: [], share: 0 });
    expect(found.claimTerms).toBe(5);
  });

  it('counts no author name, "et al.", "and colleagues", a year or "according to" among the claim\'s terms', () => {
    const termsOf = (claim: string) => unaddressedWords(claim, [profileOf(sinks)], statistics).claimTerms;
    expect(termsOf('Attention sinks are structural artefacts')).toBe(4);
    // "found" says what is asserted of the sinks; the names and the year are who found it.
    expect(termsOf('Lin et al. found that attention sinks are structural artefacts')).toBe(5);
    expect(termsOf('Van Lin and colleagues found that attention sinks are structural artefacts')).toBe(5);
    expect(termsOf('According to Lin and Wu (2020), attention sinks are structural artefacts')).toBe(4);
  });

  it('reads British spellings, Greek letters and hyphenated compounds as the words the paper writes otherwise', () => {
    const paper = [profileOf(tumours)];
    expect(
      unaddressedWords('Paediatric tumour cells with low haemoglobin show altered colour', paper, statistics).words,
    ).toEqual([]);
    expect(unaddressedWords('Oestrogen signalling in tumours', paper, statistics).words).toEqual([]);
    expect(unaddressedWords('Attention sinks are a structural artifact', [profileOf(sinks)], statistics).words).toEqual(
      [],
    );
    expect(unaddressedWords('TNF-α levels rose and β-catenin was required', paper, statistics).words).toEqual([]);
    expect(
      unaddressedWords('Finetuning leaves attention sinks in place', [profileOf(sinks)], statistics).words,
    ).toEqual([]);
    expect(unaddressedWords('The model stays trainingfree', [profileOf(sinks)], statistics).words).toEqual([]);
  });

  it('leaves out number words, one-letter words and words of any abstract', () => {
    expect(
      unaddressedWords(
        'Microcin J25 blocks NTP binding twofold in x mice, three times as often',
        [profileOf(tumours)],
        statistics,
      ).words,
    ).toEqual(['mice']);
  });

  it('reads an abbreviation a claim defines as mentioned when the paper writes its long form', () => {
    expect(
      unaddressedWords('Cells with low hemoglobin (Hb) show altered color', [profileOf(tumours)], statistics).words,
    ).toEqual([]);
  });

  it('reads the long form a claim defines as mentioned when the paper writes its abbreviation', () => {
    expect(
      unaddressedWords('Microcin J25 blocks nucleoside triphosphate (NTP) binding', [profileOf(tumours)], statistics)
        .words,
    ).toEqual([]);
  });

  it('matches the initials of text words only to a claim word written in capitals', () => {
    // "cells with low" has the initials "cwl"; the claim's "cwl" in lower case is no abbreviation.
    expect(unaddressedWords('Tumor cells show cwl staining', [profileOf(tumours)], statistics).words).toContain('cwl');
    expect(unaddressedWords('Tumor cells show CWL', [profileOf(tumours)], statistics).words).toEqual([]);
  });

  it('reads no pronoun or word of any abstract as the initials of claim words ("its" for "interpretable than")', () => {
    const paper = [new EvidenceProfile(sentencesOfPaper(softSae), abbreviatingStatistics)];
    for (const claim of [
      'SoftSAE features are more interpretable than TopK',
      'SoftSAE features are more interpretable today',
    ])
      expect(unaddressedWords(claim, paper, abbreviatingStatistics).words).toContain('interpretable');
  });

  it('reads an abbreviation the paper writes with two capitals, or in lower case for three words, as their initials', () => {
    const unmentioned = abbreviated.map(([claim], i) => {
      const paper = [new EvidenceProfile(sentencesOfPaper(abbreviatingPapers[i]!), abbreviatingStatistics)];
      return { claim, words: unaddressedWords(claim, paper, abbreviatingStatistics).words };
    });
    expect(unmentioned).toEqual(abbreviated.map(([claim]) => ({ claim, words: [] })));
  });
});
