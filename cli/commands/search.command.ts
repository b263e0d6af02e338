// `citelens search "<query>"`: one page of papers from an index, with their best passage and the
// matching words marked, as text or JSON.
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { invalidInputError } from '../../core/input-issues.ts';
import { decodeDocument, openIndex } from '../../indexer/index.ts';
import {
  checkSearchBounds,
  type Highlight,
  QUERY_SYNTAX_HELP,
  type SearchRequest,
  type SearchResponse,
  searchPapers,
  zSearchRequest,
} from '../../server/search/index.ts';
import {
  addFilterOptions,
  CLI_BOUND_NAMES,
  type FilterOptions,
  filtersOf,
  numberOption,
  optionOf,
} from '../filter-options.ts';
import { action, printJson, printNotice, usageError } from '../output.ts';
import { readInputBytes } from '../read-input.ts';

type SearchCommandOptions = FilterOptions & {
  mode: 'hybrid' | 'semantic' | 'keyword';
  k: string;
  offset: string;
  ef?: string;
  sort: 'relevance' | 'year';
  file?: string;
  index: string;
  json?: boolean;
};

const EXCERPT_CHARS = 280;

/** The search request the command line asks for. */
export function toSearchRequest(query: string, options: SearchCommandOptions): SearchRequest {
  const ef = numberOption(options.ef);
  return {
    query,
    mode: options.mode,
    k: numberOption(options.k) ?? 10,
    offset: numberOption(options.offset) ?? 0,
    sort: options.sort,
    ...(ef === undefined ? {} : { ef }),
    filters: filtersOf(options),
  };
}

// The request as zod checks it, with the rules that bind one option to another, worded for options.
const zSearchOptions = zSearchRequest.superRefine((request, ctx) =>
  checkSearchBounds({ ...request, ...request.filters }, ctx, CLI_BOUND_NAMES),
);

/**
 * Checks the search request the options make before any index is opened: INVALID_INPUT names the
 * option as typed ("--k must be a number", "--year-from must be a whole number") and the query by
 * where it came from (the argument, or the file given by --file).
 */
export function checkSearchRequest(request: SearchRequest, file?: string): void {
  const parsed = zSearchOptions.safeParse(request);
  if (parsed.success) return;
  const nameField = (field: string | null) => {
    if (field === null) return 'The search';
    if (field === 'query') return file === undefined ? 'The query' : `The text of --file ${file}`;
    return optionOf(field);
  };
  throw usageError(invalidInputError(parsed.error, nameField));
}

/**
 * The query argument from the words commander left over. Options it does not know are kept as words,
 * so a query may open with an exclusion (`citelens search -sink attention`); a word opening with "--"
 * is a mistyped option, and so is one minus before an option's name (`-k 3` for `--k 3`) when other
 * words follow; otherwise several words are a query the shell split for want of quotes.
 * @param optionNames the command's long option names without their minuses ("k", "mode").
 */
export function queryArgument(words: readonly string[], optionNames: readonly string[] = []): string | undefined {
  const option = words.find((word) => /^--./u.test(word));
  if (option !== undefined) {
    const name = option.split('=')[0]!;
    throw usageError(
      new AppError('INVALID_INPUT', `Unknown option ${name} (a word to leave out takes one minus: -word).`, {
        field: name,
      }),
    );
  }
  const oneMinus =
    words.length > 1
      ? words.find((word) => word.startsWith('-') && optionNames.includes(word.slice(1).split('=')[0]!))
      : undefined;
  if (oneMinus !== undefined) {
    const name = oneMinus.split('=')[0]!;
    throw usageError(
      new AppError(
        'INVALID_INPUT',
        `Unknown option ${name}: options take two minuses (-${name}); a word to leave out goes inside the query's quotes.`,
        { field: name },
      ),
    );
  }
  if (words.length > 1) {
    const quoted = words.map((word) => (/\s/u.test(word) ? `"${word}"` : word)).join(' ');
    throw usageError(
      new AppError('INVALID_INPUT', `Give the query as one argument, in quotes: citelens search '${quoted}'.`, {
        field: 'query',
      }),
    );
  }
  return words[0];
}

/**
 * The query text: the argument, or the contents of --file (an abstract: "papers like this text").
 * Exactly one of the two must be given; an unreadable file is UNREADABLE_FILE naming it.
 */
export async function queryText(argument: string | undefined, file: string | undefined): Promise<string> {
  if (argument !== undefined && file !== undefined) {
    throw usageError(
      new AppError('INVALID_INPUT', 'Give the query as an argument or with --file, not both.', { field: 'file' }),
    );
  }
  if (file === undefined) {
    if (argument === undefined) {
      throw usageError(
        new AppError('INVALID_INPUT', 'Give a query, or --file <path> to search with the text of a file.', {
          field: 'query',
        }),
      );
    }
    return argument;
  }
  const bytes = await readInputBytes(file);
  // A PDF or a word processor's file is refused, naming it; Windows-1252 is read, with a notice.
  const { text, notice } = decodeDocument(file, bytes);
  if (notice) printNotice(notice);
  return text;
}

