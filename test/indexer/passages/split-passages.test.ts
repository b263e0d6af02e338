import { afterEach, describe, expect, it, vi } from 'vitest';
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
  describe('on long texts', () => {
    afterEach(() => vi.restoreAllMocks());

    // Two runs of "Lin et al." that the next "Lin" ends, one that a lower-case word goes on from, one before a year.
    const unit = 'Lin et al. Lin et al. Lin et al. showed it early. Chen et al. (2025) agree.\n';
    const unitSentences = ['Lin et al.', 'Lin et al.', 'Lin et al. showed it early.', 'Chen et al. (2025) agree.'];

    it('splits 200,000 characters of short sentences as it splits each one, with no break after "et al." before a lower-case word or a year', () => {
      const text = `${'Lin et al. '.repeat(18_000)}The survey ends. ${unit.repeat(400)}`;
      const spans = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
      expect(text.length).toBeGreaterThan(200_000);
      expect(spans).toEqual([
        ...Array.from({ length: 18_000 }, () => 'Lin et al.'),
        'The survey ends.',
        ...Array.from({ length: 400 }, () => unitSentences).flat(),
      ]);
    });

    it('keeps a sentence whole when what decides its break lies far after it', () => {
      // Unicode's rule looks past "here. " over digits and spaces for a lower-case letter.
      const numbers = '1 '.repeat(5000);
      for (const [text, lengths] of [
        [`Ends here. ${numbers}then more.`, [10_021]],
        [`Ends here. ${numbers}Then more.`, [10, 10_010]],
      ] as const) {
        expect(sentenceSpans(text).map((s) => s.end - s.start)).toEqual(lengths);
      }
    });

    it('reads a long text in bounded windows, so the work grows with its length and not its square', () => {
      const read: number[] = [];
      const segment = Intl.Segmenter.prototype.segment;
      vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
        read.push(input.length);
        return segment.call(this, input);
      });
      const work = (unit: string, n: number) => {
        read.length = 0;
        sentenceSpans(unit.repeat(n));
        return { total: read.reduce((a, b) => a + b, 0), longest: Math.max(...read) };
      };
      // Sentences of words, and of numbers alone, which no letter follows.
      for (const unit of ['Lin et al. ', '12. ']) {
        const small = work(unit, 10_000);
        const large = work(unit, 20_000);
        expect(large.longest, unit).toBeLessThanOrEqual(small.longest);
        expect(large.total, unit).toBeLessThan(2.2 * small.total);
      }
    });
  });
});
