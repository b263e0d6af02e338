// The acting subject of a claim (the words before its first word of change: "Differential privacy" of
// "Differential privacy eliminates leakage") and whether a paper never names it, in any form the
// unmentioned-words reading knows (an inflection, an abbreviation, another spelling). A direction or an
// opposite word the paper gives what the claim changes is then some other subject's doing: the claim is
// not addressed (support-scorer.ts sets stance `subjectUnnamed`; judgeVerdictOf reads it).
import { tokenize } from '../../indexer/index.ts';
import type { EvidenceProfile } from './evidence-profile.ts';
import { readSentence, STANCE_MAX_CHARS } from './judge/stance-reading.ts';
import type { TermStatistics } from './term-statistics.ts';
import { unaddressedWords } from './unaddressed-words.ts';

// A clause that opens with a pronoun ("It also uses more memory") speaks of something named before it.
const PRONOUN = /^(?:it|its|this|these|those|they|their|we|our|he|she|his|her|such)$/u;

/**
 * The words of a claim's clause before its first word of change, as written, when they hold a content
 * word ("Differential privacy" of "Differential privacy eliminates leakage"); null when the claim
 * opens with its word of change or has none, or when the clause opens with a pronoun ("It also uses
 * more memory").
 */
export function actingSubjectOf(claim: string): string | null {
  const reading = readSentence(claim.slice(0, STANCE_MAX_CHARS));
  const tokens = tokenize(reading.text);
  if (tokens.length !== reading.words.length) return null;
  const at = reading.words.findIndex((word) => word.direction !== 0);
  if (at <= 0) return null;
  const clause = reading.words[at]!.clause;
  const from = reading.words.findIndex((word) => word.clause === clause);
  if (PRONOUN.test(tokens[from]!.word)) return null;
  if (!reading.words.slice(from, at).some((word) => word.term !== null)) return null;
  return reading.text.slice(tokens[from]!.start, tokens[at]!.start);
}

/**
 * Whether the texts (a paper's sentences as written and spelt out) name none of the claim's acting
 * subject: every content word of it is a specific word they never mention (unaddressedWords). A subject
 * with a word of any abstract ("this method", "we", "the model") or of many papers counts as named.
 */
export function subjectUnnamed(claim: string, texts: readonly EvidenceProfile[], statistics: TermStatistics): boolean {
  const subject = actingSubjectOf(claim);
  return subject !== null && unaddressedWords(subject, texts, statistics).share >= 1;
}
