// Abbreviations a text defines in the form "long form (SF)", found as Schwartz & Hearst (2003)
// describe: each letter of the short form appears in the long form in order, the first one starting
// a word, and the long form is at most min(|SF| + 5, 2·|SF|) words. Reading a short form as its long
// form lets "pyridostatin" in a claim meet "PDS reduces proliferation" in an abstract that defined
// "pyridostatin (PDS)" once.

/** A defined abbreviation: the short form as written and the long form it stands for. */
export type Abbreviation = { short: string; long: string };

// A parenthesis that may hold a short form: 2–10 characters, at most two words.
const PARENTHESIS = /\(\s*([^()\s][^()]{0,9}?)\s*\)/gu;
// What a short form may not hold: measures, statistics, lists, sentences and abbreviated words
// ("P<0.05", "n = 12", "95% CI; 2", "Fig. 2").
const NOT_SHORT = /[=<>%;,:±/.]|\s\S+\s/u;
// What points at a part of the paper, never a short form: "(Table S2)", "(Section 4)".
const LABEL =
  /^(?:fig|figs|figure|table|tab|eq|eqs|suppl|supp|section|sec|appendix|ref|refs|box|chapter|step|phase|panel)\b/iu;
// Where the words before a parenthesis stop belonging to its long form.
const CLAUSE_BREAK = /[.;:!?()[\]]/u;

const isAlphanumeric = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function isShortForm(candidate: string): boolean {
  if (candidate.length < 2 || candidate.length > 10 || NOT_SHORT.test(candidate) || LABEL.test(candidate)) return false;
  if (!isAlphanumeric(candidate[0]) || !/\p{L}/u.test(candidate)) return false;
  // Capitals mark an abbreviation ("DSB", "mRNA", "Th17"); "(e.g.)" or "(see)" have none.
  return /\p{Lu}/u.test(candidate);
}

/** The long form the short form abbreviates at the end of `before`, or null (Schwartz & Hearst's match). */
export function longFormOf(short: string, before: string): string | null {
  let s = short.length - 1;
  let l = before.length - 1;
  while (s >= 0) {
    const c = short[s]!.toLowerCase();
    if (!isAlphanumeric(c)) {
      s--;
      continue;
    }
    // The short form's first letter must start a word of the long form.
    while (l >= 0 && (before[l]!.toLowerCase() !== c || (s === 0 && isAlphanumeric(before[l - 1])))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = before.lastIndexOf(' ', l) + 1;
  const long = before.slice(start).trim();
  const words = long.split(/\s+/u).length;
  if (long.length <= short.length || words > Math.min(short.length + 5, 2 * short.length)) return null;
  // "the PDS group (PDS)" restates the short form; it defines nothing.
  if (long.split(/[\s-]+/u).includes(short)) return null;
  return long;
}

/** The abbreviations a text defines, by short form (the first definition of each wins). */
export function definedAbbreviations(text: string): Map<string, Abbreviation> {
  const found = new Map<string, Abbreviation>();
  for (const match of text.matchAll(PARENTHESIS)) {
    const short = match[1]!;
    if (!isShortForm(short) || found.has(short)) continue;
    // The words before the parenthesis, back to the start of their clause.
    const head = text.slice(Math.max(0, match.index - 200), match.index);
    let clauseStart = head.length;
    while (clauseStart > 0 && !CLAUSE_BREAK.test(head[clauseStart - 1]!)) clauseStart--;
    const window = head.slice(clauseStart).split(/\s+/u).filter(Boolean);
    const before = window.slice(-Math.min(short.length + 5, 2 * short.length)).join(' ');
    const long = longFormOf(short, before);
    // A plural short form ("DSBs") is kept singular, so that "DSB accumulation" reads as well.
    const singular = /^\p{Lu}[\p{Lu}\p{N}-]+s$/u.test(short) ? short.slice(0, -1) : short;
    if (long && !found.has(singular)) found.set(singular, { short: singular, long });
  }
  return found;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

// The pattern of a set's short forms (made once per set: a paper's set reads every claim cited to it).
const patterns = new WeakMap<ReadonlyMap<string, Abbreviation>, RegExp>();

function patternOf(abbreviations: ReadonlyMap<string, Abbreviation>): RegExp {
  let pattern = patterns.get(abbreviations);
  if (!pattern) {
    // Longest first, so that "SARS-CoV-2" is not read as "SARS" followed by "-CoV-2".
    const shorts = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map(literal);
    const source = `(\\s*\\(\\s*)?(?<![\\p{L}\\p{N}])(${shorts.join('|')})(s)?(?![\\p{L}\\p{N}])(\\s*\\))?`;
    pattern = new RegExp(source, 'gu');
    patterns.set(abbreviations, pattern);
  }
  return pattern;
}

/**
 * The text with each defined short form read as its long form: a definition's parenthesis is
 * dropped ("pyridostatin (PDS) reduces" → "pyridostatin reduces") and every other use, plural too
 * ("DSBs"), is replaced by the long form. Text without a short form is returned as it is.
 */
export function expandAbbreviations(text: string, abbreviations: ReadonlyMap<string, Abbreviation>): string {
  if (abbreviations.size === 0) return text;
  const pattern = patternOf(abbreviations);
  pattern.lastIndex = 0;
  return text.replace(
    pattern,
    (
      _whole,
      open: string | undefined,
      short: string,
      plural: string | undefined,
      close: string | undefined,
      at: number,
    ) => {
      const { long } = abbreviations.get(short)!;
      // "DSBs" is "double-strand breaks"; "MRIs" is "magnetic resonance imaging", a mass noun.
      const written = `${long}${plural && !/(?:s|ing)$/u.test(long) ? 's' : ''}`;
      if (!(open && close)) return `${open ?? ''}${written}${close ?? ''}`;
      // "long form (SF)": the long form is written just before; the parenthesis adds nothing.
      return text.slice(0, at).trimEnd().toLowerCase().endsWith(long.toLowerCase()) ? '' : `${open}${written}${close}`;
    },
  );
}
