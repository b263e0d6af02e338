// Highlights: the spans of a text whose words match a query term after analysis, so "models"
// in the text lights up for "model" in the query, and a quoted phrase lights up where it occurs whole.
// Offsets are exact indexes into the text.
import { type Token, tokenize } from '../../indexer/index.ts';
import { type AnalyzedPhrase, phraseOccurrences } from './phrase-match.ts';
import type { Highlight } from './search.schema.ts';

// What may sit between two matching words for them to read as one phrase.
const JOINER = /^[\s\-\u2010\u2011\u2013]*$/u;

// Spans of the marked tokens, neighbours separated only by white space or hyphens merged into one.
function spansOf(text: string, tokens: readonly Token[], marked: (token: Token, i: number) => boolean): Highlight[] {
  const spans: Highlight[] = [];
  tokens.forEach((token, i) => {
    if (!marked(token, i)) return;
    const last = spans[spans.length - 1];
    if (last && JOINER.test(text.slice(last.end, token.start))) last.end = token.end;
    else spans.push({ start: token.start, end: token.end });
  });
  return spans;
}

/**
 * Spans of the tokens whose term is one of the query's; neighbouring matches separated only by
 * white space or hyphens merge into one span ("neural networks" and "heat-transfer" are one highlight each).
 */
export function highlightSpans(text: string, tokens: readonly Token[], queryTerms: ReadonlySet<string>): Highlight[] {
  return spansOf(text, tokens, (token) => token.term !== null && queryTerms.has(token.term));
}

/**
 * Highlights for a query with phrases: its free terms wherever they occur, and each phrase where its
 * words stand together and in order (stop words inside it included), not where they are apart.
 */
export function phraseHighlightSpans(
  text: string,
  tokens: readonly Token[],
  freeTerms: ReadonlySet<string>,
  phrases: readonly AnalyzedPhrase[],
): Highlight[] {
  if (phrases.length === 0) return highlightSpans(text, tokens, freeTerms);
  const inPhrase = new Uint8Array(tokens.length);
  for (const phrase of phrases) {
    for (const first of phraseOccurrences(tokens, phrase)) inPhrase.fill(1, first, first + phrase.keys.length);
  }
  return spansOf(text, tokens, (token, i) => inPhrase[i] === 1 || (token.term !== null && freeTerms.has(token.term)));
}

/** Highlights of the query terms in a text. */
export function highlight(text: string, queryTerms: ReadonlySet<string>): Highlight[] {
  return highlightSpans(text, tokenize(text), queryTerms);
}