/** Marks the highlighted spans of a text, bold on a terminal and *starred* otherwise. */
export function markHighlights(text: string, highlights: readonly Highlight[], tty: boolean): string {
  const [open, close] = tty ? ['\u001b[1m', '\u001b[22m'] : ['*', '*'];
  let out = '';
  let at = 0;
  for (const { start, end } of highlights) {
    out += text.slice(at, start) + open + text.slice(start, end) + close;
    at = end;
  }
  return out + text.slice(at);
}

// A window of the passage around its first highlight, with the highlights inside it kept.
function excerpt(text: string, highlights: readonly Highlight[], tty: boolean): string {
  if (text.length <= EXCERPT_CHARS) return markHighlights(text, highlights, tty);
  const first = highlights[0]?.start ?? 0;
  let from = Math.max(0, Math.min(first - 60, text.length - EXCERPT_CHARS));
  const space = text.lastIndexOf(' ', from);
  if (from > 0 && space > from - 20) from = space + 1;
  const to = Math.min(text.length, from + EXCERPT_CHARS);
  const inside = highlights
    .filter((h) => h.start >= from && h.end <= to)
    .map((h) => ({ start: h.start - from, end: h.end - from }));
  return `${from > 0 ? '…' : ''}${markHighlights(text.slice(from, to), inside, tty)}${to < text.length ? '…' : ''}`;
}

// A query pasted from a file is an abstract; messages quote its start only.
function shortQuery(query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 80 ? oneLine : `${oneLine.slice(0, 79)}…`;
}

/** The response as text for a person. */
export function formatSearchResponse(response: SearchResponse, tty: boolean): string {
  if (response.results.length === 0) {
    if (response.notice) return `${response.notice}\n`;
    return `No papers match "${shortQuery(response.query)}" (${response.mode} search${response.offset > 0 ? `, offset ${response.offset}` : ''}).\n`;
  }
  const lines: string[] = [];
  response.results.forEach(({ paper, score, match, passages }, i) => {
    const year = paper.year === null ? '' : ` (${paper.year})`;
    const notMatch = match ? '' : ', not a match';
    lines.push(`${response.offset + i + 1}. ${paper.title}${year}  [${score.toFixed(3)}${notMatch}]`);
    const byline = [
      paper.authors.slice(0, 3).join(', ') + (paper.authors.length > 3 ? ' et al.' : ''),
      paper.venue,
      paper.id,
    ];
    lines.push(`   ${byline.filter((part) => part).join(' · ')}`);
    const best = passages[0];
    if (best) lines.push(`   ${excerpt(best.text, best.highlights, tty)}`);
    lines.push('');
  });
  const last = response.offset + response.results.length;
  const more = response.hasMore ? `; next page: --offset ${last}` : '';
  const order = response.sort === 'year' ? ', newest first' : '';
  // The web's line too: semantic and hybrid rankings go on past the matching papers (match-summary.ts).
  lines.push(`${response.summary} (${response.mode}${order}, ${response.tookMs.toFixed(1)} ms)${more}`);
  return `${lines.join('\n')}\n`;
}

/** Adds `citelens search` to the program. */
export function registerSearchCommand(program: Command): void {
  const config = loadConfig();
  const command = program
    .command('search')
    .description('Search an index for papers by meaning, by words, or both')
    .usage('[options] [query]')
    .argument('[query...]', `what to search for (or --file), in quotes. ${QUERY_SYNTAX_HELP}`)
    // A query may open with an exclusion ("-sink attention"), which commander would read as an option.
    .allowUnknownOption()
    .option('--file <path>', 'search with the text of this file, up to 20,000 characters (an abstract)')
    .addOption(new Option('--mode <mode>', 'how to match').choices(['hybrid', 'semantic', 'keyword']).default('hybrid'))
    .option('--k <n>', 'results per page', '10')
    .option('--offset <n>', 'results to skip (paging)', '0');
  addFilterOptions(command)
    .option('--ef <n>', 'HNSW search breadth (default: the index setting)')
    .addOption(new Option('--sort <order>', 'order of results').choices(['relevance', 'year']).default('relevance'))
    .option('--index <dir>', 'index folder', config.indexDir)
    .option('--json', 'print the response as JSON')
    .action(
      action(async (words: string[], options: SearchCommandOptions) => {
        const longNames = command.options.flatMap((option) => (option.long ? [option.long.slice(2)] : []));
        const query = await queryText(queryArgument(words, longNames), options.file);
        const request = toSearchRequest(query, options);
        checkSearchRequest(request, options.file);
        const reader = await openIndex(options.index, {
          modelDir: config.modelDir,
          offline: config.offline,
          onNotice: printNotice,
        });
        try {
          const response = await searchPapers(reader, request);
          if (options.json) printJson(response);
          else process.stdout.write(formatSearchResponse(response, Boolean(process.stdout.isTTY)));
        } finally {
          reader.close();
        }
      }),
    );
}
