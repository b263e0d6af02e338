// What a sentence ranks against what: the alternative it prefers ("consumer GPUs rather than CPUs")
// and the comparisons it makes ("A is more effective than B", "A outperforms B"), each side known by
// its terms. Read once per sentence with the rest of its reading (stance-reading.ts).

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/** "A rather than B", "A instead of B", "A as opposed to B": the sentence states A and denies B. */
export type Alternative = { preferred: string; denied: string };

/**
 * "A is more effective than B", "A outperforms B": which way the comparison goes (+1: A above B) and
 * the terms only one side names (the shared ones, "patients" of "patients with A … than patients
 * with B", tell the sides apart from nothing).
 */
export type Comparison = { direction: -1 | 1; left: string[]; right: string[] };

// The markers of an alternative, as the words they are made of.
const ALTERNATIVE_MARKERS = [
  ['rather', 'than'],
  ['instead', 'of'],
  ['as', 'opposed', 'to'],
];
/** Whether a text may name an alternative (holds a marker's words in a row), before it is read whole. */
const MARKER_PHRASE = new RegExp(`\\b(?:${ALTERNATIVE_MARKERS.map((words) => words.join('\\s+')).join('|')})\\b`, 'iu');
export const mayNameAlternative = (text: string) => MARKER_PHRASE.test(text);
/** Words on each side of the marker that can name the alternatives. */
export const ALTERNATIVE_REACH = 3;

// Verbs that only carry what follows them: "instead of using a fixed K" denies "fixed", not "using".
const CARRIER_VERB =
  /^(?:using|employing|relying|applying|adopting|having|being|making|taking|choosing|requiring|needing)$/u;

/** "…GPUs rather than CPUs": the term before the marker, and those after it up to a comma or the reach. */
export function alternativesOf(text: string, tokens: readonly Token[]): Alternative[] {
  const found: Alternative[] = [];
  const broken = (a: number, b: number) => /[,;:()]/u.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  tokens.forEach((_, i) => {
    const marker = ALTERNATIVE_MARKERS.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
    if (!marker) return;
    let preferred: string | null = null;
    for (let j = i - 1; j >= Math.max(0, i - ALTERNATIVE_REACH) && !broken(j, j + 1); j--) {
      if (tokens[j]!.term) {
        preferred = tokens[j]!.term;
        break;
      }
    }
    // The first content word after the marker names what is denied ("rather than static stimuli": static).
    const after = i + marker.length;
    let denied: string | null = null;
    let reach = after + ALTERNATIVE_REACH;
    for (let j = after; j < Math.min(tokens.length, reach); j++) {
      if (j > after && broken(j - 1, j)) break;
      if (CARRIER_VERB.test(tokens[j]!.word)) reach++;
      else if (tokens[j]!.term) {
        denied = tokens[j]!.term;
        break;
      }
    }
    // "whether X is regulated as opposed to noise" asks; it does not deny.
    const asked = tokens.slice(0, i).some((t) => t.word === 'whether');
    if (preferred && denied && denied !== preferred && !asked) found.push({ preferred, denied });
  });
  return found;
}

/** Whether token i is the last word of "rather than", "instead of" or "as opposed to", not asked by a "whether". */
export function endsAlternativeMarker(tokens: ReadonlyArray<{ word: string }>, i: number): boolean {
  const marker = ALTERNATIVE_MARKERS.find((words) =>
    words.every((w, k) => tokens[i - words.length + 1 + k]?.word === w),
  );
  return marker !== undefined && !tokens.slice(0, i).some((t) => t.word === 'whether');
}

const ABOVE_WORD =
  /^(?:more|higher|greater|better|larger|longer|faster|stronger|superior|increased|elevated|outperform\w*|surpass\w*|exceed\w*|beats?)$/u;
const BELOW_WORD =
  /^(?:less|lower|fewer|worse|smaller|shorter|slower|weaker|inferior|reduced|decreased|underperform\w*)$/u;
// Verbs that compare by themselves ("A outperforms B"): the other side follows the verb.
const COMPARING_VERB = /^(?:outperform\w*|surpass\w*|exceed\w*|beats?|underperform\w*)$/u;
/** Words on each side of a comparison that can name what it compares. */
const COMPARISON_REACH = 8;

/**
 * "A … more … than B", "A outperforms B", "A, compared with B, had a higher …": which side each
 * term is on and which way the comparison goes, within a stretch of the sentence.
 */
export function comparisonsOf(text: string, tokens: readonly Token[]): Comparison[] {
  const found: Comparison[] = [];
  const between = (a: number, b: number) => text.slice(tokens[a]!.end, tokens[b]!.start);
  const broken = (a: number, b: number) => /[;:()]/u.test(between(a, b));
  const isComparative = (j: number) => ABOVE_WORD.test(tokens[j]!.word) || BELOW_WORD.test(tokens[j]!.word);
  tokens.forEach((token, i) => {
    const word = token.word;
    const next = tokens[i + 1]?.word;
    const phrase = (word === 'compared' || word === 'relative') && (next === 'to' || next === 'with');
    const marker = phrase || word === 'than' || word === 'versus' || word === 'vs';
    let comparative = -1;
    if (COMPARING_VERB.test(word)) comparative = i;
    else if (marker) {
      for (let j = i - 1; j >= Math.max(0, i - COMPARISON_REACH) && !broken(j, j + 1); j--) {
        if (isComparative(j)) {
          comparative = j;
          break;
        }
      }
    }
    if (comparative < 0 && !phrase) return;
    // The other side: the words after the verb or the marker, up to a clause break (or a comma after
    // "compared with B,", which the comparison then follows).
    const from = comparative === i ? i + 1 : i + (phrase ? 2 : 1);
    const right = new Set<string>();
    let to = from;
    for (; to < Math.min(tokens.length, from + COMPARISON_REACH); to++) {
      if (to > from && (broken(to - 1, to) || (phrase && between(to - 1, to).includes(',')))) break;
      if (tokens[to]!.term) right.add(tokens[to]!.term!);
    }
    if (comparative < 0) {
      for (let j = to; j < Math.min(tokens.length, to + COMPARISON_REACH) && !broken(j - 1, j); j++) {
        if (isComparative(j)) {
          comparative = j;
          break;
        }
      }
      if (comparative < 0) return;
    }
    const direction = BELOW_WORD.test(tokens[comparative]!.word) ? -1 : 1;
    // This side: the words before the comparative word (or before the marker, when it comes after).
    const leftEnd = Math.min(comparative, i);
    const left = new Set<string>();
    for (let j = leftEnd - 1; j >= Math.max(0, leftEnd - COMPARISON_REACH) && !broken(j, j + 1); j--) {
      if (tokens[j]!.term) left.add(tokens[j]!.term!);
    }
    const onlyLeft = [...left].filter((t) => !right.has(t));
    const onlyRight = [...right].filter((t) => !left.has(t));
    if (onlyLeft.length > 0 && onlyRight.length > 0) found.push({ direction, left: onlyLeft, right: onlyRight });
  });
  return found;
}
