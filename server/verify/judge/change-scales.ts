// Words of change that say how good a thing became ("improved", "worse", "benefit") against words that
// say how much of it there is ("shortened", "lower"). Of a thing of which less is better, the two run
// opposite ways: "improves the time to recovery" is what "shortens the time to recovery" says, and
// "improvements in risk factors" what "reduces risk" does (stance-features.ts reads no reversal there).
import { anchorWordsOf } from './direction-anchors.ts';
import type { SentenceReading } from './stance-reading.ts';

/** Stems of the words of change that say only how good a thing became, not whether there is more or less of it. */
const WORTH = /^(?:improv|better|benefit|worse|worsen|harm|hurt)/u;
/** Stems of the words of change that say only how much of a thing there is. */
const AMOUNT =
  /^(?:increas|decreas|reduc|lower|low$|higher|high$|more$|less$|greater|fewer|shorten|shorter|prolong|longer|rise|rose|rais|fall|fell|declin|drop|elev|larger|smaller|extend|diminish|augment|lessen|faster|slow)/u;
/** Stems of things of which less is better: risks and harms. */
const LESS_IS_BETTER =
  /^(?:mortal|death|error|risk|latenc|relaps|recurr|failur|toxic|complic|cost|pain|symptom|sever|morbid|incid)$/u;
// The time a thing takes and the length of a stay, of which less is better too; not "over time",
// "survival time" or "telomere length".
const TIME_TAKEN = /\btime\s+to\b|\blength\s+of\s+(?:hospital\s+)?stay\b/iu;
const TIME_TERMS = /^(?:time|length|stai)$/u;

/**
 * The words of worth (stems) that direct a thing of which less is better in a sentence ("improves the
 * time to recovery": improv), from its reading's terms' anchors (anchorWordsOf).
 */
export function worthOfLessIsBetter(reading: SentenceReading): Set<string> {
  const found = new Set<string>();
  const timed = TIME_TAKEN.test(reading.text);
  for (const [term, { cue }] of anchorWordsOf(reading))
    if (WORTH.test(cue) && (LESS_IS_BETTER.test(term) || (timed && TIME_TERMS.test(term)))) found.add(cue);
  return found;
}

/**
 * Whether opposite directions from these two words of change (stems) say the same of a phrase: one
 * is a word of worth that directs a thing of which less is better on its side (`worthOfLessIsBetter`
 * of that side), the other a word of amount ("improves the time to recovery" against "shortens").
 */
export function worthAgainstAmount(
  claimCue: string,
  evidenceCue: string,
  claimWorth: ReadonlySet<string>,
  evidenceWorth: ReadonlySet<string>,
): boolean {
  return (
    (claimWorth.has(claimCue) && AMOUNT.test(evidenceCue)) || (evidenceWorth.has(evidenceCue) && AMOUNT.test(claimCue))
  );
}
