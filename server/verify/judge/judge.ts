// The one notion of support that ask and verify share: a Judge takes a claim and the candidate
// evidence sentences (a paper's abstract, or the passages an answer sentence cites) and decides
// whether they support it, contradict it, or do not bear on it.
import type { EvidenceSentence } from '../evidence-sentences.ts';
import type { JudgeVerdict, SupportConflict } from '../support-verdicts.ts';

/** Which judge produced a judgement: the built-in cue model, or an NLI model combined with it. */
export type JudgeName = 'builtin' | 'nli';

/** What a judge says about one claim against its candidate sentences. */
export type Judgement = {
  verdict: JudgeVerdict;
  /** 0–1: probability that the candidates back the claim. */
  support: number;
  /** 0–1: probability that the candidates contradict the claim. */
  contradiction: number;
  /** 0–1: how strongly the candidates bear on the claim at all (support + contradiction for the built-in judge). */
  score: number;
  /** The sentence that decides the verdict (never a title); null when nothing bears on the claim. */
  evidence: EvidenceSentence | null;
  /** What in the evidence disagrees with the claim. */
  conflicts: SupportConflict[];
  judge: JudgeName;
  /** The claim's specific words the candidates never mention, when they made the verdict not or partly supported (unmentionedOf). */
  unmentioned?: string[];
};

/**
 * One claim and the sentences it is judged against. `context`, when the claim is one clause of a
 * sentence that cites different papers for different clauses, is the whole sentence: whether the
 * sentences bear on the claim at all is read on it (a clause alone loses the sentence's topic
 * words), and what they say of the claim (the stance, and which sentence is the evidence) on the clause.
 */
export type JudgeRequest = {
  claim: string;
  context?: string;
  sentences: readonly EvidenceSentence[];
  /**
   * How many other works the citation's bracket or parenthesis cites ("[3–7]", "(Lin, 2020; Wu,
   * 2021)"); 0 or absent for a citation on its own. A paper cited in a group more often backs the
   * statement only with the others: the stance model reads it as a prior (`groupedCitation`).
   */
  cocited?: number;
};

/**
 * A request of which the caller may read the judgement only in some cases: a suggestion candidate
 * (`suggestion`: a paper the claim does not cite) only when it is 'supported'; one of several
 * library papers a citation may mean (the same `alternatives` number on each) only when it scores
 * highest of them (the first of equal scores).
 */
export type SelectiveRequest = JudgeRequest & { suggestion?: boolean; alternatives?: number };

export interface Judge {
  readonly name: JudgeName;
  /** Judges many claims at once (an NLI model runs them in batches); results are in request order. */
  judgeMany(requests: readonly JudgeRequest[]): Promise<Judgement[]>;
  /**
   * judgeMany, where a judgement the caller will not read (see SelectiveRequest) is null, so a judge
   * may stop reading a request as soon as it knows. The judgements returned are judgeMany's.
   */
  judgeSelectively(requests: readonly SelectiveRequest[]): Promise<Array<Judgement | null>>;
  /** Frees the model, if any. */
  dispose(): Promise<void>;
}
