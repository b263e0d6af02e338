import { describe, expect, it } from 'vitest';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { readingNotice, readQuestion } from '../../../server/answer/question-spelling.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const texts = [
  'Speculative decoding drafts tokens with a small model and a fast decoder. Decoding is verified by the transformer.',
  'Attention sinks appear in transformer language models; the sink token carries no meaning.',
  'Transformers with attention heads: attention is all you need.',
  'Transformational leadership and nurse retention in hospital wards.',
];
const concepts = conceptStatisticsOfTexts(texts);
const library = { vocabulary: concepts.vocabulary, concepts, statistics: statisticsOfTexts(texts) };

describe('question-spelling', () => {
  it('reads a misspelt word as the library word it is one slip from, in the case it was written', () => {
    expect(readQuestion('What is speculative decodng?', library)).toEqual({
      question: 'What is speculative decoding?',
      readings: [{ written: 'decodng', readAs: 'decoding' }],
    });
    expect(readQuestion('How do Transfomer models use an atention sink?', library)).toEqual({
      question: 'How do Transformer models use an attention sink?',
      readings: [
        { written: 'Transfomer', readAs: 'Transformer' },
        { written: 'atention', readAs: 'attention' },
      ],
    });
  });

  it('leaves a word with no library word that close as written', () => {
    expect(readQuestion('What is zorblax?', library)).toEqual({ question: 'What is zorblax?', readings: [] });
  });

  it('never reads a short word, a name, a part of a hyphenated name or a form of a library word', () => {
    const asked = [
      'Is the decodr fast?', // under seven letters: a slip from a short word is as often another word
      'Does DecodNG help?', // written as a name
      'How does Decodng-2 work?', // part of a name with digits
      'Is the transformed model better?', // "transform" is the library's own stem: a word, not a slip
    ];
    for (const question of asked) expect(readQuestion(question, library).readings, question).toEqual([]);
  });

  it('never reads an English word that the library lacks as the library word it is one slip from', () => {
    const ethicsTexts = [
      'Moral philosophy and the morality of information sharing among librarians.',
      'Radio stations and television stations broadcast news to rural libraries.',
      'Readers respected the catalogue; the staff respected their privacy.',
    ];
    const ethics = conceptStatisticsOfTexts(ethicsTexts);
    const other = { vocabulary: ethics.vocabulary, concepts: ethics, statistics: statisticsOfTexts(ethicsTexts) };
    // "morality", "stations" and "respected" are each one slip from the question's words.
    for (const question of [
      'What is the mortality after surgery?', // a word of its own ("morality" is another)
      'Do statins prevent stroke?', // the plural of "statin" ("stations" is another word)
      'How often is the tumour resected?', // the past of "resect" ("respected" is another word)
    ])
      expect(readQuestion(question, other), question).toEqual({ question, readings: [] });
    // A misspelling is still read on the same library.
    expect(readQuestion('Do rural stattions broadcast news?', other).readings).toEqual([
      { written: 'stattions', readAs: 'stations' },
    ]);
  });

  it('says openly how the question was read', () => {
    expect(readingNotice([])).toBeNull();
    expect(readingNotice([{ written: 'decodng', readAs: 'decoding' }])).toBe('Read "decodng" as "decoding".');
    expect(
      readingNotice([
        { written: 'decodng', readAs: 'decoding' },
        { written: 'atention', readAs: 'attention' },
      ]),
    ).toBe('Read "decodng" as "decoding" and "atention" as "attention".');
  });
});
