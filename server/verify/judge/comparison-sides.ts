// What each side of a comparison names: the same group under its other word ("men" and "male
// patients"), a group by what it is not ("non-smokers"), the head of the side a marker introduces
// ("than male patients" of "… than male patients in the early phase"), and the statistics in
// parentheses that interrupt a side ("the TC group (41%) than …") without ending it. Read by
// comparisons.ts and ranked-pairs.ts.

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/** Words on each side of a comparison that can name what it compares. */
export const COMPARISON_REACH = 8;

// Words of the same group, by their stems: "men" and "male", "women" and "female" (stem "femal").
const SAME_GROUP: Readonly<Record<string, string>> = {
  men: 'male',
  man: 'male',
  male: 'male',
  women: 'femal',
  woman: 'femal',
  femal: 'femal',
};

/** The term a side of a comparison is known by: one stem for the words of one group ("men", "males": male). */
export function sideTerm(term: string): string {
  return SAME_GROUP[term] ?? term;
}

/**
 * The term each word names a side of a comparison by ("smokers": smoker; "men": male), null for a stop
 * word or a qualifier ("among", "during"), which only says where; "non-smokers" names one side
 * ("nonsmoker", on its second word), not the smokers.
 */
export function sideTermsOf(text: string, tokens: readonly Token[]): (string | null)[] {
  const terms = tokens.map((token) =>
    token.term !== null && !startsQualifier(token.word) ? sideTerm(token.term) : null,
  );
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.word !== 'non' || !next?.term || text.slice(token.end, next.start) !== '-') return;
    terms[i] = null;
    terms[i + 1] = `non${terms[i + 1] ?? next.term}`;
  });
  return terms;
}

// Letters a statistic in parentheses may hold besides its numbers: "(n=122)", "(95% CI 1.3-1.6)", "(P = .36)".
const STATISTIC_LETTERS = /^(?:n|p|ci|or|rr|hr|sd|se|iqr|vs|range|mean|median)$/iu;
const ASIDE = /\(([^()]{1,60})\)/gu;

/**
 * The text with each parenthesised statistic ("(41%)", "(n=122)", "(95% CI 1.3-1.6)") blanked to
 * spaces, offsets kept, and the tokens outside them: such an aside interrupts a side of a comparison
 * ("higher among the TC group (41%) than the TA group") without ending it, as other parentheses do.
 */
export function withoutStatisticAsides<T extends Token>(
  text: string,
  tokens: readonly T[],
): { text: string; tokens: T[] } {
  if (!text.includes('(')) return { text, tokens: [...tokens] };
  const blanked: Array<[number, number]> = [];
  for (const match of text.matchAll(ASIDE)) {
    const inside = match[1]!;
    const letters = inside.match(/\p{L}+/gu) ?? [];
    if (!/\d/u.test(inside) || !letters.every((word) => STATISTIC_LETTERS.test(word))) continue;
    blanked.push([match.index, match.index + match[0].length]);
  }
  if (blanked.length === 0) return { text, tokens: [...tokens] };
  let plain = text;
  for (const [from, to] of blanked) plain = plain.slice(0, from) + ' '.repeat(to - from) + plain.slice(to);
  const outside = tokens.filter((token) => !blanked.some(([from, to]) => token.start >= from && token.end <= to));
  return { text: plain, tokens: outside };
}

// Words that start a phrase qualifying a side ("than women in the early phase", "than those seen at
// a clinic"): the side's head ends before them.
const QUALIFYING = /^(?:in|at|of|on|during|among|for|with|within|from|after|before|by|under|over|across|when|while)$/u;

/** Whether a word starts a phrase that says where or among whom ("in", "among", "at"). */
export function startsQualifier(word: string): boolean {
  return QUALIFYING.test(word);
}

/**
 * The head of the side that starts at token `from` and runs to `to` (excluded): its terms up to the
 * first word that starts a qualifying phrase after one of them ("than [in] female patients in the
 * early phase": female, patient). A qualifier before any term is passed over ("than in men").
 */
export function headTerms(tokens: readonly Token[], from: number, to: number): string[] {
  const head: string[] = [];
  for (let j = from; j < to; j++) {
    const token = tokens[j]!;
    if (head.length > 0 && QUALIFYING.test(token.word)) break;
    if (token.term && !QUALIFYING.test(token.word)) head.push(sideTerm(token.term));
  }
  return head;
}
