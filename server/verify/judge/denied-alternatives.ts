// Alternatives one side denies and the other states: "on consumer GPUs rather than CPUs" against "on
// consumer CPUs", and a word one side keeps to ("positive-only") against the other's pair of it with
// an opposite ("positive and negative samples").
import { tokenize } from '../../../indexer/text/analyze.ts';
import { antonymsOf, polarStem } from './antonyms.ts';
import { factsOf, NO_TERMS } from './reading-facts.ts';
import type { Alternative, SentenceReading } from './stance-reading.ts';

// "X-only", "only X", "solely X", "exclusively X", "purely X" (not "not only X", "the only X"): the
// word a sentence keeps to.
const KEEPS_TO =
  /\b(\p{L}[\p{L}\p{N}]*)-only\b|(?<!\b(?:not|the|if)\s+)\b(?:only|solely|exclusively|purely)\s+(\p{L}[\p{L}\p{N}]*)/giu;

/**
 * Whether one side keeps to a word ("a positive-only update", "only positive samples") and the other
 * states the word together with one of its opposites ("positive and negative samples", "positive or
 * negative"). A side that states the opposite alone is the antonym cue's; one that keeps to the word
 * too, or sets the pair against something ("Unlike methods that need positive and negative pairs"),
 * denies nothing.
 */
function keptToDenied(keeping: SentenceReading, stating: SentenceReading): boolean {
  const kept = keptToWordsOf(keeping);
  if (kept.size === 0 || stating.contrastive) return false;
  const keptToo = keptToWordsOf(stating);
  const tokens = tokenize(stating.text);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i + 1]!.word !== 'and' && tokens[i + 1]!.word !== 'or') continue;
    const first = polarStem(tokens[i]!.word);
    const second = polarStem(tokens[i + 2]!.word);
    if (first === undefined || second === undefined) continue;
    for (const [word, other] of [
      [first, second],
      [second, first],
    ] as const) {
      if (kept.has(word) && !keptToo.has(word) && antonymsOf(word).has(other)) return true;
    }
  }
  return false;
}

/** The lexicon stems of the words a sentence keeps to ("positive-only" → "posit"). */
function keptToWordsOf(reading: SentenceReading): ReadonlySet<string> {
  const known = factsOf(reading);
  if (!known.keepsTo) {
    const found = new Set<string>();
    for (const match of reading.text.matchAll(KEEPS_TO)) {
      const polar = polarStem((match[1] ?? match[2]!).toLowerCase());
      if (polar !== undefined) found.add(polar);
    }
    known.keepsTo = found.size > 0 ? found : NO_TERMS;
  }
  return known.keepsTo;
}

/**
 * Whether one side denies what the other states plainly, in favour of something the other does not
 * state: "runs on consumer GPUs rather than CPUs" against "runs on consumer CPUs". Both ways round.
 * The evidence is read as a whole: a paper that states both alternatives is not denied either.
 * `elsewhere`: the paper's other sentences that name an alternative ("…dynamically instead of using
 * a fixed K"), which deny what the claim states wherever they stand in the paper. A side that keeps
 * to a word ("positive-only") denies its opposites too, even beside the word ("positive and
 * negative samples"), read in the evidence sentences only.
 */
export function deniedAlternative(
  claim: SentenceReading,
  evidence: readonly SentenceReading[],
  elsewhere: readonly SentenceReading[] = [],
): boolean {
  const statedIn = (readings: readonly SentenceReading[]) =>
    new Set(readings.flatMap((r) => r.words.filter((w) => w.term && !w.negated).map((w) => w.term!)));
  const denies = (alternatives: readonly Alternative[], stated: ReadonlySet<string>) =>
    alternatives.some(({ preferred, denied }) => !stated.has(preferred) && stated.has(denied));
  if (claim.alternatives.length > 0 && denies(claim.alternatives, statedIn(evidence))) return true;
  if (evidence.some((reading) => keptToDenied(reading, claim) || keptToDenied(claim, reading))) return true;
  // Most evidence prefers nothing: then what the claim states need not be gathered.
  const denying = [...evidence, ...elsewhere].filter((reading) => reading.alternatives.length > 0);
  if (denying.length === 0) return false;
  const claimStates = statedIn([claim]);
  return denying.some((reading) => denies(reading.alternatives, claimStates));
}
