// The search operators researchers type from habit: "quoted phrases" that must appear, and -word or
// -"a phrase" that must not. A pure parser of the raw query; search.service and highlights consume it.
import { joinHyphenatedLineBreaks } from '../../indexer/text/line-breaks.ts';

export const QUERY_SYNTAX_LIMITS = {
  /**
   * Longest query, in words, whose operators are read. A longer text is a passage pasted whole ("papers
   * like this text"), whose quotes are the authors' scare quotes: read as phrases, CISI's five such
   * queries (133–213 words, quoting "training", "virtual"...) lost all their relevant papers. Typed
   * queries are far shorter (the longest of Cranfield's and SciFact's: 46 and 39 words).
   */
  maxWords: 64,
} satisfies Record<string, number>;

/** The syntax in one paragraph, for the API's description of `q`, `citelens search --help` and the MCP tool. */
export const QUERY_SYNTAX_HELP =
  'Words, as in a search engine. "a phrase" in double quotes: only papers whose title or abstract holds its words adjacent and in that order (case, hyphens and plurals aside: "kv cache" matches "KV-caches"). -word or -"a phrase" (a minus at the start or after a space): leave out papers holding it. A hyphen inside a word ("non-linear", "COVID-19"), a negative number, an unclosed quote and a text of more than 64 words (an abstract pasted whole) are plain text.';

/** A query read for operators. Without any, `text` and `plain` are the query exactly as typed. */
export type QuerySyntax = {
  /** What ranks and is embedded: the query without operator syntax (phrase words kept, exclusions left out). */
  text: string;
  /** The words outside phrases and exclusions (highlighted wherever they occur). */
  plain: string;
  /** The text inside each pair of quotes: words that must appear adjacent and in this order. */
  phrases: string[];
  /** The text of each -word or -"phrase": papers holding it are left out. */
  excluded: string[];
  /** Whether any operator was read. */
  hasOperators: boolean;
};

// Straight and typographic double quotes (a query pasted from a word processor has the latter).
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);
const LETTER = /\p{L}/u;
const SPACE = /\s/u;

/** Where the quote opened at `at` closes, or -1 when it is never closed (then it is an ordinary character). */
function closingQuote(query: string, at: number): number {
  for (let i = at + 1; i < query.length; i++) if (QUOTES.has(query[i]!)) return i;
  return -1;
}

/** White-space separated runs of the query, counted up to one past the limit. */
function wordCount(query: string): number {
  let count = 0;
  for (const _ of query.matchAll(/\S+/gu)) if (++count > QUERY_SYNTAX_LIMITS.maxWords) break;
  return count;
}

/** End (exclusive) of the run of non-space characters starting at `at`. */
function wordEnd(query: string, at: number): number {
  let i = at;
  while (i < query.length && !SPACE.test(query[i]!)) i++;
  return i;
}

/**
 * Reads a query's operators:
 * - `"kv cache"`: a phrase, when a closing quote follows (an unclosed quote is an ordinary character);
 * - `-sink` and `-"attention sink"`: an exclusion, when the minus starts the query or follows white space
 *   and a letter or a closed quote comes right after it. So "non-linear", "COVID-19", "t-SNE", "-5%", a lone
 *   "-" and "--" are words, not exclusions.
 * A query of more than QUERY_SYNTAX_LIMITS.maxWords words is plain text (words a PDF hyphenated at a line's end joined). Without operators the query is
 * returned as typed, so it searches exactly as before they existed.
 */
export function parseQuerySyntax(query: string): QuerySyntax {
  const plainText = { text: query, plain: query, phrases: [], excluded: [], hasOperators: false };
  if (wordCount(query) > QUERY_SYNTAX_LIMITS.maxWords) {
    // An abstract pasted whole, perhaps out of a PDF: a word hyphenated at a line's end is one word.
    const joined = joinHyphenatedLineBreaks(query);
    return { ...plainText, text: joined, plain: joined };
  }
  const phrases: string[] = [];
  const excluded: string[] = [];
  const text: string[] = [];
  const plain: string[] = [];
  let hasOperators = false;
  let segment = '';
  const endSegment = () => {
    if (segment.trim() !== '') {
      text.push(segment.trim());
      plain.push(segment.trim());
    }
    segment = '';
  };
  let i = 0;
  while (i < query.length) {
    const char = query[i]!;
    const atWordStart = i === 0 || SPACE.test(query[i - 1]!);
    if (char === '-' && atWordStart && i + 1 < query.length) {
      const next = query[i + 1]!;
      if (QUOTES.has(next)) {
        const close = closingQuote(query, i + 1);
        if (close !== -1) {
          endSegment();
          excluded.push(query.slice(i + 2, close));
          hasOperators = true;
          i = close + 1;
          continue;
        }
      } else if (LETTER.test(next)) {
        const end = wordEnd(query, i + 1);
        endSegment();
        excluded.push(query.slice(i + 1, end));
        hasOperators = true;
        i = end;
        continue;
      }
    }
    if (QUOTES.has(char)) {
      const close = closingQuote(query, i);
      if (close !== -1) {
        endSegment();
        const phrase = query.slice(i + 1, close);
        phrases.push(phrase);
        if (phrase.trim() !== '') text.push(phrase.trim());
        hasOperators = true;
        i = close + 1;
        continue;
      }
    }
    segment += char;
    i++;
  }
  endSegment();
  if (!hasOperators) return plainText;
  return { text: text.join(' '), plain: plain.join(' '), phrases, excluded, hasOperators };
}
