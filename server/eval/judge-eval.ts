// Measures a ready-made judge as it ships (the built-in weights, or the NLI judge when its model is
// present) on a claim collection: nothing is fitted and there are no folds, so on the collections
// the built-in weights were fitted on the figures are in-sample for the built-in part.
import type { Judge, JudgeName } from '../verify/judge/judge.ts';
import { quotesAnnotated } from './evidence-quotes.ts';
import { stanceOfVerdict } from './product-verdicts.ts';
import { pairRefsOf, sentencesOf, type VERIFY_EVAL_DEFAULTS } from './verify-eval.ts';
import { type Figures, figuresOf, type JudgedPair } from './verify-figures.ts';
import type { VerifySet } from './verify-sets.ts';

export type JudgeReport = { name: string; judges: Partial<Record<JudgeName, number>>; pairs: number; figures: Figures };

/** Pairs per judgeMany call (an NLI model batches within a call). */
const CHUNK = 256;

/** Runs `judge` on every pair of a collection (the same pairs as the k-fold figures) and measures it. */
export async function evaluateJudge(
  set: VerifySet,
  judge: Judge,
  options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {},
): Promise<JudgeReport> {
  const refs = pairRefsOf(set, options);
  const rows: JudgedPair[] = [];
  const judges: Partial<Record<JudgeName, number>> = {};
  for (let start = 0; start < refs.length; start += CHUNK) {
    const chunk = refs.slice(start, start + CHUNK);
    const judgements = await judge.judgeMany(
      chunk.map((ref) => ({
        claim: ref.claim,
        context: ref.context,
        cocited: ref.cocited,
        sentences: sentencesOf(set.documents.get(ref.docId)!),
      })),
    );
    judgements.forEach((judgement, i) => {
      judges[judgement.judge] = (judges[judgement.judge] ?? 0) + 1;
      const { kind, docId, rationale } = chunk[i]!;
      const document = set.documents.get(docId)!;
      const isEvidence = kind === 'support' || kind === 'contradict';
      rows.push({
        kind,
        relevance: judgement.score,
        signed: judgement.support - judgement.contradiction,
        stance: stanceOfVerdict(judgement.verdict),
        ...(rationale && isEvidence ? { quoted: quotesAnnotated(document, rationale, judgement.evidence) } : {}),
      });
    });
  }
  return { name: set.name, judges, pairs: refs.length, figures: figuresOf(rows) };
}
