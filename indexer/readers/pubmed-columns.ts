// PubMed's CSV export (Save → Format: CSV): "PMID, Title, Authors, Citation, First Author, Journal/Book,
// Publication Year, Create Date, PMCID, NIHMS ID, DOI", authors written as MEDLINE's short names in one
// cell ("Ramos R, Comas-Cufí M, Reynolds CF 3rd."). A row is the paper "pmid:<PMID>", as PubMed's other
// exports (MEDLINE, XML) name it.
import { medlineShortName } from './medline-names.ts';
import { pubmedTitle } from './pubmed-title.ts';

const PUBMED_COLUMNS = ['pmid', 'citation', 'journal/book'];

/** Whether a header is PubMed's CSV export's. */
export function isPubmedHeader(columns: readonly string[]): boolean {
  const lower = new Set(columns.map((column) => column.toLowerCase()));
  return PUBMED_COLUMNS.every((column) => lower.has(column));
}

/**
 * A PubMed CSV row's id, authors and title (without PubMed's closing period and translation brackets), read as
 * PubMed writes them; other cells are mapped as in any CSV.
 */
export function pubmedRowFields(row: Record<string, unknown>): {
  id?: string;
  authors?: string[];
  title?: string;
  titleTranslated?: true;
} {
  const cell = (name: string) => {
    const value = Object.entries(row).find(([column]) => column.toLowerCase() === name)?.[1];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const pmid = cell('pmid');
  const authors = cell('authors');
  const title = pubmedTitle(cell('title'));
  return {
    ...(pmid !== undefined && /^\d+$/.test(pmid) ? { id: `pmid:${pmid}` } : {}),
    ...(title.title === undefined ? {} : { title: title.title }),
    ...(title.translated ? { titleTranslated: true as const } : {}),
    // The list ends with a period ("…, Smith J."); a group's name may stand among the people.
    ...(authors === undefined
      ? {}
      : {
          authors: authors
            .replace(/\.$/, '')
            .split(/,\s+/)
            .map((name) => medlineShortName(name.trim()))
            .filter((name) => name !== ''),
        }),
  };
}
