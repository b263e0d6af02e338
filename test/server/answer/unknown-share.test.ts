import { describe, expect, it } from 'vitest';
import type { Concept } from '../../../server/answer/question-concepts.ts';
import { englishPhrases, unknownObject, unknownShare, unknownSubjects } from '../../../server/answer/unknown-share.ts';

const concept = (word: string, weight: number, known: boolean): Concept => ({
  word,
  form: word.toLowerCase(),
  weight,
  known,
});

describe('unknown-share', () => {
  const rag = concept('RAG', 4, true);
  const systems = concept('systems', 3, true);
  const leak = concept('leak', 4, true);
  const knowledge = concept('knowledge', 5, false);
  const base = concept('base', 5, false);

  it('is the share of the question’s weight carried by words no paper uses', () => {
    expect(unknownShare([rag, systems, leak, knowledge, base])).toBeCloseTo(10 / 21);
    expect(unknownShare([])).toBe(0);
  });

  it('counts a run of English words no paper uses as one unknown word', () => {
    const concepts = [rag, systems, leak, knowledge, base];
    const phrases = englishPhrases('Do RAG systems leak their knowledge base?', concepts);
    expect(phrases).toEqual([{ words: [knowledge, base], text: 'knowledge base', role: 'part' }]);
    expect(unknownShare(concepts, phrases)).toBeCloseTo(5 / 16);
    expect(englishPhrases('Do RAG systems leak their knowledge-base?', concepts)[0]?.text).toBe('knowledge-base');
  });

  const roles = (question: string, concepts = [rag, systems, leak, knowledge, base]) =>
    englishPhrases(question, concepts).map((p) => p.role);

  it('tells a phrase written as a part of something the question names from a thing of its own', () => {
    expect(roles('Do RAG systems leak their knowledge base?')).toEqual(['part']);
    expect(roles("Does a RAG system's knowledge base leak?")).toEqual(['part']);
    expect(roles('How does knowledge base affect RAG systems?')).toEqual(['subject']);
    expect(roles("Do RAG systems' knowledge base leak?")).toEqual(['part']);
    expect(roles('Do RAG systems leak data from knowledge base?')).toEqual(['other']);
    expect(roles('Do RAG systems leak passwords and knowledge base?')).toEqual(['other']);
  });

  it('reads a phrase as the question’s subject or object only after its opening auxiliary or a determiner', () => {
    expect(roles('Does knowledge base leak from RAG systems?')).toEqual(['subject']);
    expect(roles('Why does the knowledge base leak from RAG systems?')).toEqual(['subject']);
    expect(roles('Do RAG systems leak the knowledge base?')).toEqual(['subject']);
    expect(roles('Do RAG systems leak any knowledge base?')).toEqual(['subject']);
    // Anywhere else the words around it do not tell what it is: a verb and an adverb ("survives
    // heavy"), an adjective and an adverb ("low even"), or a clause's start after "that".
    const fast = concept('fast', 5, false);
    const enough = concept('enough', 5, false);
    const question = 'Do RAG systems leak knowledge fast enough for attackers?';
    expect(roles(question, [rag, systems, leak, knowledge, fast, enough])).toEqual(['other']);
    const survives = concept('survives', 5, false);
    const heavy = concept('heavy', 5, false);
    expect(
      roles('Do RAG systems leak knowledge that survives heavy filtering?', [rag, systems, leak, survives, heavy]),
    ).toEqual(['other']);
  });

  it('reads a bare phrase ending the question as no part, whether singular or plural', () => {
    expect(roles('Do RAG systems leak knowledge base?')).toEqual(['other']);
    expect(roles('Do RAG systems leak knowledge base ?!')).toEqual(['other']);
    const tax = concept('tax', 5, false);
    const returns = concept('returns', 5, false);
    expect(roles('Do RAG systems leak tax returns?', [rag, systems, leak, tax, returns])).toEqual(['other']);
  });

  it('reads a contraction before a phrase as no possessive', () => {
    const possessed = (question: string) => roles(question).map((role) => role === 'part');
    for (const question of [
      "What's knowledge base doing to RAG systems leak?",
      'What’s knowledge base doing to RAG systems leak?',
      "Where's knowledge base in RAG systems leak?",
      "It's knowledge base that RAG systems leak?",
      "There's knowledge base in RAG systems leak?",
      "Let's say knowledge base leaks from RAG systems?",
      "How's knowledge base leaked by RAG systems?",
      "Is it true that's knowledge base RAG systems leak?",
    ])
      expect(possessed(question), question).not.toContain(true);
    expect(possessed("Does the system's knowledge base leak from RAG systems?")).toEqual([true]);
  });

  it('counts whole the English words written apart, and a name no paper uses', () => {
    const concepts = [rag, systems, leak, knowledge, base];
    expect(englishPhrases('Does knowledge leak from RAG systems at the base?', concepts)).toEqual([]);
    expect(englishPhrases('Do RAG systems leak knowledge, base?', concepts)).toEqual([]);
    const fooformer = concept('Fooformer', 5, false);
    expect(englishPhrases('Do RAG systems leak Fooformer base?', [rag, systems, leak, fooformer, base])).toEqual([]);
  });

  it('reads an "-ly" adjective or noun ("elderly", "assembly", "butterfly") as a word of a phrase, not as an adverb of manner', () => {
    for (const word of ['elderly', 'assembly', 'butterfly']) {
      const concepts = [rag, systems, leak, knowledge, concept(word, 5, false)];
      expect(englishPhrases(`Do RAG systems leak the knowledge ${word}?`, concepts), word).toEqual([
        { words: [knowledge, concepts[4]], text: `knowledge ${word}`, role: 'subject' },
      ]);
    }
    const reliably = concept('reliably', 5, false);
    expect(
      englishPhrases('Do RAG systems leak the knowledge reliably?', [rag, systems, leak, knowledge, reliably]),
    ).toEqual([]);
  });

  const speech = concept('speech', 4, true);
  const recognition = concept('recognition', 4, true);
  const work = concept('work', 2, true);
  const errors = concept('errors', 3, true);
  const scooter = concept('scooter', 6, false);

  it('finds one unknown English word heading the subject after the opening auxiliary, with or without "not"', () => {
    // The verb is no topic word, so the unknown word heads the subject.
    const concepts = [scooter, errors, speech, recognition];
    for (const opening of ['Does the', 'Does not the', 'Did not', 'Cannot the', 'How does the'])
      expect(unknownSubjects(`${opening} scooter raise errors of speech recognition?`, concepts), opening).toEqual([
        scooter,
      ]);
    // Not in the middle of the question, nor at its end.
    expect(unknownSubjects('Does speech recognition raise errors for the scooter?', concepts)).toEqual([]);
  });

  it('finds one unknown English word ending a question of one sentence after a preposition or a determiner', () => {
    const elderly = concept('elderly', 6, false);
    expect(unknownObject('Does speech recognition work for the elderly?', [speech, recognition, work, elderly])).toBe(
      elderly,
    );
    expect(unknownObject('Does speech recognition work for scooter?', [speech, recognition, work, scooter])).toBe(
      scooter,
    );
    // Not a means, a set phrase, a subject, nor the end of a text of several sentences.
    expect(unknownObject('Does speech recognition work with a scooter?', [speech, recognition, work, scooter])).toBe(
      undefined,
    );
    expect(
      unknownObject('Does speech recognition work in practice?', [
        speech,
        recognition,
        work,
        concept('practice', 6, false),
      ]),
    ).toBe(undefined);
    expect(unknownObject('Does the scooter work for speech recognition?', [speech, recognition, work, scooter])).toBe(
      undefined,
    );
    expect(
      unknownObject('Speech recognition in noise. Does it work for scooter?', [speech, recognition, work, scooter]),
    ).toBe(undefined);
  });
});
