// Words of change that say how good a thing became ("improved", "worse", "benefit") against words that
// say how much of it there is ("shortened", "lower"). Of a thing of which less is better, the two run
// opposite ways: "improves the time to recovery" is what "shortens the time to recovery" says, and
// "improved mortality" what "reduced mortality" does (stance-features.ts reads no reversal there).
import { tokenize } from '../../../indexer/text/analyze.ts';
import { anchorWordsOf } from './direction-anchors.ts';
import type { SentenceReading } from './stance-reading.ts';

/** Stems of the words of change that say only how good a thing became, not whether there is more or less of it. */
const WORTH = /^(?:improv|better|benefit|worse|worsen|harm|hurt)/u;
/** Stems of the words of change that say only how much of a thing there is. */
const AMOUNT =
  /^(?:increas|decreas|reduc|lower|low$|higher|high$|more$|less$|greater|fewer|shorten|shorter|prolong|longer|rise|rose|rais|fall|fell|declin|drop|elev|larger|smaller|extend|diminish|augment|lessen|faster|slow)/u;
/** Stems of things of which less is better: risks and harms. */
const LESS_IS_BETTER =
  /^(?:mortal|death|error|risk|relaps|recurr|failur|toxic|complic|cost|pain|symptom|sever|morbid|incid)$/u;
// What such a word may name with the word after it, of which more is better ("pain thresholds", "risk
// prediction", "cost savings"); and "several", which shares the stem of "severe".
const NOT_THE_THING =
  /^(?:thresholds?|tolerance|prediction|predictions|stratification|classification|assessment|savings?)$/u;
const SEVERAL = /^several/u;
// The time a thing takes ("time to recovery", "time until discharge"), of which less is better when the
// thing is getting well (GETTING_WELL), and more when it is a harm ("time to progression", "time to
// relapse", "time to death"); "over time" and "survival time" are neither.
const TIME = /^(?:time|times)$/u;
const UNTIL = /^(?:to|until)$/u;
const GETTING_WELL =
  /^(?:recover\w*|resolution|resolv\w*|discharge|heal\w*|relief|reliev\w*|improvement|remission|normali[sz]ation|extubation|ambulation|mobili[sz]ation|weaning|defervescence|cure|clearance|closure|response)$/u;
// The words a "time to" phrase may run over: its thing, a few words long ("time to first objective
// response"); a preposition or verb after it ends it.
const TIME_PHRASE_WORDS = 4;
const ENDS_PHRASE =
  /^(?:in|with|among|by|after|before|compared|than|for|from|versus|vs|and|or|was|were|is|are|of|on|at)$/u;
// The length of a stay ("length of hospital stay"), of which less is better too.
const STAY = /^(?:stay|stays)$/u;
const STAY_WORDS = /^(?:length|hospital|stay|stays)$/u;

/**
 * The stems of the things a sentence names of which less is better (mortality, risk, pain, the time to
 * recovery, the length of stay); not a time to a harm ("time to relapse"), a pain threshold or a risk
 * prediction, of which more is better.
 */
function lessIsBetterTerms(text: string): Set<string> {
  const tokens = tokenize(text);
  const better = new Set<string>();
  const notBetter = new Set<string>();
  tokens.forEach((token, i) => {
    if (TIME.test(token.word) && UNTIL.test(tokens[i + 1]?.word ?? '')) {
      const phrase = [token];
      for (let j = i + 2; j < Math.min(tokens.length, i + 2 + TIME_PHRASE_WORDS); j++) {
        if (ENDS_PHRASE.test(tokens[j]!.word)) break;
        phrase.push(tokens[j]!);
      }
      const well = phrase.some((t) => GETTING_WELL.test(t.word));
      for (const t of phrase) if (t.term) (well ? better : notBetter).add(t.term);
    } else if (STAY.test(token.word)) {
      // "length of stay", "length of hospital stay", "hospital stay".
      const before = tokens.slice(Math.max(0, i - 3), i + 1).filter((t) => STAY_WORDS.test(t.word));
      if (before.length > 1) for (const t of before) better.add(t.term!);
    } else if (token.term && LESS_IS_BETTER.test(token.term) && !SEVERAL.test(token.word)) {
      if (NOT_THE_THING.test(tokens[i + 1]?.word ?? '')) notBetter.add(token.term);
      else better.add(token.term);
    }
  });
  for (const term of notBetter) better.delete(term);
  return better;
}

// How far the things a word of worth changes may run after it ("improved mortality and exercise capacity").
const OBJECT_WORDS = 8;
const JOINS_OBJECT = /^(?:and|or)$/u;

// The things the word of change at token `at` changes, each as its terms: the words after it up to a
// word of ENDS_PHRASE (a preposition, a verb) or another word of change, split at "and" and "or"
// ("improved mortality and exercise capacity in heart failure": [mortal], [exercis, capac]).
function objectsOf(reading: SentenceReading, tokens: ReturnType<typeof tokenize>, at: number): string[][] {
  const found: string[][] = [[]];
  const { words } = reading;
  for (let j = at + 1; j < Math.min(tokens.length, at + 1 + OBJECT_WORDS); j++) {
    const word = tokens[j]!.word;
    if (words[j]!.clause !== words[at]!.clause || words[j]!.direction !== 0) break;
    if (JOINS_OBJECT.test(word)) found.push([]);
    // "length of stay" runs on past its "of".
    else if (ENDS_PHRASE.test(word) && !(word === 'of' && tokens[j - 1]!.word === 'length')) break;
    else if (tokens[j]!.term) found.at(-1)!.push(tokens[j]!.term!);
  }
  return found;
}

/**
 * The terms (stems) a word of worth directs as a word of amount the other way would: where it directs
 * a thing of which less is better ("improved 28-day mortality in septic shock"), every term it
 * directs but the other things it changes ("improved mortality and exercise capacity": not exercise,
 * capacity; "improved pain scores" is one thing, and a thing of which less is better); from its
 * reading's terms' anchors (anchorWordsOf).
 */
export function worthOfLessIsBetter(reading: SentenceReading): Set<string> {
  const found = new Set<string>();
  const anchors = anchorWordsOf(reading);
  if (![...anchors.values()].some(({ cue }) => WORTH.test(cue))) return found;
  const lessIsBetter = lessIsBetterTerms(reading.text);
  const tokens = tokenize(reading.text);
  const cues = new Set<string>();
  for (const [term, { cue }] of anchors) if (WORTH.test(cue) && lessIsBetter.has(term)) cues.add(cue);
  for (const cue of cues) {
    const changed = new Set<string>();
    reading.words.forEach((word, i) => {
      if (word.term !== cue || word.direction === 0) return;
      for (const object of objectsOf(reading, tokens, i))
        if (!object.some((term) => lessIsBetter.has(term))) for (const term of object) changed.add(term);
    });
    for (const [term, anchor] of anchors) if (anchor.cue === cue && !changed.has(term)) found.add(term);
  }
  return found;
}

/**
 * Whether opposite directions of a term from these two words of change (stems) say the same of it:
 * one side directs it, a thing of which less is better, by a word of worth (`worthOfLessIsBetter` of
 * that side), the other by a word of amount ("improves the time to recovery" against "shortens").
 */
export function worthAgainstAmount(
  term: string,
  claimCue: string,
  evidenceCue: string,
  claimWorth: ReadonlySet<string>,
  evidenceWorth: ReadonlySet<string>,
): boolean {
  return (claimWorth.has(term) && AMOUNT.test(evidenceCue)) || (evidenceWorth.has(term) && AMOUNT.test(claimCue));
}
