// The words of a claim that say who found something rather than what: "Lin et al.", "Lin and
// colleagues", "Lin (2020)", "according to", and "Lin" of "Lin [3] shows that" (the citation's marker
// gone). A cited paper need not write them to support the claim.
import type { Token } from '../../indexer/index.ts';
import { englishWordsIfReadable, isEnglishWord } from '../english/english-words.ts';

const YEAR = /^(?:1[89]|20)\d\d[a-z]?$/u;
const COLLEAGUES = new Set(['colleagues', 'coworkers', 'collaborators', 'associates']);
// The most author names read before "et al." or a year ("Van der Berg et al.", "Lin and Wu (2020)").
const NAME_WORDS = 4;
// A verb that reports what a cited work found; its subject is who found it ("Lin shows that …").
const REPORTING =
  /^(?:shows?|showed|shown|demonstrated?|demonstrates|reports?|reported|finds?|found|argues?|argued|notes?|noted|observes?|observed|proposes?|proposed|suggests?|suggested|claims?|claimed|concludes?|concluded|establish(?:es|ed)|proves?|proved|proven|reveals?|revealed|confirms?|confirmed|states?|stated|posits?|posited|contends?|contended|asserts?|asserted|explains?|explained)$/u;
const HAVE = /^(?:has|have|had)$/u;
// A surname as written: a capital, then lower-case letters only ("Venkatesh", not "AlphaFold", "GPT").
const SURNAME = /^\p{Lu}\p{Ll}+$/u;

// Whether a word as written reads as a surname before a reporting verb: written as one, and no English
// word ("Venkatesh", "Rao"; not "Scientists have found that", "Imaging shows that"). Without the
// English word list, none does.
function readsAsSurname(written: string): boolean {
  if (!SURNAME.test(written)) return false;
  const english = englishWordsIfReadable();
  return english !== undefined && !isEnglishWord(written.toLowerCase(), english);
}

/** The indices of the tokens of a claim that name who found something (see above). */
export function citingWordsOf(claim: string, tokens: readonly Token[]): Set<number> {
  const citing = new Set<number>();
  const gap = (i: number) => claim.slice(tokens[i - 1]!.end, tokens[i]!.start);
  const capitalised = (i: number) => /^\p{Lu}/u.test(claim.slice(tokens[i]!.start, tokens[i]!.end));
  // The capitalised words (and "and"/"&" between two) that end just before token `end`.
  const namesBefore = (end: number) => {
    let i = end - 1;
    let taken = 0;
    while (i >= 0 && taken < NAME_WORDS) {
      if (capitalised(i)) citing.add(i);
      else if (!(tokens[i]!.word === 'and' && i > 0 && capitalised(i - 1) && i + 1 < end)) break;
      i--;
      taken++;
    }
  };
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.word === 'et' && next?.word === 'al') {
      citing.add(i).add(i + 1);
      namesBefore(i);
    } else if (token.word === 'and' && next && (COLLEAGUES.has(next.word) || coWorkers(tokens, i + 1))) {
      citing.add(i + 1);
      if (next.word === 'co') citing.add(i + 2);
      namesBefore(i);
    } else if (token.word === 'according' && next?.word === 'to') {
      citing.add(i);
    } else if (YEAR.test(token.word) && i > 0 && /^\s*\(\s*$|^,\s*$/u.test(gap(i))) {
      citing.add(i);
      namesBefore(i);
    } else if (reportsAt(claim, tokens, i)) {
      surnamesBefore(i);
    }
  });
  return citing;

  // The surnames (and "and" between two) that open the claim, or follow its opening "as", before a
  // reporting verb at `verb` ("Venkatesh shows that …", "As Lin and Wu report, …"): only a claim's
  // opening words are read as its subject, so "Imaging in Mice shows that" keeps "Mice".
  function surnamesBefore(verb: number) {
    const end = verb > 0 && HAVE.test(tokens[verb - 1]!.word) ? verb - 1 : verb;
    const surname = (k: number) =>
      tokens[k]!.term !== null && readsAsSurname(claim.slice(tokens[k]!.start, tokens[k]!.end));
    let start = end;
    while (start > 0 && end - start < NAME_WORDS && !/[,;:()]/u.test(gap(start))) {
      const k = start - 1;
      const joining = tokens[k]!.word === 'and' && k > 0 && start < end;
      if (!surname(k) && !joining) break;
      start = k;
    }
    if (start === end || !surname(start)) return;
    if (start === 0 || (start === 1 && tokens[0]!.word === 'as')) for (let k = start; k < end; k++) citing.add(k);
  }
}

// Whether token i is a reporting verb that a "that" or a comma follows ("shows that", "As Lin
// reports, …"), so that its subject names who found what follows.
function reportsAt(claim: string, tokens: readonly Token[], i: number): boolean {
  if (!REPORTING.test(tokens[i]!.word) || i === 0) return false;
  const next = tokens[i + 1];
  if (next?.word === 'that') return true;
  return next !== undefined && /^\s*,/u.test(claim.slice(tokens[i]!.end, next.start)) && tokens[0]!.word === 'as';
}

const coWorkers = (tokens: readonly Token[], i: number) =>
  tokens[i]?.word === 'co' && (tokens[i + 1]?.word === 'workers' || tokens[i + 1]?.word === 'authors');
