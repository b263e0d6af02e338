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
const library = [
  speech,
  glazes,
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
});
