// The words of change the content terms of a sentence reading take their direction from: each term's
// nearest word of change in its clause, and the direction that gives it (with degree phrases, "greater
// search depth", read as degree-phrases.ts reads them). Worked out on first use and kept with the reading.
import { withDegreePhrases } from './degree-phrases.ts';
import { factsOf } from './reading-facts.ts';
import type { ReadWord, SentenceReading } from './stance-reading.ts';

const ANCHOR_REACH = 6;
const NO_DIRECTIONS: ReadonlyMap<string, -1 | 1> = new Map();

/** The word of change a term takes its direction from: its term, and whether it stands before the term. */
export type AnchorWord = { cue: string; before: boolean };

// The word of change each content term takes its direction from (its first occurrence's nearest
// within ANCHOR_REACH in its clause), by term, and whether it stands before the term.
function anchorCuesOf(reading: SentenceReading): Map<string, { cue: ReadWord; before: boolean }> {
  const cues = new Map<string, { cue: ReadWord; before: boolean }>();
  const { words } = reading;
  words.forEach((word, i) => {
    if (!word.term || word.direction !== 0 || cues.has(word.term)) return;
    for (let distance = 1; distance <= ANCHOR_REACH; distance++) {
      // The word before wins over the word after at the same distance.
      let cue = words[i - distance];
      let before = true;
      if (!cue || cue.direction === 0 || cue.clause !== word.clause) {
        cue = words[i + distance];
        before = false;
      }
      if (cue && cue.direction !== 0 && cue.clause === word.clause) {
        cues.set(word.term, { cue, before });
        return;
      }
    }
  });
  return cues;
}

function anchoredDirectionsNow(reading: SentenceReading): Map<string, -1 | 1> {
  const anchored = new Map<string, -1 | 1>();
  for (const [term, { cue }] of anchorCuesOf(reading))
    anchored.set(term, (cue.negated ? -cue.direction : cue.direction) as -1 | 1);
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
