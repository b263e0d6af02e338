// Contracted negations written out ("didn't" → "did not", "can't" → "cannot", "won't" → "will not",
// with a straight or a typographic apostrophe, or none: "doesnt"), so the answer's readings of a
// question and of its evidence (negation, findings, the bottom line) list only the written-out forms.

// An auxiliary or modal with "n't": the stem before it, including the irregular "ca", "wo", "sha".
const CONTRACTED_NEGATION =
  /\b(do|does|did|is|are|was|were|has|have|had|could|would|should|might|must|need|ca|wo|sha)n['’]t\b/giu;
// The same typed without an apostrophe, for the stems whose form is no other word ("cant" and "wont"
// are words of their own).
const UNMARKED_NEGATION = /\b(do|does|did|is|are|was|were|has|have|could|would|should)nt\b/giu;

// The irregular stems written out, keeping the case of the first letter ("Won't" → "Will not").
const IRREGULAR: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' };

function writtenOut(stem: string): string {
  const full = IRREGULAR[stem.toLowerCase()];
  if (full === undefined) return stem;
  const first = stem[0] === stem[0]?.toUpperCase() ? full[0]!.toUpperCase() : full[0]!;
  return first + full.slice(1);
}

/**
 * A text with its contracted negations written out: "Treatment didn't clear the virus" → "Treatment
 * did not clear the virus", "can't" → "cannot" (one word, as the judge reads it), "won't" → "will
 * not", "doesnt" → "does not"; "it's", "the model's" and other apostrophes, and "cant" and "wont", are
 * left as they are.
 */
export function expandContractions(text: string): string {
  if (!/n['’]?t\b/iu.test(text)) return text;
  return text
    .replace(CONTRACTED_NEGATION, (_, stem: string) =>
      stem.toLowerCase() === 'ca' ? `${writtenOut(stem)}not` : `${writtenOut(stem)} not`,
    )
    .replace(UNMARKED_NEGATION, '$1 not');
}
