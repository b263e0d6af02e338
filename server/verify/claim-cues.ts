// The cues that topic overlap misses: the numbers a claim states and the direction of the effect it
// asserts (up or down). The support scorer compares them with evidence; negation is read with its
// scope by the stance reading (judge/stance-reading.ts).
import { caseless } from './caseless-pattern.ts';
import { withoutDeniedAlternatives } from './judge/alternatives.ts';
import { ACTIVATION_HEADS } from './judge/directionless.ts';

// A number standing on its own: not part of a name such as IL-6, p53 or 4-PBA, nor the whole part
// of a decimal that is ("7.5-degree" is no 7).
const NUMBER = /(?<![\p{L}\p{N}\-–./])(\d+(?:[.,]\d+)*)(?:\s?(%|percent\b))?(?![\p{L}\p{N}\-–]|[.,]\d)/gu;

/** Normalized numbers in a text: "1,000" → "1000", "2.50" → "2.5", "12 %" → "12%". */
export function numbersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NUMBER)) {
    let value = match[1]!;
    // A comma followed by exactly three digits groups thousands; otherwise it is a decimal comma.
    value = /^\d{1,3}(,\d{3})+$/.test(value) ? value.replaceAll(',', '') : value.replace(',', '.');
    if (value.includes('.')) value = value.replace(/0+$/, '').replace(/\.$/, '');
    found.push(match[2] ? `${value}%` : value);
  }
  return found;
}

/** Whether every number of `claim` (ignoring its % sign) occurs among `evidence`'s numbers. */
export function missingNumbers(claimNumbers: readonly string[], evidenceNumbers: readonly string[]): string[] {
  const bare = new Set(evidenceNumbers.map((n) => n.replace('%', '')));
  return claimNumbers.filter((n) => !bare.has(n.replace('%', '')));
}

// "activation steering", "activation memory" name a kind of thing, not a switching on (directionless.ts).
const UP = caseless(
  new RegExp(
    String.raw`\b(?:increas\w*|higher|high|elevat\w*|enhanc\w*|promot\w*|rais\w*|rise[sn]?|rising|up-?regulat\w*|greater|more|improv\w*|stimulat\w*|activat(?!ions?\s+(?:${ACTIVATION_HEADS})\b)\w*|induc\w*|accelerat\w*|augment\w*|boost\w*|potentiat\w*|exacerbat\w*|worsen\w*|amplif\w*|gain\w*)\b`,
    'giu',
  ),
);
const DOWN = caseless(
  /\b(?:decreas\w*|reduc\w*|lower\w*|low|inhibit\w*|suppress\w*|down-?regulat\w*|less|fewer|impair\w*|attenuat\w*|diminish\w*|block\w*|prevent\w*|slow\w*|declin\w*|loss|lose[sd]?|abolish\w*|abrogat\w*|protect\w*|alleviat\w*|ameliorat\w*|shorten\w*|decline)\b/giu,
);

/** The direction of effect a text asserts: +1 (increase), −1 (decrease) or 0 (none or mixed). */
export function directionOf(written: string): -1 | 0 | 1 {
  const text = withoutDeniedAlternatives(written);
  const up = [...text.matchAll(UP.on(text))].length;
  const down = [...text.matchAll(DOWN.on(text))].length;
  return up > down ? 1 : down > up ? -1 : 0;
}

/** The cues of one text. */
export type Cues = { numbers: string[]; direction: -1 | 0 | 1 };

export function cuesOf(text: string): Cues {
  return { numbers: numbersOf(text), direction: directionOf(text) };
}
