// An author–year citation written without parentheses, as chat assistants and hurried drafts write
// one into the sentence: "As Rando et al., 2026, p. 12 argue, …", "shown by Lin et al. 2026", "Lin et
// al.'s 2026 paper".
// Only with "et al.", which no other phrase before a year has ("In Paris, 2020" is no citation).
import { isNameBeforeEtAl, PARTICLES, WORDED_LOCATOR } from './author-year-parts.ts';
import type { NarrativeCitation } from './narrative-citations.ts';

// The particles before a surname ("van der Berg et al., 2021"), read back from it over a bounded
// stretch so that a run of particles costs no more than its length.
const PARTICLES_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:(?:${[...PARTICLES].join('|')})[ \\t]+){1,3})$`, 'iu');
// A pinpoint after the year is one named by its word, as in a parenthesis (", p. 12", ", Appendix
// B"); a bare number after the year may be the sentence's own ("Lin et al., 2026, 3 models").
const BARE_ET_AL = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(\\p{Lu}[\\p{L}'’-]+)[ \\t]+et[ \\t]+al\\.?(?:['’]s)?,?[ \\t]+((?:1[89]|20)\\d{2}[a-z]?(?:[ \\t]*,[ \\t]*(?:1[89]|20)\\d{2}[a-z]?)*)(${WORDED_LOCATOR})?(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Every "Lin et al., 2026" (or "…, 2026, 2027", with an optional pinpoint, ", p. 12") outside parentheses, in order. */
export function bareEtAlCitations(text: string): NarrativeCitation[] {
  const found: NarrativeCitation[] = [];
  for (const match of text.matchAll(BARE_ET_AL)) {
    const [whole, name, year] = match as unknown as [string, string, string];
    if (!isNameBeforeEtAl(name)) continue;
    const particles = PARTICLES_BEFORE.exec(text.slice(Math.max(0, match.index - 30), match.index))?.[1] ?? '';
    const surname = `${particles}${name}`.replace(/\s+/gu, ' ');
    found.push({
      surname,
      etAl: true,
      authors: `${surname} et al.`,
      years: year.split(',').map((y) => y.trim()),
      start: match.index - particles.length,
      end: match.index + whole.length,
    });
  }
  return found;
}
