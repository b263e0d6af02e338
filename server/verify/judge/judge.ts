// The one notion of support that ask and verify share: a Judge takes a claim and the candidate
// evidence sentences (a paper's abstract, or the passages an answer sentence cites) and decides
// whether they support it, contradict it, or do not bear on it.
import type { EvidenceSentence } from '../evidence-sentences.ts';
import type { JudgeVerdict, SupportConflict } from '../support-scorer.ts';

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
};

/** One claim and the sentences it is judged against. */
export type JudgeRequest = { claim: string; sentences: readonly EvidenceSentence[] };

export interface Judge {
  readonly name: JudgeName;
  /** Judges many claims at once (an NLI model runs them in batches); results are in request order. */
  judgeMany(requests: readonly JudgeRequest[]): Promise<Judgement[]>;
  /** Frees the model, if any. */
  dispose(): Promise<void>;
}
