import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePhrase } from '../../../server/search/phrase-match.ts';
import { phraseVerdicts, unreadCount } from '../../../server/search/phrase-verdicts.ts';
import { buildSearchIndex, HAND_PAPERS, type SearchFixture } from './search-fixture.ts';

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex(HAND_PAPERS);
});

afterAll(() => fixture?.close());

describe('phrase-verdicts', () => {
  it('reads each paper once per phrase, then answers from memory', () => {
    const { reader } = fixture;
    const phrases = [analyzePhrase('sparse attention')!, analyzePhrase('polymer coating')!];
    const docs = HAND_PAPERS.map((p) => reader.getPaper(p.id)!.doc);
    expect(unreadCount(reader, docs, phrases)).toBe(docs.length);
    const first = phraseVerdicts(reader, docs, phrases);
    expect(first.read).toBe(docs.length);
    expect(unreadCount(reader, docs, phrases)).toBe(0);
    const again = phraseVerdicts(reader, docs, phrases);
    expect(again.read).toBe(0);
    const holding = (phrase: number) =>
      docs.filter((doc) => again.holds(doc, phrase)).map((doc) => reader.getPaperByDoc(doc)!.id);
    expect(holding(0).sort()).toEqual(['sparse-attention', 'undated-note']);
    expect(holding(1)).toEqual(['perovskite-solar']);
  });

  it('reads only the papers missing a verdict on a phrase it has not seen', () => {
    const { reader } = fixture;
    const docs = HAND_PAPERS.map((p) => reader.getPaper(p.id)!.doc);
    phraseVerdicts(reader, docs.slice(0, 3), [analyzePhrase('language models')!]);
    expect(unreadCount(reader, docs, [analyzePhrase('language models')!])).toBe(docs.length - 3);
    expect(phraseVerdicts(reader, docs, [analyzePhrase('language models')!]).read).toBe(docs.length - 3);
  });
});
