import { describe, expect, it } from 'vitest';
import type { Concept } from '../../../server/answer/question-concepts.ts';
import { unknownQualifiers } from '../../../server/answer/unknown-share.ts';

const concept = (word: string, weight: number, known: boolean): Concept => ({
  word,
  form: word.toLowerCase(),
  weight,
  known,
});

describe('unknown-share: words that say where or among whom a question asks', () => {
  const resistance = concept('resistance', 3, true);
  const arise = concept('arise', 3, true);
  const cancer = concept('cancer', 3, true);
  const tundra = concept('tundra', 6, false);
  const lichens = concept('lichens', 3, true);

  it('finds an English word no paper uses right after "in", "from" or "among", with or without an article', () => {
    expect(
      unknownQualifiers('How does resistance arise in tundra cancer?', [resistance, arise, tundra, cancer]),
    ).toEqual([tundra]);
    expect(unknownQualifiers('Do lichens from the tundra resist cancer?', [lichens, tundra, cancer])).toEqual([tundra]);
    expect(unknownQualifiers('Is resistance common among tundra lichens?', [resistance, tundra, lichens])).toEqual([
      tundra,
    ]);
  });

  it('finds none elsewhere in the question, as its last word, in a set phrase, or for a word papers use', () => {
    expect(unknownQualifiers('Does tundra resistance arise?', [tundra, resistance, arise])).toEqual([]);
    expect(
      unknownQualifiers('Does resistance arise for tundra lichens?', [resistance, arise, tundra, lichens]),
    ).toEqual([]);
    // The last word is the question's object (unknownObject), which papers may put in other words.
    expect(unknownQualifiers('Does resistance arise in tundra?', [resistance, arise, tundra])).toEqual([]);
    const place = concept('place', 6, false);
    expect(unknownQualifiers('Do lichens divide in place daily?', [lichens, place])).toEqual([]);
    expect(unknownQualifiers('Does resistance arise in cancer?', [resistance, arise, cancer])).toEqual([]);
    const name = { ...concept('Tundrax', 6, false) };
    expect(unknownQualifiers('Does resistance arise in Tundrax?', [resistance, arise, name])).toEqual([]);
  });

  it('names no noun of a set phrase after "in", "from" or "among" ("from scratch", "among others", "in addition")', () => {
    for (const [question, word] of [
      ['Can lichens be grown from scratch in tundra soil?', 'scratch'],
      ['Do lichens among others resist cancer?', 'others'],
      ['Do lichens in addition resist cancer?', 'addition'],
      ['Does resistance in turn arise in lichens?', 'turn'],
    ] as const) {
      const unknown = concept(word, 6, false);
      expect(unknownQualifiers(question, [lichens, resistance, unknown, cancer]), question).toEqual([]);
    }
  });

  it('names no word for a broad group whose members papers name instead ("in rodents", "among youngsters")', () => {
    const rodents = concept('rodents', 6, false);
    const youngsters = concept('youngsters', 6, false);
    expect(
      unknownQualifiers('Does resistance arise in rodents given cancer drugs?', [resistance, rodents, cancer]),
    ).toEqual([]);
    expect(
      unknownQualifiers('Is resistance common among youngsters with cancer?', [resistance, youngsters, cancer]),
    ).toEqual([]);
  });

  it('names a word papers write of their own subjects after "in" or "among" ("in infants", "among patients")', () => {
    const infants = concept('infants', 6, false);
    const patients = concept('patients', 6, false);
    expect(
      unknownQualifiers('Does resistance arise in infants given cancer drugs?', [resistance, infants, cancer]),
    ).toEqual([infants]);
    expect(
      unknownQualifiers('Is resistance common among patients with cancer?', [resistance, patients, cancer]),
    ).toEqual([patients]);
  });
});
