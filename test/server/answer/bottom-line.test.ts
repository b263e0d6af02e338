import { describe, expect, it } from 'vitest';
import {
  BOTTOM_LINE_DEFAULTS,
  bottomLine,
  claimOfQuestion,
  findingStance,
  statementStance,
} from '../../../server/answer/bottom-line.ts';

const FOR = 'Low-dose aspirin reduced the risk of ischemic stroke by 21% over five years.';
const AGAINST = 'Low-dose aspirin did not reduce the risk of ischemic stroke in this cohort.';
// One finding against on part of the question (its risk, its kind of stroke left out): alone, not clear.
const PART_AGAINST = 'Low-dose aspirin did not reduce stroke in this cohort.';
const NULL_FINDING = 'There was no significant difference in stroke rates between the aspirin and placebo groups.';
const BACKGROUND = 'Stroke is a leading cause of disability among older adults.';
const AIM = 'The aim of this study was to determine whether aspirin reduces the risk of stroke.';
const at = (n: number, text: string) => ({
  n,
  sentence: { field: 'abstract' as const, start: 0, end: text.length, text },
});
const question = 'Does low-dose aspirin reduce the risk of ischemic stroke?';

describe('bottom-line', () => {
  it('reads a yes/no question as the claim it asks about', () => {
    expect(claimOfQuestion(question)).toBe('low-dose aspirin reduce the risk of ischemic stroke');
    expect(claimOfQuestion('Double balloon enteroscopy: is it safe?')).toBe('Double balloon enteroscopy: safe');
  });

  it('reads each cited sentence as a positive finding, a null or negated one, or no finding at all', () => {
    expect(findingStance(FOR)).toBe(1);
    expect(findingStance(AGAINST)).toBe(-1);
    expect(findingStance(NULL_FINDING)).toBe(-1);
    expect(findingStance(BACKGROUND)).toBe(0);
    expect(findingStance(AIM)).toBe(0);
    expect(
      findingStance('Aspirin may have reduced the risk of stroke, although this was significant only in men.'),
    ).toBe(0);
  });

  it('counts a finding whose effect runs the other way against the question, never for it', () => {
    const raise = 'Does low-dose aspirin increase the risk of ischemic stroke?';
    expect(findingStance(FOR, claimOfQuestion(raise))).toBe(-1);
    const reducedStroke = 'Low-dose aspirin reduced stroke by 21% over five years.';
    expect(bottomLine(raise, [at(1, reducedStroke)])).toMatchObject({ verdict: 'unclear', yes: [], no: [1] });
    expect(bottomLine(raise, [at(1, FOR), at(2, 'Aspirin lowered the incidence of ischemic stroke.')])).toMatchObject({
      verdict: 'no',
      no: [1, 2],
    });
    // The same finding still answers the question as asked.
    expect(findingStance(FOR, claimOfQuestion(question))).toBe(1);
  });

  it('reads a question about a paper by its name from a sentence that states it or says the opposite', () => {
    const strata = 'StraTA (Strategic Trajectory Abstraction)';
    const tested = 'It is tested in three environments: ALFWorld, WebShop and SciWorld.';
    expect(statementStance('Is StraTA evaluated on WebShop?', tested, strata)).toBe(1);
    expect(statementStance('Is StraTA evaluated on MiniGrid?', tested, strata)).toBe(0);
    const softsae = 'It picks its top-K active features dynamically instead of using a fixed number of features.';
    expect(statementStance('Does SoftSAE use a fixed number of features?', softsae, 'SoftSAE')).toBe(-1);
    expect(
      statementStance('Does AgenticPrecoding release code?', 'No code release is indicated.', 'AgenticPrecoding'),
    ).toBe(-1);
    expect(bottomLine('Is StraTA evaluated on WebShop?', [{ ...at(1, tested), title: strata }])).toMatchObject({
      verdict: 'yes',
      yes: [1],
    });
    // A title that gives its name in parentheses after the long form names the paper too.
    const newtral = 'Neural Weight Translation (NeWTral)';
    const unreleased = 'The code has not been explicitly made available.';
    expect(statementStance('Does NeWTral release its code?', unreleased, newtral)).toBe(-1);
    expect(bottomLine('Does NeWTral release its code?', [{ ...at(1, unreleased), title: newtral }])).toMatchObject({
      verdict: 'no',
      no: [1],
    });
    // A finding about one of two things the question names does not answer it.
    const emo =
      'As a result, a deployment can load and run only a chosen subset of experts while losing very little performance.';
    const sae = 'SoftSAE is a sparse autoencoder that picks its top-K active features dynamically.';
    expect(
      bottomLine('Is EMO better than SoftSAE?', [
        { ...at(1, sae), title: 'SoftSAE' },
        { ...at(2, emo), title: 'EMO: Pretraining Mixture of Experts' },
      ]),
    ).toMatchObject({ verdict: 'unclear', yes: [], no: [] });
    // Names that are no paper's ("MRI", "CT") are the question's topic: its findings answer it.
    const mri = 'MRI detected significantly more lesions than CT in the 120 patients.';
    expect(bottomLine('Is MRI better than CT for detecting lesions?', [at(1, mri)]).verdict).toBe(
      bottomLine('Is magnetic imaging better than tomography for detecting lesions?', [at(1, mri)]).verdict,
    );
    // A question about DPO is not about UE-DPO, though its title names DPO.
    const uedpo = 'UE-DPO makes DPO uncertainty-aware to curb hallucinations in multimodal models.';
    expect(statementStance('Does DPO make models more uncertain?', uedpo, 'UE-DPO')).toBe(0);
    // A general question is answered by findings only: a sentence that shares its words is not one.
    expect(statementStance(question, BACKGROUND.replace('Stroke', 'Low-dose aspirin and ischemic stroke'), '')).toBe(0);
  });

  it("reads a paper's statement of itself whose words are put otherwise: another form of a stem, an adverb of manner left out, a name written as a word", () => {
    const vllcm =
      'VL-LCM measures how logically consistent multimodal LLMs are across vision and language, and it needs no annotations to do so.';
    expect(statementStance('Does VL-LCM need annotations to measure logical consistency?', vllcm, 'VL-LCM')).toBe(-1);
    const unreleased = 'The code has not been explicitly made available.';
    const newtral = 'Neural Weight Translation (NeWTral)';
    expect(statementStance('Has the code for NeWTral been released publicly?', unreleased, newtral)).toBe(-1);
    expect(
      bottomLine('Has the code for NeWTral been released publicly?', [{ ...at(1, unreleased), title: newtral }]),
    ).toMatchObject({ verdict: 'no', no: [1] });
    const feather = 'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference';
    const rises = 'Throughput rises by 2-10x with this prefix-aware scheduling.';
    expect(statementStance("Does Feather's scheduler raise throughput by more than 20x?", rises, feather)).toBe(-1);
    // Words that only start alike are no forms of one stem ("general" is no "generate").
    expect(
      statementStance(
        'Does VL-LCM generate annotations for videos?',
        'VL-LCM is a general metric of annotations.',
        'VL-LCM',
      ),
    ).toBe(0);
  });

  it('says no when the paper a question names states the opposite of itself, where one null finding says unclear', () => {
    const dapro = 'DAPRO (Dynamic Allocation via PRojected Optimization)';
    const denial = 'A distinguishing feature is that it does not depend on conditional independence assumptions.';
    const asked = 'Does DAPRO depend on conditional independence assumptions?';
    expect(bottomLine(asked, [{ ...at(1, denial), title: dapro }])).toMatchObject({ verdict: 'no', yes: [], no: [1] });
    const stated = 'It depends on conditional independence assumptions to allocate its budget.';
    expect(bottomLine(asked, [{ ...at(1, stated), title: dapro }])).toMatchObject({ verdict: 'yes', yes: [1] });
    // A statement for and one against, from two papers of that name: neither outweighs the other.
    expect(
      bottomLine(asked, [
        { ...at(1, stated), title: dapro },
        { ...at(2, denial), title: dapro },
      ]).verdict,
    ).toBe('mixed');
  });

  it('counts a "not" that limits a quantity or a certainty for neither side, and a denial beside it still against', () => {
    const partly = 'We found that not all of the reduction in ischemic stroke carried over to adults over 80.';
    const uncertain = 'It was not clear that low-dose aspirin reduced the risk of ischemic stroke in women.';
    const notAlways = "Low-dose aspirin didn't always reduce the risk of ischemic stroke, we found.";
    for (const sentence of [partly, uncertain, notAlways]) expect(findingStance(sentence), sentence).toBe(0);
    // One null finding beside them is still one, not three: unclear, where it said no.
    expect(bottomLine(question, [at(1, PART_AGAINST), at(2, uncertain), at(3, partly)])).toMatchObject({
      verdict: 'unclear',
      yes: [],
      no: [1],
    });
    expect(findingStance('Aspirin did not reduce stroke risk, and it is not clear that it lowers mortality.')).toBe(-1);
    // A paper's statement of itself, limited, neither states the question nor denies it.
    const glazy = 'Not all GlazyBench tasks include images.';
    expect(statementStance('Does GlazyBench include images?', glazy, 'GlazyBench')).toBe(0);
    expect(
      statementStance('Does GlazyBench include images?', 'GlazyBench tasks do not include images.', 'GlazyBench'),
    ).toBe(-1);
  });

  it('reads "clear" as a limit only after a linking verb, and "all" before a hyphen as a word of its own, so those denials count against', () => {
    for (const sentence of [
      'Treatment did not clear the virus in most patients.',
      'Antibiotics did not clear the infection within 14 days.',
      'Aspirin reduced cardiovascular but not all-cause mortality.',
    ])
      expect(findingStance(sentence), sentence).toBe(-1);
    for (const sentence of [
      "It wasn't clear that low-dose aspirin reduced the risk of ischemic stroke in women.",
      'The benefit remained not certain after aspirin reduced ischemic stroke in the first year.',
      'Low-dose aspirin was not clearly associated with a reduced risk of ischemic stroke.',
    ])
      expect(findingStance(sentence), sentence).toBe(0);
  });

  it('counts a "not" before "yet", "entirely", "known", "consistently" or after "still" as a limit, for neither side', () => {
    for (const sentence of [
      'It is not yet clear whether low-dose aspirin reduced the risk of ischemic stroke significantly.',
      'It was not entirely clear that low-dose aspirin reduced the risk of ischemic stroke.',
      'It is still not clear that low-dose aspirin reduced the risk of ischemic stroke.',
      'It is not known whether the significant reduction in ischemic stroke persists.',
      'Low-dose aspirin did not consistently reduce the risk of ischemic stroke.',
      'Low-dose aspirin did not uniformly reduce the risk of ischemic stroke across groups.',
    ])
      expect(findingStance(sentence), sentence).toBe(0);
    // Two such hedges beside one null finding leave it one: unclear, where they made it no.
    expect(
      bottomLine(question, [
        at(1, PART_AGAINST),
        at(2, 'It is not yet clear whether low-dose aspirin reduced the risk of ischemic stroke significantly.'),
        at(3, 'Low-dose aspirin did not consistently reduce the risk of ischemic stroke.'),
      ]),
    ).toMatchObject({ verdict: 'unclear', no: [1] });
  });

  it('reads an effect a paper denies in the present tense as a finding against, and a present-tense effect it states as none', () => {
    const denials = [
      'Low-dose aspirin does not reduce the risk of ischemic stroke in adults over 70.',
      "Low-dose aspirin doesn't lower the incidence of ischemic stroke.",
      'Low-dose aspirin is not associated with a lower risk of ischemic stroke.',
      'Low-dose aspirin has no effect on the risk of ischemic stroke.',
    ];
    for (const sentence of denials) expect(findingStance(sentence), sentence).toBe(-1);
    expect(bottomLine(question, [at(1, denials[0]!), at(2, denials[1]!)])).toMatchObject({
      verdict: 'no',
      no: [1, 2],
    });
    // Stated in the present tense, an effect is as often background as a finding: it counts for neither side.
    expect(findingStance('Low-dose aspirin reduces platelet aggregation.')).toBe(0);
    // A relative clause describes a thing and reports nothing.
    expect(findingStance('Interventions are needed to ameliorate stress that does not cause adverse effects.')).toBe(0);
    // A hedged present-tense denial stays a hedge.
    expect(findingStance('Low-dose aspirin does not always reduce the risk of ischemic stroke.')).toBe(0);
  });

  it("counts a present-tense denial only when it is about the question's outcome", () => {
    const asked = 'Does aspirin reduce colorectal cancer risk?';
    const claim = claimOfQuestion(asked);
    const otherOutcome = 'Aspirin does not reduce all-cause mortality in healthy older adults.';
    const reduced = 'Over ten years, daily aspirin reduced colorectal cancer incidence by 24%.';
    // The denial is about mortality, background to a question about colorectal cancer.
    expect(findingStance(otherOutcome, claim)).toBe(0);
    expect(bottomLine(asked, [at(1, otherOutcome), at(2, reduced)])).toMatchObject({
      verdict: 'yes',
      yes: [2],
      no: [],
    });
    // A denial of the question's own outcome still counts against it.
    expect(findingStance('Aspirin does not reduce the risk of colorectal cancer in adults over 70.', claim)).toBe(-1);
    expect(findingStance('Aspirin has no effect on colorectal cancer risk.', claim)).toBe(-1);
    // One outcome word of three is not enough: "cancer mortality" is not "colorectal cancer risk".
    expect(findingStance('Aspirin does not reduce cancer mortality.', claim)).toBe(0);
  });

  it("reads no paper's statement of itself in a word that merely starts like the question's", () => {
    const title = 'UE-DPO: Uncertainty-Enhanced Direct Preference Optimization';
    const learned = 'UE-DPO uses a learned transformation for each token.';
    expect(statementStance('Does UE-DPO use a transformer encoder for each token?', learned, title)).toBe(0);
    expect(statementStance('Does UE-DPO use a learned transformation for each token?', learned, title)).toBe(1);
  });

  it('reads a question asking about a small loss and a paper reporting one alike, however each puts it', () => {
    const emo = 'EMO: Pretraining Mixture of Experts for Emergent Modularity';
    const little =
      'As a result, a deployment can load and run only a chosen subset of experts while losing very little performance.';
    for (const asked of [
      'Can EMO run a subset of its experts without losing much performance?',
      'Can EMO run a subset of its experts without sacrificing performance?',
    ]) {
      expect(statementStance(asked, little, emo), asked).toBe(1);
      expect(bottomLine(asked, [{ ...at(1, little), title: emo }]), asked).toMatchObject({ verdict: 'yes', yes: [1] });
    }
    // A large loss still denies it.
    const large =
      'A deployment can run only a chosen subset of experts, but at the cost of a large drop in performance.';
    expect(
      bottomLine('Can EMO run a subset of its experts without losing much performance?', [
        { ...at(1, large), title: emo },
      ]),
    ).toMatchObject({ verdict: 'no', no: [1] });
  });

  it('reads contracted negations, with either apostrophe, as the written-out ones', () => {
    for (const sentence of [
      "Treatment didn't clear the virus in most patients.",
      'Treatment didn’t clear the virus in most patients.',
      "Low-dose aspirin wasn't associated with a lower risk of ischemic stroke.",
      'Low-dose aspirin weren’t associated with a lower risk of ischemic stroke in either cohort.',
    ])
      expect(findingStance(sentence), sentence).toBe(-1);
    expect(
      bottomLine(question, [at(1, AGAINST), at(2, "Low-dose aspirin didn't reduce ischemic stroke.")]),
    ).toMatchObject({ verdict: 'no', no: [1, 2] });
    // A limiting "not" stays a limit when contracted.
    expect(findingStance("It isn't clear that low-dose aspirin reduced the risk of ischemic stroke.")).toBe(0);
  });

  it('reads a negative question ("Doesn\'t X…?") as asking the same as the positive one', () => {
    expect(claimOfQuestion("Doesn't DAPRO depend on conditional independence assumptions?")).toBe(
      'DAPRO depend on conditional independence assumptions',
    );
    expect(claimOfQuestion('Isn’t low-dose aspirin safe?')).toBe('low-dose aspirin safe');
    const dapro = 'DAPRO (Dynamic Allocation via PRojected Optimization)';
    const denial = 'A distinguishing feature is that it does not depend on conditional independence assumptions.';
    expect(
      bottomLine("Doesn't DAPRO depend on conditional independence assumptions?", [{ ...at(1, denial), title: dapro }]),
    ).toMatchObject({ verdict: 'no', no: [1] });
  });

  it('reads "Can\'t X…?" ("Cannot X…?") as asking the same as "Can X…?"', () => {
    for (const question of [
      "Can't EMO load only a chosen subset of experts?",
      'Cannot EMO load only a chosen subset of experts?',
    ])
      expect(claimOfQuestion(question), question).toBe('EMO load only a chosen subset of experts');
    const emo = 'EMO: pretraining mixture of experts for emergent modularity';
    const finding = 'EMO can load only a chosen subset of experts at inference with little loss in accuracy.';
    for (const question of [
      "Can't EMO load only a chosen subset of experts?",
      'Can EMO load only a chosen subset of experts?',
    ])
      expect(bottomLine(question, [{ ...at(1, finding), title: emo }]), question).toMatchObject({ verdict: 'yes' });
  });

  it('keeps a "not" that does not follow the auxiliary opening the question, as the claim\'s own', () => {
    expect(claimOfQuestion('Aspirin does not reduce stroke risk, does it?')).toBe(
      'Aspirin not reduce stroke risk, does it',
    );
    expect(claimOfQuestion("Memory Inception doesn't need training?")).toBe('Memory Inception not need training');
    expect(claimOfQuestion('Memory Inception does not need training?')).toBe('Memory Inception not need training');
    expect(claimOfQuestion('Does not DAPRO rely on it?')).toBe('DAPRO rely on it');
  });

  it('says yes on a finding for the question, naming the source', () => {
    expect(bottomLine(question, [at(1, FOR), at(2, BACKGROUND)])).toMatchObject({ verdict: 'yes', yes: [1], no: [] });
  });

  it('says no only when findings against outweigh findings for by two, and unclear on one', () => {
    expect(BOTTOM_LINE_DEFAULTS.minNetAgainst).toBe(2);
    expect(bottomLine(question, [at(2, PART_AGAINST)])).toMatchObject({ verdict: 'unclear', yes: [], no: [2] });
    expect(bottomLine(question, [at(2, PART_AGAINST), at(3, NULL_FINDING)])).toMatchObject({
      verdict: 'no',
      yes: [],
      no: [2, 3],
    });
    expect(bottomLine(question, [at(2, PART_AGAINST)], { minNetAgainst: 1 }).verdict).toBe('no');
  });

  it('says mixed when sources are cited on both sides and neither outweighs the other', () => {
    expect(bottomLine(question, [at(1, FOR), at(2, AGAINST)])).toMatchObject({ verdict: 'mixed', yes: [1], no: [2] });
  });

  it('says unclear when no cited sentence reports a finding (background and aims are not evidence)', () => {
    expect(bottomLine(question, [at(1, BACKGROUND), at(2, AIM)])).toMatchObject({
      verdict: 'unclear',
      yes: [],
      no: [],
    });
  });

  it('reads a null finding as yes when the question asks whether two things are alike', () => {
    const alike = 'Is clopidogrel as effective as aspirin in preventing recurrent stroke?';
    const same = 'Recurrent stroke rates were not significantly different between clopidogrel and aspirin.';
    expect(bottomLine(alike, [at(1, same)])).toMatchObject({ verdict: 'yes', yes: [1], no: [] });
  });

  it("answers from one general statement on the question's own terms, whatever paper it names, either way", () => {
    const agents = 'Cited but Not Verified: Parsing and Evaluating Source Attribution in LLM Deep Research Agents';
    const deeper = 'Surprisingly, greater search depth lowers citation accuracy instead of raising it.';
    const cite = (text: string, title: string) => [{ ...at(1, text), title }];
    expect(
      bottomLine('Does greater search depth improve citation accuracy in deep research agents?', cite(deeper, agents)),
    ).toMatchObject({ verdict: 'no', no: [1] });
    expect(bottomLine('Does greater search depth lower citation accuracy?', cite(deeper, agents))).toMatchObject({
      verdict: 'yes',
      yes: [1],
    });
    const valence = 'Negative Before Positive: Asymmetric Valence Processing in Large Language Models';
    const early =
      'Signals for negative valence sit mostly in the early layers, whereas positive valence is strongest in the middle-to-late layers.';
    expect(
      bottomLine('Is negative valence encoded mostly in the early layers of LLMs?', cite(early, valence)).verdict,
    ).toBe('yes');
    const sink =
      'The Structural Origin of Attention Sink: Variance Discrepancy, Super Neurons, and Dimension Disparity';
    const meaning = 'The authors conclude that the sink carries no semantic meaning; it is a structural artefact.';
    expect(bottomLine('Do attention sinks carry semantic meaning?', cite(meaning, sink)).verdict).toBe('no');
    expect(bottomLine("Doesn't the attention sink carry semantic meaning?", cite(meaning, sink)).verdict).toBe('no');
    const zo = 'PACZero provides zeroth-order (ZO) mechanisms with PAC privacy for fine-tuning LLMs.';
    expect(bottomLine('Is ZO fine-tuning used with PAC privacy in any paper?', cite(zo, 'PACZero')).verdict).toBe(
      'yes',
    );
  });

  it("says no when the part holding the question's terms puts another value where the question puts a word", () => {
    const valence = 'Negative Before Positive: Asymmetric Valence Processing in Large Language Models';
    const early =
      'Signals for negative valence sit mostly in the early layers, whereas positive valence is strongest in the middle-to-late layers.';
    expect(
      bottomLine('Is positive valence strongest in the early layers of LLMs?', [{ ...at(1, early), title: valence }]),
    ).toMatchObject({ verdict: 'no', no: [1] });
  });

  it("leaves a study's result, aim or account on the question's own terms to the fitted balance of findings", () => {
    // A null result on part of the question's terms stays one finding against, which alone is not clear.
    expect(bottomLine(question, [at(2, PART_AGAINST)]).verdict).toBe('unclear');
    const aims = [
      'The purpose of this study was to determine whether low-dose aspirin reduces the risk of ischemic stroke.',
      'To compare low-dose aspirin with placebo for the risk of ischemic stroke.',
      'Low-dose aspirin has been linked to a lower risk of ischemic stroke.',
      'Low-dose aspirin is widely considered to lower the risk of ischemic stroke.',
      'Does low-dose aspirin lower the risk of ischemic stroke in older adults?',
    ];
    for (const aim of aims) expect(bottomLine(question, [at(1, aim)]).verdict).toBe('unclear');
  });

  it('says no when the paper a question names says it is another kind of thing', () => {
    const ecc = 'RangeGuard is an error-correcting code (ECC) scheme for DNNs and LLMs built around model metadata.';
    expect(
      bottomLine('Is RangeGuard a scheduler for LLM serving?', [{ ...at(1, ecc), title: 'RangeGuard' }]),
    ).toMatchObject({ verdict: 'no', no: [1] });
    const feather = 'Feather introduces a scheduler that groups work with prefixes in mind.';
    expect(
      bottomLine('Is RangeGuard a scheduler for LLM serving?', [
        { ...at(1, feather), title: 'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference' },
      ]).verdict,
    ).toBe('unclear');
  });
});
