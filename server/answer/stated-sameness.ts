// How a sentence answers a question of sameness ("Is X the same process as Y?", "Is drug A as safe as
// drug B?") by what it states in words: a difference or a likeness, each perhaps denied. A difference
// from something the question does not compare ("unlike previous studies", "unlike placebo") says
// nothing of it.
import { topicShare } from './counted-findings.ts';

/** A difference stated in words ("mechanistically distinct from", "differs from", "unlike"). */
const STATED_DIFFERENCE =
  /\b(?:distinct|different|differs?|differed|separable|unlike|dissimilar)\b(?:\s+\p{L}+)?\s+(?:from|to)\b|\bunlike\b/giu;
/** A likeness stated in words ("comparable effectiveness", "similar to", "as effective as"). */
const STATED_LIKENESS =
  /\b(?:comparable|similar|same|equivalent|equal|identical|indistinguishable|non-?inferior)\b|\bas\s+\p{L}+\s+as\b/iu;
/** A difference denied ("did not differ significantly from", "was not different from", "no significant difference"). */
const DENIED_DIFFERENCE =
  /(?:\bnot|\bno|\bnever|n't)\s+(?!(?:only|merely|just|simply)\b)(?:(?:\p{L}+ly|significant|statistically|any|clear|meaningful|detectable)\s+){0,2}(?:distinct|different|differs?|differed|difference|differences|separable|dissimilar)\b/iu;
/** A likeness denied ("not similar to", "not comparable to", "not as effective as"). */
const DENIED_LIKENESS =
  /(?:\bnot|\bnever|n't)\s+(?!(?:only|merely|just|simply)\b)(?:\p{L}+ly\s+)?(?:comparable|similar|the\s+same|equivalent|equal|identical|indistinguishable|non-?inferior|as\s+\p{L}+\s+as)\b/iu;
/** A difference from something no question of sameness asks about ("unlike previous studies", "unlike placebo"). */
const SET_ASIDE_DIFFERENCE =
  /\b(?:unlike|different\s+from|in\s+contrast\s+to)\s+(?:the\s+)?(?:(?:previous|earlier|prior|other|past)\s+(?:studies|study|reports|work|trials|findings|results)|placebo)\b/giu;
/** The words a stated difference names as the other side ("distinct from caspase-driven extrusion"). */
const OTHER_SIDE = /^[^,;.]*?(?=[,;.]|\s(?:and|but|while|whereas|which)\b|$)/u;

/**
 * Which way a sentence points on a question of sameness ("Is X the same process as Y?") by what it
 * states in words: −1 a difference ("X is distinct from Y") or a likeness denied ("not comparable
 * to"), +1 a likeness or a difference denied ("did not differ from"), 0 neither. A difference counts
 * only from something the claim names ("both differed significantly from placebo" says nothing of
 * how A and B compare); "unlike previous studies" and "unlike placebo" are set aside.
 */
export function statedSameness(sentence: string, claim = ''): -1 | 0 | 1 {
  const text = sentence.replace(SET_ASIDE_DIFFERENCE, ' ');
  if (DENIED_DIFFERENCE.test(text)) return 1;
  if (DENIED_LIKENESS.test(text)) return -1;
  for (const difference of text.matchAll(STATED_DIFFERENCE)) {
    const other = OTHER_SIDE.exec(text.slice(difference.index + difference[0].length))?.[0] ?? '';
    if (claim === '' || topicShare(other, claim) > 0) return -1;
  }
  return STATED_LIKENESS.test(text) ? 1 : 0;
}
