import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../../server/verify/judge/builtin.judge.ts';
import { statisticsOfTexts } from '../../../../server/verify/term-statistics.ts';

// Abstracts written for these tests, after plain sentences the judge once read wrongly: a number
// matched though it counts another thing, "give rise to" read as a rise, a degree adjective's noun
// given the direction of the verb beside it, and "turn-only" against "multi-turn" on other nouns.
const kilnset = {
  title: 'KilnSet: a dataset for ceramic glaze design',
  abstract:
    'KilnSet is a dataset for machine-assisted design of ceramic glazes. It contains 12,480 glaze formulations and 3,215 images, gathered from an open glaze archive.',
};
const attribution = {
  title: 'Source attribution in research agents',
  abstract:
    'We parse the citations that research agents produce and check whether the cited sources back the claims. Links are usually valid, yet the cited source backs the claim only 40-70% of the time. Surprisingly, greater search depth lowers citation accuracy instead of raising it.',
};
const beams = {
  title: 'Beam width and output diversity in translation',
  abstract:
    'We study how decoding settings affect translation outputs. Using a wider beam lowers output diversity but improves BLEU on four language pairs. Sampling restores diversity at a small cost in BLEU.',
};
const sinks = {
  title: 'Where attention sinks come from',
  abstract:
    'We trace attention sinks in transformers to their origin. A mismatch in variance between the first token and the rest produces the sink on every test set we tried. Normalising each head separately lowers the variance mismatch and removes the sink.',
};
const dialogue = {
  title: 'Auditing chatbot safety over long dialogues',
  abstract:
    'We present a framework for auditing the safety of chatbots over multi-turn conversations, built on adaptive sampling of dialogue paths.',
};
const papers = [kilnset, attribution, beams, sinks, dialogue];
const fillers = ['soil nitrogen cycles', 'ion channel gating', 'graph coloring bounds', 'coral reef bleaching'].map(
  (topic) => ({ title: topic, abstract: `A study of ${topic} and how it changes over time.` }),
);
const statistics = statisticsOfTexts([...papers, ...fillers].map((p) => `${p.title}\n${p.abstract}`));
const judge = createBuiltinJudge(statistics);
const judgePaper = (claim: string, paper: { title: string; abstract: string }) =>
  judge.judgeNow(claim, sentencesOfPaper(paper));

describe('builtin.judge, on plain sentences', () => {
  it('does not support a number the paper states of another thing ("3,215 recipes" against "3,215 images")', () => {
    const recipes = judgePaper('KilnSet contains 3,215 glaze recipes.', kilnset);
    expect(recipes.verdict).toBe('partially_supported');
    expect(recipes.conflicts).toContain('numbers');
    expect(judgePaper('KilnSet contains 12,480 images.', kilnset).verdict).toBe('partially_supported');
    // The number of what the paper counts with it, in the paper's words or a word of its phrase.
    expect(judgePaper('KilnSet contains 3,215 glaze images.', kilnset).verdict).toBe('supported');
    expect(judgePaper('KilnSet contains 12,480 glaze recipes.', kilnset).verdict).toBe('supported');
  });

  it('reads "gives rise to" as no rise, and no opposite of a test set', () => {
    const result = judgePaper(
      'A mismatch in variance between the first token and the rest gives rise to the attention sink.',
      sinks,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.verdict).toBe('supported');
  });

  it('supports "deeper search reduces citation accuracy" from "greater search depth lowers citation accuracy"', () => {
    const result = judgePaper('Deeper search actually reduces the citation accuracy of research agents.', attribution);
    expect(result.conflicts).toEqual([]);
    expect(result.verdict).toBe('supported');
    expect(judgePaper('Deeper search raises the citation accuracy of research agents.', attribution).verdict).toBe(
      'contradicted',
    );
  });

  it('supports "larger beams reduce diversity" from "a wider beam lowers output diversity"', () => {
    expect(judgePaper('Larger beams reduce the diversity of translations.', beams).verdict).toBe('supported');
    expect(judgePaper('Larger beams increase the diversity of translations.', beams).verdict).toBe('contradicted');
  });

  it('does not support "turn-only settings" against "multi-turn conversations"', () => {
    expect(judgePaper('The framework audits chatbot safety in turn-only settings.', dialogue).verdict).not.toBe(
      'supported',
    );
    expect(judgePaper('The framework audits chatbot safety in multi-turn conversations.', dialogue).verdict).toBe(
      'supported',
    );
  });
});
