// The bottom line of a yes/no question over sentences cited as [1], [2]…, each a whole abstract: the
// set-up the bottom-line rule tests share.
import { bottomLine } from '../../server/answer/bottom-line.ts';

/** A cited sentence numbered `n`: the whole text of an abstract. */
export const citedAt = (n: number, text: string) => ({
  n,
  sentence: { field: 'abstract' as const, start: 0, end: text.length, text },
});

/** The bottom line's verdict on `question` when the answer cites `sentences`, numbered from 1. */
export const verdictOf = (question: string, ...sentences: string[]) =>
  bottomLine(
    question,
    sentences.map((text, i) => citedAt(i + 1, text)),
  ).verdict;
