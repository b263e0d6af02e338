// Splits a paper's text into passages of whole sentences, each with exact character offsets
// into the field it came from, so answers can quote and highlight the precise span.
import type { Paper, Passage } from '../paper.schema.ts';

export type PassageDraft = Omit<Passage, 'id' | 'paperId'>;

export const PASSAGE_DEFAULTS = {
  /** A passage grows sentence by sentence up to about this many words. */
  targetWords: 70,
  /** A single sentence longer than this is cut at word boundaries. */
  maxWords: 160,
} satisfies Record<string, number>;

export type PassageOptions = typeof PASSAGE_DEFAULTS;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

type Span = { start: number; end: number; words: number };

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

// Characters of text the segmenter reads at a time. V8's segmenter spends time in proportion to the
// whole string on every sentence it steps over, so one call over a long text of short sentences is
// quadratic (0.8 s for 100,000 characters of "Lin et al. ", 10 s for 200,000); windows of this size
// keep it linear (0.06 s and 0.08 s).
const WINDOW = 4096;
// A letter, a line break or a full stop ends the segmenter's look past a boundary (Unicode's rule SB8
// looks on over spaces, digits and other punctuation for a lower-case letter), so a boundary with one
// of them after it in the window is where a reading of the whole text would put it.
const SETTLES = /[\p{L}\n\r\u0085\u2028\u2029.!?\u3002\uFF01\uFF0E\uFF1F]/u;

// The segments of text[from, to): all when `to` is the text's end; otherwise those before the last
// boundary that a letter, line break or full stop in the window follows (none when none is settled).
function settledSegments(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const { segment, index } of segmenter.segment(text.slice(from, to))) {
    found.push({ start: from + index, end: from + index + segment.length });
  }
  if (to === text.length) return found;
  let lastSettling = to - 1;
  while (lastSettling >= from && !SETTLES.test(text[lastSettling]!)) lastSettling--;
  // The last segment may run on past the window, so it is never kept.
  let kept = found.length - 1;
  while (kept > 0 && found[kept]!.start > lastSettling) kept--;
  return found.slice(0, kept);
}

/** Sentence spans of a text with surrounding white space trimmed off; linear in the text's length. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let from = 0;
  let window = WINDOW;
  while (from < text.length) {
    const to = Math.min(text.length, from + window);
    const segments = settledSegments(text, from, to);
    // A sentence longer than the window: read it again in a window twice as long.
    if (segments.length === 0) {
      window *= 2;
      continue;
    }
    window = WINDOW;
    for (const segment of segments) {
      let { start, end } = segment;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) spans.push({ start, end });
    }
    from = segments.at(-1)!.end;
  }
  return spans;
}

/** Cuts an over-long sentence into pieces of at most maxWords words, at word boundaries. */
function cutLongSpan(text: string, span: Span, maxWords: number): Span[] {
  const pieces: Span[] = [];
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/g)];
  for (let i = 0; i < words.length; i += maxWords) {
    const first = words[i]!;
    const last = words[Math.min(i + maxWords, words.length) - 1]!;
    pieces.push({
      start: span.start + first.index,
      end: span.start + last.index + last[0].length,
      words: Math.min(maxWords, words.length - i),
    });
  }
  return pieces;
}

/**
 * The passages of a paper: runs of consecutive abstract sentences of about `targetWords` words.
 * A paper with no abstract gets one passage holding its title.
 */
export function splitPassages(
  paper: Pick<Paper, 'title' | 'abstract'>,
  options?: Partial<PassageOptions>,
): PassageDraft[] {
  const { targetWords, maxWords } = { ...PASSAGE_DEFAULTS, ...options };
  const text = paper.abstract;
  const sentences: Span[] = [];
  for (const s of sentenceSpans(text)) {
    const span = { ...s, words: countWords(text.slice(s.start, s.end)) };
    if (span.words > maxWords) sentences.push(...cutLongSpan(text, span, maxWords));
    else sentences.push(span);
  }
  if (sentences.length === 0) {
    return [{ field: 'title', ordinal: 0, start: 0, end: paper.title.length, text: paper.title }];
  }
  const passages: PassageDraft[] = [];
  let current: Span | null = null;
  const flush = () => {
    if (!current) return;
    passages.push({
      field: 'abstract',
      ordinal: passages.length,
      start: current.start,
      end: current.end,
      text: text.slice(current.start, current.end),
    });
    current = null;
  };
  for (const sentence of sentences) {
    if (current && current.words + sentence.words > targetWords) flush();
    current = current
      ? { start: current.start, end: sentence.end, words: current.words + sentence.words }
      : { ...sentence };
  }
  flush();
  return passages;
}
