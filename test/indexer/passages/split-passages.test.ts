import { describe, expect, it } from 'vitest';
import { sentenceSpans, splitPassages } from '../../../indexer/passages/split-passages.ts';

const abstract =
  'Attention sinks come from variance gaps.  A few super neurons carry them. ' +
  'Head-wise RMSNorm removes the gap and speeds up pretraining. The effect holds at 1.3B parameters!';

describe('split-passages', () => {
  it('keeps exact offsets so every passage is a slice of the abstract', () => {
    const passages = splitPassages({ title: 'Attention sinks', abstract }, { targetWords: 12 });
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.field).toBe('abstract');
      expect(abstract.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text).toBe(passage.text.trim());
    }
    expect(passages.map((p) => p.ordinal)).toEqual(passages.map((_, i) => i));
  });

  it('groups whole sentences up to the target length and never splits a sentence that fits', () => {
    const passages = splitPassages({ title: 't', abstract }, { targetWords: 12 });
    const sentences = sentenceSpans(abstract).map((s) => abstract.slice(s.start, s.end));
    for (const sentence of sentences) {
      expect(passages.some((p) => p.text.includes(sentence))).toBe(true);
    }
    expect(passages[0]!.text).toBe('Attention sinks come from variance gaps.  A few super neurons carry them.');
  });

  it('does not split numbers such as 1.3B into sentences', () => {
    const spans = sentenceSpans(abstract).map((s) => abstract.slice(s.start, s.end));
    expect(spans.at(-1)).toBe('The effect holds at 1.3B parameters!');
  });

  it('cuts a sentence longer than the maximum at word boundaries', () => {
    const long = Array.from({ length: 25 }, (_, i) => `word${i}`).join(' ');
    const passages = splitPassages({ title: 't', abstract: long }, { targetWords: 5, maxWords: 10 });
    expect(passages.map((p) => p.text.split(' ').length)).toEqual([10, 10, 5]);
    for (const p of passages) expect(long.slice(p.start, p.end)).toBe(p.text);
  });

  it('gives a paper without an abstract one passage holding its title', () => {
    expect(splitPassages({ title: 'Only a title', abstract: '   ' })).toEqual([
      { field: 'title', ordinal: 0, start: 0, end: 12, text: 'Only a title' },
    ]);
  });

  it('keeps offsets right around characters outside the basic plane', () => {
    const text = 'Emoji 🧪 tests come first. Then the 😀 second sentence follows.';
    const passages = splitPassages({ title: 't', abstract: text }, { targetWords: 4 });
    expect(passages).toHaveLength(2);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
