// The options that narrow which papers a command reads (--year-from, --year-to, --author, --tag,
// --venue), shared by `search` and `ask`, and how a field of their request is named as an option.
import type { Command } from 'commander';
import type { BoundNames, SearchFilters } from '../server/search/index.ts';

/** The filter options as commander parses them (text; numbers are checked with the request). */
export type FilterOptions = { yearFrom?: string; yearTo?: string; author?: string; tag?: string; venue?: string };

/** How the rules that bind one option to another name them (checkSearchBounds). */
export const CLI_BOUND_NAMES: BoundNames = { k: '--k', yearTo: '--year-to', yearFromPath: ['filters', 'yearFrom'] };

/** Adds the filter options to `command`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--year-from <year>', 'only papers from this year on')
    .option('--year-to <year>', 'only papers up to this year')
    .option('--author <name>', 'only papers with an author whose name contains this (case-insensitive)')
    .option('--tag <tag>', 'only papers with this tag (case-insensitive)')
    .option('--venue <venue>', 'only papers whose venue contains this (case-insensitive)');
}

/** A number option as given: text that is not a number stays NaN, so validation names the option instead of guessing. */
export function numberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The search filters the filter options ask for (only those given). */
export function filtersOf(options: FilterOptions): SearchFilters {
  const filters = {
    yearFrom: numberOption(options.yearFrom),
    yearTo: numberOption(options.yearTo),
    author: options.author,
    tag: options.tag,
    venue: options.venue,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

/** The option a field of a request comes from, as typed: filters.yearFrom is --year-from, maxSentences --max-sentences. */
export function optionOf(field: string): string {
  const name = field.split('.').at(-1) ?? field;
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
