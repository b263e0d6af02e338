// Highlights: the spans of a text whose words match a query term after analysis, so "models"
// in the text lights up for "model" in the query. Offsets are exact indexes into the text.
import { type Token, tokenize } from '../../indexer/index.ts';
import type { Highlight } from './search.schema.ts';

// What may sit between two matching words for them to read as one phrase.
const JOINER = /^[\s\-\u2010\u2011\u2013]*$/u;

/**
 * Spans of the tokens whose term is one of the query's; neighbouring matches separated only by
 * white space or hyphens merge into one span ("neural networks" and "heat-transfer" are one highlight each).
 */
export function highlightSpans(text: string, tokens: readonly Token[], queryTerms: ReadonlySet<string>): Highlight[] {
  const spans: Highlight[] = [];
  for (const token of tokens) {
    if (token.term === null || !queryTerms.has(token.term)) continue;
    const last = spans[spans.length - 1];
    if (last && JOINER.test(text.slice(last.end, token.start))) last.end = token.end;
    else spans.push({ start: token.start, end: token.end });
  }
  return spans;
}

/** Highlights of the query terms in a text. */
export function highlight(text: string, queryTerms: ReadonlySet<string>): Highlight[] {
  return highlightSpans(text, tokenize(text), queryTerms);
}
