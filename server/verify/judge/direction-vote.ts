// The direction vote: over every text sentence of a paper, the claim's directed terms vote for the
// same or the opposite direction of effect (see 'directionVote' in stance-features.ts). A finding is
// often restated (results, then conclusions), and the sentence that aligns best may be an aim.
import { terms } from '../../../indexer/text/analyze.ts';
import { anchoredDirections } from './direction-anchors.ts';
import { readSentence, type SentenceReading, STANCE_MAX_CHARS } from './stance-reading.ts';

/** How many sentences the direction vote reads (an abstract has about ten; a pasted book is cut). */
export const VOTE_MAX_SENTENCES = 80;

/** A sentence the direction vote may read: its text (at most STANCE_MAX_CHARS) and the terms in it. */
export type VoteSentence = { text: string; terms: { has(term: string): boolean } };

/** The sentences the direction vote reads of a text's sentences: the first VOTE_MAX_SENTENCES, each cut to STANCE_MAX_CHARS. */
export function voteSentencesOf(sentences: readonly string[]): VoteSentence[] {
  return sentences.slice(0, VOTE_MAX_SENTENCES).map((full) => {
    const text = full.slice(0, STANCE_MAX_CHARS);
    return { text, terms: new Set(terms(text)) };
  });
}

/** The direction vote of a claim's directed terms over sentences (see 'directionVote'). */
export function directionVote(claim: SentenceReading, sentences: readonly string[]): number {
  return directionVoteOf(claim, voteSentencesOf(sentences));
}

/** directionVote over sentences already cut and counted (voteSentencesOf, or kept from an earlier analysis). */
export function directionVoteOf(claim: SentenceReading, sentences: readonly VoteSentence[]): number {
  const claimDirections = anchoredDirections(claim);
  if (claimDirections.size === 0) return 0;
  let same = 0;
  let opposite = 0;
  for (const sentence of sentences) {
    // Only a sentence that names one of the claim's directed terms can vote; the others are not read.
    if (!namesAny(sentence.terms, claimDirections)) continue;
    const directions = anchoredDirections(readSentence(sentence.text));
    for (const [term, direction] of claimDirections) {
      const other = directions.get(term);
      if (other === undefined) continue;
      if (other === direction) same++;
      else opposite++;
    }
  }
  return same + opposite > 0 ? (opposite - same) / (same + opposite) : 0;
}

function namesAny(terms: VoteSentence['terms'], directed: ReadonlyMap<string, unknown>): boolean {
  for (const term of directed.keys()) if (terms.has(term)) return true;
  return false;
}
