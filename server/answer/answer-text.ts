// Writes answer sentences as text with their citation markers: "Sinks carry no meaning [1]."
import type { AnswerSentence } from './answer.schema.ts';

/** A sentence with its markers placed before its final punctuation. */
export function withMarkers(sentence: Pick<AnswerSentence, 'text' | 'citations'>): string {
  const numbers = [...new Set(sentence.citations.map((c) => c.n))].sort((a, b) => a - b);
  if (numbers.length === 0) return sentence.text;
  const marker = `[${numbers.join(', ')}]`;
  const end = /[.!?]["'”’)]*$/u.exec(sentence.text);
  return end ? `${sentence.text.slice(0, end.index)} ${marker}${end[0]}` : `${sentence.text} ${marker}`;
}

/** The whole answer text. */
export function answerText(sentences: readonly Pick<AnswerSentence, 'text' | 'citations'>[]): string {
  return sentences.map(withMarkers).join(' ');
}
