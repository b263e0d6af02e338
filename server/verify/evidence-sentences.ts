// The sentences a claim is checked against, with exact offsets into the paper field they come
// from: a paper's title and abstract sentences, or the sentences of given passages.
import type { Paper, Passage } from '../../indexer/index.ts';
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';

/** One sentence of a paper: text === paper[field].slice(start, end). */
export type EvidenceSentence = {
  field: 'title' | 'abstract';
  start: number;
  end: number;
  text: string;
  /** The passage it lies in, when it came from a passage. */
  passageId?: number;
};

/** The title followed by every abstract sentence of a paper. */
export function sentencesOfPaper(paper: Pick<Paper, 'title' | 'abstract'>): EvidenceSentence[] {
  const sentences: EvidenceSentence[] = [];
  if (paper.title) sentences.push({ field: 'title', start: 0, end: paper.title.length, text: paper.title });
  for (const { start, end } of sentenceSpans(paper.abstract)) {
    sentences.push({ field: 'abstract', start, end, text: paper.abstract.slice(start, end) });
  }
  return sentences;
}

/** The sentences of passages, with offsets moved from the passage into its paper field. */
export function sentencesOfPassages(passages: readonly Passage[]): EvidenceSentence[] {
  const sentences: EvidenceSentence[] = [];
  for (const passage of passages) {
    for (const { start, end } of sentenceSpans(passage.text)) {
      sentences.push({
        field: passage.field,
        start: passage.start + start,
        end: passage.start + end,
        text: passage.text.slice(start, end),
        passageId: passage.id,
      });
    }
  }
  return sentences;
}
