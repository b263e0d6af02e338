import { describe, expect, it } from 'vitest';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { readQuestion } from '../../../server/answer/question-spelling.ts';
import { englishWordsLoaded } from '../../../server/english/english-words.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

// A file of its own: the English words are read once per process (vitest gives each file its own).
const texts = ['Speculative decoding drafts tokens with a small model.'];
const concepts = conceptStatisticsOfTexts(texts);
const library = { vocabulary: concepts.vocabulary, concepts, statistics: statisticsOfTexts(texts) };

describe('question-spelling: the English words', () => {
  it('are read only once a question has a word that would be read as another, and kept after', () => {
    readQuestion('Is speculative decoding fast?', library);
    readQuestion('What is zorblaxing?', library);
    expect(englishWordsLoaded()).toBe(false);
    expect(readQuestion('Is speculative decodng fast?', library).readings).toHaveLength(1);
    expect(englishWordsLoaded()).toBe(true);
  });
});
