// Writes answer sentences as text with their citation markers: "Sinks carry no meaning [1]."
import type { AnswerSentence } from './answer.schema.ts';

// A paper's own reference markers ("[7]", "[3, 4]", "[5–8]") inside a quoted sentence.
const OWN_MARKER = /\[(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\]/gu;

/** Writes a paper's own bracketed numbers as "(ref. 7)", so only the answer's markers read as citations. */
export function unmarkOwnCitations(text: string): string {
  return text.replace(OWN_MARKER, (_, numbers: string) => `(ref. ${numbers})`);
}

/** A sentence with its markers placed before its final punctuation (its own bracketed numbers unmarked). */
export function withMarkers(sentence: Pick<AnswerSentence, 'text' | 'citations'>): string {
  const text = unmarkOwnCitations(sentence.text);
  const numbers = [...new Set(sentence.citations.map((c) => c.n))].sort((a, b) => a - b);
  if (numbers.length === 0) return text;
  const marker = `[${numbers.join(', ')}]`;
  const end = /[.!?]["'”’)]*$/u.exec(text);
  return end ? `${text.slice(0, end.index)} ${marker}${end[0]}` : `${text} ${marker}`;
}

/** The whole answer text. */
export function answerText(sentences: readonly Pick<AnswerSentence, 'text' | 'citations'>[]): string {
  return sentences.map(withMarkers).join(' ');
}
