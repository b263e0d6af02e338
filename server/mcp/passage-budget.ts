// Fits search results into a character budget for an agent's context window: passages are kept in
// rank order, the one that crosses the budget is cut at a word boundary, and later ones are dropped.
import type { SearchResult } from '../search/index.ts';
import type { BudgetedPassage, BudgetedResult, BudgetReport } from './mcp.schema.ts';

/** Shortest piece of a passage worth returning; below this the passage is left out instead. */
const MIN_PIECE_CHARS = 40;

/** The longest prefix of `text` of at most `max` characters that ends at a word boundary. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const piece = text.slice(0, max);
  const lastSpace = piece.search(/\s\S*$/);
  return (lastSpace > max / 2 ? piece.slice(0, lastSpace) : piece).trimEnd();
}

/** Trims the passages of `results` (best first) to `maxChars` characters of passage text in all. */
export function fitToBudget(
  results: SearchResult[],
  maxChars: number,
): { results: BudgetedResult[]; budget: BudgetReport } {
  const budget: BudgetReport = { maxChars, usedChars: 0, truncatedPassages: 0, omittedPassages: 0 };
  const fitted = results.map((result): BudgetedResult => {
    const passages: BudgetedPassage[] = [];
    for (const hit of result.passages) {
      const left = maxChars - budget.usedChars;
      const text = cutAtWord(hit.text, left);
      const truncated = text.length < hit.text.length;
      if (text.length === 0 || (truncated && text.length < MIN_PIECE_CHARS)) {
        budget.omittedPassages++;
        continue;
      }
      if (truncated) budget.truncatedPassages++;
      budget.usedChars += text.length;
      passages.push({
        passageId: hit.id,
        field: hit.field,
        start: hit.start,
        end: hit.start + text.length,
        score: hit.score,
        text,
        truncated,
      });
    }
    const { paper } = result;
    return {
      paperId: paper.id,
      title: paper.title,
      authors: paper.authors,
      year: paper.year,
      venue: paper.venue,
      score: result.score,
      match: result.match,
      passages,
    };
  });
  return { results: fitted, budget };
}
