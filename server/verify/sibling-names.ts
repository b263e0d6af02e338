// Names of one family told apart by a number: "CCR9" where the paper names "CCR4", "IRF-7" where it
// names "IRF-3". A claim that adds such a name, unmentioned, beside a paper that names its sibling
// says something specific the paper does not: no full support (support-verdicts.ts).

// A coined name: letters, then a number that tells members of the family apart ("CCR9", "IL-17A",
// "IRF-3", "Nav1.7"). The letters hold a capital, so "day3" or "covid19" do not count.
const NUMBERED_NAME = /^(\p{L}*\p{Lu}\p{L}*)-?(\d+(?:\.\d+)?\p{L}?)$/u;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The claim's unmentioned words (as written) that are numbered names whose family the `texts` name
 * with another number ("CCR9" against a text that names "CCR4").
 */
export function siblingNamesOf(words: readonly string[], texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const word of words) {
    const parts = NUMBERED_NAME.exec(word);
    if (!parts) continue;
    const [, family, number] = parts as unknown as [string, string, string];
    const sibling = new RegExp(
      `(?<![\\p{L}\\p{N}])${escaped(family)}-?(\\d+(?:\\.\\d+)?\\p{L}?)(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const named = texts.some((text) =>
      [...text.matchAll(sibling)].some((match) => match[1]!.toLowerCase() !== number.toLowerCase()),
    );
    if (named) found.push(word);
  }
  return found;
}
