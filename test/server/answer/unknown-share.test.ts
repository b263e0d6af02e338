import { describe, expect, it } from 'vitest';
import type { Concept } from '../../../server/answer/question-concepts.ts';
import { englishPhrases, unknownShare } from '../../../server/answer/unknown-share.ts';

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
});
