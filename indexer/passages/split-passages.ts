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

/** Sentence spans of a text with surrounding white space trimmed off. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const { segment, index } of segmenter.segment(text)) {
    let start = index;
    let end = index + segment.length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
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
