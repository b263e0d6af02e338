// An answer as it is being made, before its sources are listed: its text and sentences, the sources
// it cites, and the papers closest to the question; renumbered as its sources are.
import type { AskResponse, ClosestPaper } from './answer.schema.ts';
import { answerText } from './answer-text.ts';

export type Draft = Omit<AskResponse, 'question' | 'sources' | 'tookMs'> & {
  cited: Set<number>;
  /** The papers closest to the question, listed if the answer ends up abstaining. */
  nearest?: ClosestPaper[];
  /** What an answer to part of the question leaves aside (Selection's `partial`); it draws no bottom line. */
  partial?: string;
  /** Answered from a paper's record ("Who wrote EMO?"), which no model is asked to restate. */
  fromRecord?: true;
};

/** Old → new source numbers applied to a draft's sentences. */
export function renumberDraft(draft: Draft, renumber: ReadonlyMap<number, number>): Draft {
  const sentences = draft.answer.sentences.map((s) => ({
    ...s,
    citations: s.citations.map((c) => ({ ...c, n: renumber.get(c.n) ?? c.n })),
  }));
  return {
    ...draft,
    answer: draft.abstained ? draft.answer : { text: answerText(sentences), sentences },
    cited: new Set([...draft.cited].map((n) => renumber.get(n) ?? n)),
  };
}

/** Source numbers in order of first citation in the answer. */
export const citationOrder = (draft: Draft): number[] =>
  draft.answer.sentences.flatMap((s) => s.citations.map((c) => c.n));
