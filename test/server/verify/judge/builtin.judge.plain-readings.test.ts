import { describe, expect, it } from 'vitest';
import { judgeOverLibrary } from './judge-library.ts';

// Abstracts written for these tests, after plain sentences the judge once read wrongly: a number
// matched though it counts another thing, "give rise to" read as a rise, a degree adjective's noun
// given the direction of the verb beside it, "turn-only" against "multi-turn" on other nouns, a
// restriction of the subject read as a negated finding, "untouched" against "unchanged", a count
// read as a year, "activation memory" as an increase, opposites of another sense ("side effect"
// against "top", "in light of" against "heavy"), and a cited author as a word the paper never writes.
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
const gripper = {
  title: 'A gripper controller for warehouse robots',
  abstract:
    'We built a new gripper controller for warehouse robots. With it, the robot grasps soft objects reliably. Training the controller takes one hour.',
};
const cacheEditing = {
  title: 'Steering by editing the cache',
  abstract:
    'We steer a language model by editing its cache at inference time. The model weights are left unchanged. Accuracy on five benchmarks improves.',
};
const trial = {
  title: 'A trial of a new antihypertensive drug',
  abstract:
    'We ran a randomized trial of a new antihypertensive drug. In 1,500 participants, the drug lowered blood pressure. The trial also recorded 2000 adverse events.',
};
const checkpointing = {
  title: 'Checkpointing for long-sequence training',
  abstract:
    'We study memory use when training large language models. Our checkpointing scheme cuts activation memory by 40% on long sequences. Training speed is unchanged.',
};
const antiemetic = {
  title: 'An antiemetic during chemotherapy',
  abstract:
    'We test a new antiemetic in 300 patients receiving chemotherapy. Nausea was the top complaint, and it fell by half with the drug.',
};
const pruning = {
  title: 'A pruning rule for sparse transformers',
  abstract: 'We propose a pruning rule for sparse transformers. The rule yields a 2x speedup on long documents.',
};
const drinking = {
  title: 'Alcohol and liver disease',
  abstract:
    'We follow 5,000 adults for ten years. In light of these data, drinking more than four glasses a day doubled the risk of liver disease.',
};
const papers = [
  kilnset,
  attribution,
  beams,
  sinks,
  dialogue,
  gripper,
  cacheEditing,
  trial,
  checkpointing,
  antiemetic,
  pruning,
  drinking,
];
const { judgePaper } = judgeOverLibrary(papers);

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

  it('reads "with no tactile sensors" restricting the subject as who the finding is about, not as its negation', () => {
    for (const claim of [
      'A robot with no tactile sensors grasps soft objects reliably.',
      'A robot without tactile sensors grasps soft objects reliably.',
    ]) {
      const result = judgePaper(claim, gripper);
      expect(result.verdict, claim).not.toBe('contradicted');
      expect(result.conflicts, claim).toEqual([]);
    }
    expect(judgePaper('A robot with no tactile sensors fails to grasp soft objects.', gripper).verdict).toBe(
      'contradicted',
    );
  });

  it('reads "stay untouched" as "left unchanged" says, and an edit of the weights against both', () => {
    const result = judgePaper('The model weights stay untouched.', cacheEditing);
    expect(result.verdict).not.toBe('contradicted');
    expect(result.conflicts).toEqual([]);
    expect(judgePaper('The method modifies the model weights.', cacheEditing).verdict).toBe('contradicted');
  });

  it('reads "in 2000 participants" as a count the paper states of another thing, not as a year', () => {
    const result = judgePaper('In a trial in 2000 participants, the drug lowered blood pressure.', trial);
    expect(result.verdict).toBe('partially_supported');
    expect(result.conflicts).toContain('numbers');
    expect(judgePaper('In a trial in 1500 participants, the drug lowered blood pressure.', trial).verdict).toBe(
      'supported',
    );
  });

  it('reads "activation memory" as a thing measured, so "reduces activation memory" agrees with "cuts activation memory"', () => {
    const result = judgePaper(
      'The checkpointing scheme reduces activation memory by 40% on long sequences.',
      checkpointing,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.verdict).toBe('supported');
  });

  it('sets no "side effect" against a top complaint, "stands out" against "yields", nor "heavy" against "in light of"', () => {
    for (const [claim, paper] of [
      ['The drug halved nausea, the main side effect of chemotherapy.', antiemetic],
      ['The pruning rule stands out with a 2x speedup on long documents.', pruning],
      ['Heavy drinking doubled the risk of liver disease over ten years.', drinking],
    ] as const) {
      const result = judgePaper(claim, paper);
      expect(result.verdict, claim).not.toBe('contradicted');
      expect(result.conflicts, claim).toEqual([]);
    }
  });

  it('reads the authors a citation names as the subject of "found that" as no words the paper must write', () => {
    const result = judgePaper('Venkatesh and Rao found that robots grasp soft objects reliably.', gripper);
    expect(result.unmentioned ?? []).toEqual([]);
    expect(result.verdict).toBe('supported');
  });
});
