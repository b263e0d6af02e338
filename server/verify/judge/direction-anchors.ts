// The words of change the content terms of a sentence reading take their direction from: each term's
// nearest word of change in its clause, and the direction that gives it ("more slowly" read as one
// word of change; degree phrases, "greater search depth", as degree-phrases.ts reads them). Worked out
// on first use and kept with the reading.
import { tokenize } from '../../../indexer/text/analyze.ts';
import { withDegreePhrases } from './degree-phrases.ts';
import { factsOf } from './reading-facts.ts';
import type { ReadWord, SentenceReading } from './stance-reading.ts';

const ANCHOR_REACH = 6;
// "than" takes the direction of the comparative it follows ("more effective than": up), and of no
// other word of change: in "greater pain relief than placebo" it follows "greater", not "relief"; nor
// of one that grades another word of change ("declined more slowly than" says no "more").
const THAN = 'than';
const COMPARATIVE =
  /^(?:more|less|greater|higher|lower|fewer|larger|smaller|better|worse|longer|shorter|faster|slower|stronger|weaker)$/u;
// Nouns of worth, harm, gain or loss: "weight loss", "DNA damage", "the benefit of surgery", "pain
// relief" name a change of one thing, not of the words around them ("benefits could still accrue by
// reducing the risk" raises no risk; "ROS-induced cellular damage" lowers no ROS). Only the noun
// forms: "harmful to neurons", "damaged the gills", "gained fat mass" direct as any word of change.
const NOUN_OF_CHANGE = /^(?:damage|damages|loss|losses|benefit|benefits|harm|harms|gain|gains|relief)$/u;
// What makes one of those forms a verb: an auxiliary before it ("may benefit", "did not damage"), a
// determiner or pronoun after it ("damages the airways"). "benefits patients" and "to harm" ("linked
// to harm") are not told from the noun, and read as one.
const VERB_BEFORE = /^(?:can|could|may|might|will|would|shall|should|must|not|does|do|did|cannot)$/u;
const VERB_AFTER = /^(?:the|a|an|its|their|his|her|our|this|these|those|them|it|both)$/u;
/** How far before a term a noun of change may head its phrase ("loss of the neurons"). */
const PHRASE_REACH = 3;
const PHRASE_WORD = /^(?:of|the|a|an|their|its|this|these|those)$/u;
const GRADING = /^(?:more|less)$/u;
/**
 * The words of change a "more" or "less" grades with them ("more slowly", "less harm"): adverbs, nouns
 * of change and their adjectives ("no more harmful" says what "did not cause more harm" does).
 */
const GRADED =
  /^(?:\p{L}+ly|damage|damages|loss|losses|benefit|benefits|harm|harms|gain|gains|relief|harmful|damaging|beneficial)$/u;
const GRADED_ADJECTIVE = /^(?:harmful|damaging|beneficial)$/u;
// Words that may follow a predicative adjective ("more harmful than", "less damaging to wheat").
const AFTER_PREDICATE = /^(?:than|to|for|in|on|with|at|among|and|or|but|when|if|compared|relative)$/u;
// Adverbs of worth with no direction of their own that a "more" or "less" grades the other way: "took
// up the fibrils more poorly" is less uptake, not more.
const GRADED_DOWN = /^(?:poorly|badly|weakly)$/u;
const NO_DIRECTIONS: ReadonlyMap<string, -1 | 1> = new Map();

/** The word of change a term takes its direction from: its term, and whether it stands before the term. */
export type AnchorWord = { cue: string; before: boolean };

