// The words of a claim that say who found something rather than what: "Lin et al.", "Lin and
// colleagues", "Lin (2020)", "according to". A cited paper need not write them to support the claim.
import type { Token } from '../../indexer/index.ts';

const YEAR = /^(?:1[89]|20)\d\d[a-z]?$/u;
const COLLEAGUES = new Set(['colleagues', 'coworkers', 'collaborators', 'associates']);
// The most author names read before "et al." or a year ("Van der Berg et al.", "Lin and Wu (2020)").
const NAME_WORDS = 4;

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
    }
  });
  return citing;
}

const coWorkers = (tokens: readonly Token[], i: number) =>
  tokens[i]?.word === 'co' && (tokens[i + 1]?.word === 'workers' || tokens[i + 1]?.word === 'authors');
