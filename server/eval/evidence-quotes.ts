// Whether the sentence a judge quotes as evidence is one the collection's annotators marked as the
// evidence (SciFact's rationales, Check-COVID's evidence sets, Citation-Integrity's evidence
// sentence), beside the plain choice: the sentence with the highest TF-IDF cosine to the claim.
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { tfidfCosine } from '../verify/support-features.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { SetDocument } from './verify-sets.ts';

/** For one evidence pair: does the judge's quote, and does TF-IDF's best sentence, fall on an annotated sentence? */
export type QuoteCheck = { judge: boolean; baseline: boolean };

/** The abstract sentence with the highest TF-IDF cosine to the claim (the first of equals), or −1. */
export function tfidfBestSentence(claim: string, document: SetDocument, statistics: TermStatistics): number {
  let best = -1;
  let bestScore = -1;
  document.sentences.forEach((sentence, i) => {
    const score = tfidfCosine(claim, sentence.text, statistics);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Whether `quoted` (one of the document's own sentence objects, or null) is one of the annotated sentences. */
export function quotesAnnotated(
  document: SetDocument,
  rationale: readonly number[],
  quoted: EvidenceSentence | null,
): boolean {
  return quoted !== null && rationale.includes(document.sentences.indexOf(quoted));
}

/**
 * Checks one pair's quote against its annotated sentences (`rationale`, indexes into the document's
 * sentences). `quoted` is the sentence the judge chose, one of the document's own sentence objects.
 */
export function checkQuote(
  claim: string,
  document: SetDocument,
  rationale: readonly number[],
  quoted: EvidenceSentence | null,
  statistics: TermStatistics,
): QuoteCheck {
  return {
    judge: quotesAnnotated(document, rationale, quoted),
    baseline: rationale.includes(tfidfBestSentence(claim, document, statistics)),
  };
}