// The word of change each content term takes its direction from (its first occurrence's nearest
// within ANCHOR_REACH in its clause), by term, and whether it stands before the term. A noun of
// change directs only the phrase it heads or ends (NOUN_OF_CHANGE).
function anchorCuesOf(reading: SentenceReading): Map<string, { cue: ReadWord; before: boolean; sign: -1 | 1 }> {
  const cues = new Map<string, { cue: ReadWord; before: boolean; sign: -1 | 1 }>();
  const { words } = reading;
  let read: ReturnType<typeof tokenize> | undefined;
  const tokens = () => (read ??= tokenize(reading.text));
  // "weight loss", "loss of the neurons", "the benefit of treatment": the phrase a noun heads or ends.
  const inPhrase = (at: number, from: number) =>
    at === from + 1 ||
    (at < from &&
      from - at <= PHRASE_REACH &&
      tokens()
        .slice(at + 1, from)
        .every((t) => PHRASE_WORD.test(t.word)));
  const isNounOfChange = (at: number) =>
    NOUN_OF_CHANGE.test(tokens()[at]?.word ?? '') &&
    !VERB_BEFORE.test(tokens()[at - 1]?.word ?? '') &&
    !VERB_AFTER.test(tokens()[at + 1]?.word ?? '');
  // Whether the word at `at` is a word of change that may direct the term at `from`: true, false, or
  // 'blocks' for a noun of change beyond its phrase, which directs the term no more than it lets a
  // farther word do so.
  const reaches = (at: number, from: number): boolean | 'blocks' => {
    const cue = words[at];
    if (!cue || cue.direction === 0 || cue.clause !== words[from]!.clause) return false;
    if (words[from]!.term === THAN) return COMPARATIVE.test(cue.term ?? '') && !words[at + 1]?.direction;
    return !isNounOfChange(at) || inPhrase(at, from) || 'blocks';
  };
  // "more harmful algal blooms", "less harmful chemicals": an adjective before its noun says which
  // things (the harmful ones), not how much harm; only "was more harmful (than …)" grades it.
  const attributive = (at: number) =>
    GRADED_ADJECTIVE.test(tokens()[at]?.word ?? '') &&
    tokens()[at + 1] !== undefined &&
    !AFTER_PREDICATE.test(tokens()[at + 1]!.word);
  // "more slowly", "less quickly", "more harm": a "more" or "less" that grades an adverb or a noun of
  // change and the word it grades say together the one direction the two give ("less slowly": up).
  const graded = (at: number) =>
    GRADING.test(tokens()[at - 1]?.word ?? '') &&
    (words[at - 1]?.direction ?? 0) !== 0 &&
    (words[at]?.direction ?? 0) !== 0 &&
    GRADED.test(tokens()[at]?.word ?? '') &&
    !attributive(at);
  const signAt = (at: number): -1 | 1 => {
    const own = words[at]!.direction as -1 | 1;
    if (GRADING.test(tokens()[at]?.word ?? '') && GRADED_DOWN.test(tokens()[at + 1]?.word ?? '')) return -own as -1 | 1;
    if (graded(at + 1)) return (own * words[at + 1]!.direction) as -1 | 1;
    if (graded(at)) return (own * words[at - 1]!.direction) as -1 | 1;
    return own;
  };
  words.forEach((word, i) => {
    if (!word.term || word.direction !== 0 || cues.has(word.term)) return;
    for (let distance = 1; distance <= ANCHOR_REACH; distance++) {
      // The word before wins over the word after at the same distance.
      for (const at of [i - distance, i + distance]) {
        const reached = reaches(at, i);
        if (reached === 'blocks') return;
        if (reached) {
          cues.set(word.term, { cue: words[at]!, before: at < i, sign: signAt(at) });
          return;
        }
      }
    }
  });
  return cues;
}

function anchoredDirectionsNow(reading: SentenceReading): Map<string, -1 | 1> {
  const anchored = new Map<string, -1 | 1>();
  for (const [term, { cue, sign }] of anchorCuesOf(reading)) anchored.set(term, (cue.negated ? -sign : sign) as -1 | 1);
  return anchored;
}

/**
 * The word of change each content term takes its direction from (its term, '' when it has none), and
 * whether it stands before the term, read when asked for (shared: do not mutate).
 */
export function anchorWordsOf(reading: SentenceReading): ReadonlyMap<string, AnchorWord> {
  const known = factsOf(reading);
  if (!known.anchors) {
    const found = new Map<string, AnchorWord>();
    for (const [term, { cue, before }] of anchorCuesOf(reading)) found.set(term, { cue: cue.term ?? '', before });
    known.anchors = found;
  }
  return known.anchors;
}

/**
 * The direction of effect attached to each content term: the nearest direction word within six
 * words in the same clause, flipped when the term lies in a negation's scope (shared: do not mutate).
 */
export function anchoredDirections(reading: SentenceReading): ReadonlyMap<string, -1 | 1> {
  const known = factsOf(reading);
  if (!known.directions) {
    const found = withDegreePhrases(reading, anchoredDirectionsNow(reading));
    known.directions = found.size > 0 ? found : NO_DIRECTIONS;
  }
  return known.directions;
}
