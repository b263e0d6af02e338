// The measures one comparison ranks its sides on, each with its own comparative: "Compared with
// placebo, drug A gave lower LDL levels and higher HDL levels" ranks A below on LDL and above on HDL.
// Read by comparisons.ts for a comparison that opens its sentence.
import { classOf } from './word-classes.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

/** One measure of a comparison: where its comparative word stands, and the terms only its measure names. */
export type MeasureScope = { at: number; scope: string[] };

const JOINING = /^(?:and|but)$/u;
// Words that open a clause of its own ("…, whereas raised diastolic pressure had …"): no more measures.
const CLAUSE = /^(?:whereas|while|which|although|though)$/u;

/**
 * The measures that follow the comparative at `first`, each opened by a comparative, a word of change
 * ("reduced tumour volume and increased survival") or a participle after "and" ("enlarged
 * ventricles") after "and", "but" or a comma, up to a semicolon, colon, parenthesis or a word that
 * opens a clause of its own ("whereas"); [] when there is only the one. A measure's scope is its terms
 * up to the next measure, less those another measure names too ("LDL levels", "HDL levels": ldl,
 * hdl). `opensAt`: the sentence's own comparatives.
 */
export function measureScopes(
  text: string,
  tokens: readonly Token[],
  first: number,
  opensAt: (k: number) => boolean,
): MeasureScope[] {
  const between = (a: number, b: number) => text.slice(tokens[a]!.end, tokens[b]!.start);
  const opens = (k: number) => {
    const word = tokens[k]!.word;
    if (opensAt(k) || classOf(word).direction !== 0) return true;
    const before = tokens[k - 1]?.word ?? '';
    return /ed$/u.test(word) && (JOINING.test(before) || between(k - 1, k).includes(','));
  };
  const starts = [first];
  let end = first + 1;
  for (; end < tokens.length && !/[;:()]/u.test(between(end - 1, end)) && !CLAUSE.test(tokens[end]!.word); end++) {
    // A new measure follows a comma or a joining word: "reduced A and increased B", "increased A, decreased B".
    const after = JOINING.test(tokens[end - 1]!.word) || between(end - 1, end).includes(',');
    if (after && opens(end)) starts.push(end);
  }
  if (starts.length < 2) return [];
  const scopes = starts.map((at, n) => {
    const scope: string[] = [];
    const stop = starts[n + 1] ?? end;
    for (let j = at + 1; j < stop; j++) {
      const term = tokens[j]!.term;
      if (term && !scope.includes(term)) scope.push(term);
    }
    return scope;
  });
  return starts.map((at, n) => ({
    at,
    scope: scopes[n]!.filter((t) => !scopes.some((other, m) => m !== n && other.includes(t))),
  }));
}
