// A discourse word set off by commas just after a short negated subject ("Neither treatment,
// however, eliminated headaches"): it neither starts a clause nor ends the reach of the negation
// before it, unless a new subject follows it. stance-reading.ts asks it of each word.
import type { tokenize } from '../../../indexer/text/analyze.ts';

const ASIDE = /^(?:however|therefore|thus|though|moreover|furthermore|nevertheless|nonetheless|indeed)$/u;
const ASIDE_AFTER_WORDS = 4;
const COMMA = /^\s*,\s*$/u;
// A word that opens a new subject after the aside ("…, however, the trend favoured…", "…, however,
// two patients were…"): the aside joins two clauses, and the negation before it ends there.
const OPENS_SUBJECT =
  /^(?:the|a|an|this|that|these|those|its|their|our|his|her|some|many|most|several|few|no|it|they|we|he|she|there|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d.,]*)$/u;

/**
 * Whether token i is such an aside: between commas, at most ASIDE_AFTER_WORDS words into its clause
 * (which opens at token `clauseFrom`), and not followed by a new subject.
 */
export function asideAt(text: string, tokens: ReturnType<typeof tokenize>, i: number, clauseFrom: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!before || !after || !ASIDE.test(tokens[i]!.word) || i - clauseFrom > ASIDE_AFTER_WORDS) return false;
  if (OPENS_SUBJECT.test(after.word)) return false;
  return COMMA.test(text.slice(before.end, tokens[i]!.start)) && COMMA.test(text.slice(tokens[i]!.end, after.start));
}
