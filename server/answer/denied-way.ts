// Whether a null finding denies a change the opposite way of a yes/no question's verb ("Aspirin did
// not increase stroke risk" for "Does aspirin reduce stroke risk?"): a finding against that settles
// nothing (narrowed-denial.ts). Only true opposites are the other way: down against up, better
// against worse, and across the two where what changes is a known harm or good ("did not increase
// pain" for "improve pain", but "did not reduce pain" denies it).
import { claimVerb, claimVerbPart, claimWords, type Way, waysOf } from './change-senses.ts';

/** The way opposite each: down against up, better against worse. */
const OPPOSITE: Readonly<Record<Way, Way>> = { down: 'up', up: 'down', better: 'worse', worse: 'better' };

/** What is a harm, less of which is better ("pain", "mortality", "asthma exacerbations"). */
const HARM =
  /\b(?:pain|symptoms?|mortality|deaths?|risks?|complications?|exacerbations?|infections?|adverse|side\s+effects|toxicity|morbidity|recurrences?|relapses?|injur(?:y|ies)|falls|bleeding|nausea|vomiting|fatigue|anxiety|depression|inflammation|swelling|o?edema|readmissions?|disability|severity|damage|errors?)\b/iu;
/** What is a good, more of which is better ("survival", "lung function", "quality of life"). */
const GOOD =
  /\b(?:survival|function|functioning|quality|capacity|performance|memory|cognition|fitness|strength|mobility|healing|recovery|adherence|satisfaction|accuracy|remission|well-?being)\b/iu;

/** Whether a text names a known harm or good, an outcome a study measures ("survival", "complications"). */
export const namesOutcome = (text: string) => HARM.test(text) || GOOD.test(text);

/**
 * The ways, with their sense where what changes (`object`) is a known harm or good: less of a harm
 * is better and more of it worse, more of a good better and less of it worse. Where it is neither,
 * or both, the ways as written.
 */
function inSense(ways: ReadonlySet<Way>, object: string): Set<Way> {
  const harm = HARM.test(object);
  if (harm === GOOD.test(object)) return new Set(ways);
  const better: Way = harm ? 'down' : 'up';
  const sensed = [...ways].map((way) => (way === better ? 'better' : way === OPPOSITE[better] ? 'worse' : way));
  return new Set([...ways, ...sensed]);
}

/** A denial and the words after it up to the end of its clause or the next denial ("did not significantly reduce…"). */
const DENIED =
  /(?:\bnot|n't|\bnever|\bno|\bfail(?:s|ed)?\s+to)\s+((?:(?!\b(?:not|never|no|fail(?:s|ed)?)\b|n't)[^,;:.])*)/giu;
/** A verb joined to the denied one by "or" or "nor", which the denial holds too ("did not increase injuries or reduce falls"). */
const JOINED_VERB = /\b(?:or|nor)\s+(?:\p{L}+ly\s+)?([\p{L}-]+)/giu;

/**
 * The ways of the verbs of change a denial holds (the words after it, `scope`): the first within
 * four words, and each joined to it by "or" or "nor" ("did not increase or reduce falls"); not one
 * after "and", which is a finding of its own ("did not increase injuries and reduced falls").
 */
function deniedWays(scope: string): Set<Way> {
  const first =
    scope
      .split(/\s+/u)
      .slice(0, 4)
      .map(waysOf)
      .find((found) => found.size > 0) ?? new Set<Way>();
  const joined = [...scope.matchAll(JOINED_VERB)].flatMap(([, verb = '']) => [...waysOf(verb)]);
  return new Set([...first, ...joined]);
}

/**
 * Whether a clause denies only changes the opposite way of the claim's verb (claimVerb, or its verb
 * part without one): "Aspirin did not increase stroke risk" for "aspirin reduce stroke risk", "was
 * not associated with increased risk" for "aspirin lower the risk": a finding against, but not one
 * that settles the question. Only a true opposite is the other way (down against up, better against
 * worse, inSense across them): "did not prolong survival" denies "improve survival", "did not reduce
 * pain" denies "improve pain", "did not increase pain" does not. A denial that holds the claim's way
 * among its verbs ("did not increase or reduce falls") denies the claim; a claim whose verb points no
 * way ("affect") takes any.
 */
export function deniesOtherWay(claim: string, clause: string): boolean {
  const verb = claimVerb(claim);
  const verbPart = claimVerbPart(claim);
  const outcome =
    verb === null
      ? verbPart
      : claimWords(verbPart)
          .slice(verb.index + 1)
          .join(' ');
  const asked = inSense(waysOf(verb === null ? verbPart : verb.word), outcome);
  if (asked.size === 0) return false;
  let other = false;
  for (const denied of clause.matchAll(DENIED)) {
    const scope = denied[1] ?? '';
    const ways = [...inSense(deniedWays(scope), scope)];
    if (ways.some((way) => asked.has(way))) return false;
    if (ways.some((way) => asked.has(OPPOSITE[way]))) other = true;
  }
  return other;
}
