import { describe, expect, it } from 'vitest';
import type { NumberedSource } from '../../../server/answer/answer-sources.ts';
import { recordAnswer } from '../../../server/answer/record-questions.ts';
import { paperWith } from '../../support/paper.ts';

const source = (n: number, fields: Parameters<typeof paperWith>[0]): NumberedSource => {
  const paper = paperWith(fields);
  const passage = { id: n * 10, paperId: paper.id, field: 'abstract' as const, ordinal: 0, start: 0, end: 0, text: '' };
  return { n, paper, passages: [{ ...passage, score: 1 }] };
};

const SOURCES = [
  source(1, {
    id: 'emo',
    title: 'EMO: Pretraining Mixture of Experts for Emergent Modularity',
    authors: ['Ryan Wang', 'Akshita Bhagia', 'Sewon Min'],
    year: 2026,
    venue: 'ICML',
    doi: '10.1234/emo',
  }),
  source(2, { id: 'softsae', title: 'SoftSAE', abstract: 'SoftSAE picks its top-K features dynamically.', year: 2026 }),
  source(3, { id: 'junk', title: 'On the Hardness of Junking LLMs', authors: ['Marco Rando', 'Samuel Vaiter'] }),
];

const answered = (question: string) => {
  const answer = recordAnswer(question, SOURCES);
  return answer && 'sentence' in answer ? answer.sentence : null;
};

describe('record-questions', () => {
  it("answers who wrote a paper, when, where and its DOI from its record, citing the paper's title", () => {
    expect(answered('Who wrote EMO?')).toMatchObject({
      text: '“EMO: Pretraining Mixture of Experts for Emergent Modularity” (2026) is by Ryan Wang, Akshita Bhagia and Sewon Min.',
      supported: true,
      citations: [{ n: 1, paperId: 'emo', field: 'title', start: 0, end: 59 }],
    });
    expect(answered('When was the EMO paper published?')?.text).toBe(
      '“EMO: Pretraining Mixture of Experts for Emergent Modularity” is from 2026, in ICML.',
    );
    expect(answered('Where was EMO published?')?.text).toMatch(/appeared in ICML \(2026\)\.$/);
    expect(answered('What is the DOI of EMO?')?.text).toMatch(/is 10\.1234\/emo\.$/);
    // By the words of its title, when one retrieved title holds them.
    expect(answered('Who are the authors of the Hardness of Junking LLMs?')?.text).toMatch(
      /is by Marco Rando and Samuel Vaiter\.$/,
    );
  });

  it('says plainly when the record lacks what is asked, and leaves other questions to the abstracts', () => {
    expect(recordAnswer('Who wrote SoftSAE?', SOURCES)).toMatchObject({
      reason: "The library's record of “SoftSAE” gives no authors.",
      source: { n: 2 },
    });
    expect(recordAnswer('Who wrote the ChatGPT paper?', SOURCES)).toBeNull();
    expect(recordAnswer('How does SoftSAE pick its features?', SOURCES)).toBeNull();
    expect(recordAnswer('Who proposed dynamic top-K selection?', SOURCES)).toBeNull();
  });
});
