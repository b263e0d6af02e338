// Named kinds: "a vision-language model" against "a Data Language Model". A kind is named by a
// modifier before a two-word head; when the heads match and the modifiers differ, the claim is about
// another kind of thing than the paper, however much else they share. Read only where one side
// writes the phrase as a name (a hyphen joining the modifier to the head, or every word
// capitalized) and the other as a name too or right after a determiner ("a data language model"),
// since plain prose swaps the words before a noun in paraphrase all the time. A modifier that says
// which one or how good ("the new language model") names no kind unless written as a name.
import { tokenize } from '../../../indexer/text/analyze.ts';
import type { VoteSentence } from './direction-vote.ts';
import type { SentenceReading } from './stance-reading.ts';

type Token = { word: string; term: string | null; start: number; end: number };

/**
 * A modifier and the two-word head it names a kind of ("vision" of "language model"); `named` when
 * written as a name, `opened` when it opens a noun phrase (right after a determiner).
 */
export type Kind = { modifier: string; head: string; named: boolean; opened: boolean };

const CAPITALIZED = /^\p{Lu}\p{Ll}/u;
const NUMBER = /^\p{N}/u;
// Two capitals or more: an abbreviation, which may stand for the other side's words ("ESC-derived"
// against "stem cell-derived").
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]+$/u;
const DETERMINER = /^(?:a|an|the|this|these|that|those|our|its|their|each|every)$/u;
// Words that say which one, how good or how big, not what kind: "the new language model", "this
// small language model" name no kind unless written as a name ("Large Language Model").
const GENERIC_MODIFIER =
  /^(?:new|novel|proposed|present|current|same|original|improved|resulting|following|above|previous|prior|existing|aforementioned|given|small|smaller|large|larger|big|tiny|simple|single|basic|first|second|third|last|final|our|their|its|own|other|another|modern|recent|better|best|efficient|lightweight|powerful|strong|whole|entire)$/u;

// Three content words in a row, with nothing but spaces or a hyphen between them.
function kindsOfTokens(text: string, tokens: readonly Token[]): Kind[] {
  const found: Kind[] = [];
  const gap = (a: number) => text.slice(tokens[a]!.end, tokens[a + 1]!.start);
  const joined = (a: number) => /^\s+$|^-$/u.test(gap(a));
  for (let i = 0; i + 2 < tokens.length; i++) {
    const run = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (run.some((t) => !t.term || NUMBER.test(t.word)) || !joined(i) || !joined(i + 1)) continue;
    if (ACRONYM.test(text.slice(run[0]!.start, run[0]!.end))) continue;
    const hyphenated = gap(i) === '-';
    // A sentence's first word is capitalized whatever it names.
    const capitalized = i > 0 && run.every((t) => CAPITALIZED.test(text.slice(t.start, t.end)));
    const opened = i > 0 && DETERMINER.test(tokens[i - 1]!.word) && /^\s+$/u.test(gap(i - 1));
    const named = hyphenated || capitalized;
    if (!named && GENERIC_MODIFIER.test(run[0]!.word)) continue;
    found.push({
      modifier: run[0]!.term!,
      head: `${run[1]!.term} ${run[2]!.term}`,
      named,
      opened,
    });
  }
  return found;
}

const kinds = new WeakMap<SentenceReading, Kind[]>();

/** The kinds a sentence names: each modifier before a two-word head (kept with its reading). */
export function kindsOf(reading: SentenceReading): Kind[] {
  let known = kinds.get(reading);
  if (!known) {
    known = kindsOfTokens(reading.text, tokenize(reading.text));
    kinds.set(reading, known);
  }
  return known;
}

// A phrase that can name a kind: written as a name, or opening a noun phrase.
const nominal = (kind: Kind) => kind.named || kind.opened;

/**
 * Whether the claim names a kind of the same head as the evidence but with a modifier the paper
 * never uses ("vision-language model" against "Data Language Model"), the evidence's modifier being
 * one the claim does not use either, one side writing it as a name and the other as a name or
 * after a determiner. `paper`: every text sentence of the paper, where the claim's modifier must
 * not occur.
 */
export function kindMismatch(
  claim: SentenceReading,
  evidence: readonly SentenceReading[],
  paper: readonly VoteSentence[],
): boolean {
  const claimKinds = kindsOf(claim).filter(nominal);
  if (claimKinds.length === 0) return false;
  const claimTerms = new Set(claim.words.map((w) => w.term).filter((t) => t !== null));
  return evidence.some((reading) =>
    kindsOf(reading).some((other) =>
      claimKinds.some(
        (kind) =>
          kind.head === other.head &&
          kind.modifier !== other.modifier &&
          (kind.named || other.named) &&
          nominal(kind) &&
          nominal(other) &&
          !claimTerms.has(other.modifier) &&
          !paper.some((sentence) => sentence.terms.has(kind.modifier)),
      ),
    ),
  );
}
