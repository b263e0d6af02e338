// The ways one word is written that the analyzer reads as different words: British and American
// spelling ("tumour", "tumor"), a Greek letter and its name ("α", "alpha"), a compound with and
// without its hyphen ("fine-tuning", "finetuning"); and the number words a claim counts with.
import { terms } from '../../indexer/index.ts';

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};
const GREEK_LETTER = /[α-ω]/gu;
const HYPHEN = /[-\u2010\u2011]/u;
const HYPHENS = /[-\u2010\u2011]/gu;
// A word, or a compound of words joined by hyphens.
const COMPOUND = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;

const NUMBER =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|single|double|triple|half';
/** A number word, a multiple written with one ("twofold", "three-times") or a word for a multiple ("doubled", "twice"). */
const NUMBER_WORD = new RegExp(
  `^(?:(?:${NUMBER})(?:-?(?:${NUMBER}))*(?:-?(?:fold|times))?|fold|times|twice|thrice|doubled|doubling|doubles|tripled|tripling|triples|quadrupled|halved|halving|halves)$`,
  'u',
);

/** Whether a word as written (any case, hyphens kept) is a number word or a multiple ("twofold", "doubled"). */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORD.test(word.toLowerCase());
}

/**
 * A word lowercased with its spelling folded: Greek letters by name, "ae" and "oe" as "e", "our"
 * as "or" ("haemoglobin", "oestrogen", "colour" as "hemoglobin", "estrogen", "color"), hyphens
 * removed, "artefact" as "artifact". Both sides of a comparison are folded, so a fold that misreads a word misreads it on both.
 */
export function foldSpelling(word: string): string {
  return word
    .toLowerCase()
    .replace(GREEK_LETTER, (letter) => GREEK[letter] ?? letter)
    .replace(/ae|oe/gu, 'e')
    .replace(/artefact/gu, 'artifact')
    .replace(/our/gu, 'or')
    .replace(HYPHENS, '');
}

/** The stem of a folded word (the analyzer's term), or the word itself when it is a stop word. */
export function foldedTerm(word: string): string {
  let term = FOLDED_TERMS.get(word);
  if (term === undefined) {
    const folded = foldSpelling(word);
    term = terms(folded)[0] ?? folded;
    // Papers share most of their words: each is folded and stemmed once, up to a bound on memory.
    if (FOLDED_TERMS.size >= MAX_FOLDED_TERMS) FOLDED_TERMS.clear();
    FOLDED_TERMS.set(word, term);
  }
  return term;
}
const FOLDED_TERMS = new Map<string, string>();
const MAX_FOLDED_TERMS = 100_000;

/**
 * The folded terms of a text: of each word, and of each hyphenated compound read as one word
 * ("fine-tuning" also as "finetuning").
 */
export function foldedTermsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const [compound] of text.matchAll(COMPOUND)) {
    found.add(foldedTerm(compound));
    if (HYPHEN.test(compound)) for (const part of compound.split(HYPHEN)) found.add(foldedTerm(part));
  }
  return found;
}
