// Names of one family told apart by a number: "CCR9" where the paper names "CCR4", "IRF-7" where it
// names "IRF-3". A claim that adds such a name, unmentioned, beside a paper that names its sibling
// says something specific the paper does not: no full support (support-verdicts.ts). A paper that
// spells the claim's name another way ("APOE-ε4" for "APOE4", "IL-1beta" for "IL-1β") names the
// name itself, whatever siblings it names beside it; a release is another member ("GPT-3.5" is not
// "GPT-3", "Llama-3.1" is not "Llama-3").

// A coined name: letters, then a number that tells members of the family apart ("CCR9", "IL-17A",
// "IRF-3", "Nav1.7"). The letters hold a capital, so "day3" or "covid19" do not count.
const NUMBERED_NAME = /^(\p{L}*\p{Lu}\p{L}*)-?(\d+(?:\.\d+)?)(\p{L}?)$/u;

// Greek letters that tell members apart, as written out ("IL-1β" is "IL-1beta").
const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  κ: 'kappa',
};
const SPELLED_GREEK = 'alpha|beta|gamma|delta|epsilon|kappa';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const letterOf = (letter: string) => GREEK[letter] ?? letter.toLowerCase();

// Whether a number and letter the text names are the claim's.
const sameMember = (number: string, letter: string, claimed: { number: string; letter: string }) =>
  number === claimed.number && letterOf(letter) === claimed.letter;

// Whether a match is a member of the family at all: after a space, only a number as long as the
// claim's ("COVID 2020 lockdown" names no member of "COVID-19"'s family).
const memberAt = (separator: string, number: string, claimed: { number: string }) =>
  !/\s/u.test(separator) || number.split('.')[0]!.length === claimed.number.split('.')[0]!.length;

/**
 * The claim's unmentioned words (as written) that are numbered names whose family the `texts` name
 * with another number ("CCR9" against a text that names "CCR4"), and nowhere with the word's own
 * number in another spelling.
 */
export function siblingNamesOf(words: readonly string[], texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const word of words) {
    const parts = NUMBERED_NAME.exec(word);
    if (!parts) continue;
    const [, family, number, letter] = parts as unknown as [string, string, string, string];
    const claimed = { number, letter: letterOf(letter) };
    // The family, a hyphen or space, a Greek letter of the family ("APOE-ε4"), the number, its letter.
    const member = new RegExp(
      `(?<![\\p{L}\\p{N}])${escaped(family)}([-\\s]?)(?:ε-?|epsilon-?)?(\\d+(?:\\.\\d+)*)(${SPELLED_GREEK}|\\p{L})?(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const members = texts.flatMap((text) =>
      [...text.matchAll(member)]
        .filter((match) => memberAt(match[1]!, match[2]!, claimed))
        .map((match) => [match[2]!, match[3] ?? '']),
    );
    if (members.some(([n, l]) => sameMember(n!, l!, claimed))) continue;
    if (members.length > 0) found.push(word);
  }
  return found;
}
