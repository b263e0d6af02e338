// The library as the verifier sees it: papers looked up by id, DOI, arXiv id, first author and
// year, the name a title gives, or by the words of a reference; backed by an index (lookups are
// cached per generation).
import type { IndexReader, Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { nearSpellings } from './name-spelling.ts';
import { namesInTitle } from './paper-name.ts';
import { statisticsOfIndex, type TermStatistics } from './term-statistics.ts';

export interface Library {
  readonly statistics: TermStatistics;
  /** The paper with this id, or with this citation key (a Zotero library's Better BibTeX keys). */
  byId(id: string): Paper | undefined;
  byDoi(doi: string): Paper | undefined;
  byArxivId(arxivId: string): Paper | undefined;
  /**
   * Papers whose first author has this surname (any author, when no first author matches) and year;
   * with year '', of any year.
   */
  byAuthorYear(surname: string, year: string): Paper[];
  /**
   * Papers whose titles give this name, written exactly so ("LeakDojo", "VHG", "GlazyBench";
   * namesInTitle). Not the word an abstract opens with (paperName): "Memory is consolidated…" under
   * "Memory Consolidation During Sleep" gives the paper no name.
   */
  byName(name: string): Paper[];
  /** First authors' surnames the written one may misspell ("Venkatesch" for Venkatesh), nearest first. */
  surnamesLike(surname: string): string[];
  /** Papers whose title and abstract best match the words of a text, best first. */
  search(text: string, limit: number): Paper[];
}

/** Lowercase, accents removed: "Müller" and "Muller" are the same surname. */
export function normalizeName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/gu, "'").trim();
}

/** The surname in an author string: "Lin, Kai" → lin, "Kai Lin" → lin, "Lin K." → lin. */
export function surnameOf(author: string): string {
  const name = author.trim();
  if (name.includes(',')) return normalizeName(name.slice(0, name.indexOf(',')));
  const parts = name.split(/\s+/u);
  const last = parts.at(-1) ?? '';
  // "Lin K" and "Lin KJ." put initials last.
  if (parts.length > 1 && /^(?:\p{Lu}\.?){1,3}$/u.test(last)) return normalizeName(parts[0]!);
  return normalizeName(last);
}

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/iu;

/** Papers by first author and year, by any author and year, and by the citation key a reference manager pinned. */
type AuthorYearCatalog = {
  first: Map<string, string[]>;
  any: Map<string, string[]>;
  keys: Map<string, string>;
  /** Papers by the names they call themselves by, case kept: "EMO" is not "Emo". */
  names: Map<string, string[]>;
  /** First authors' surnames by their length, so a misspelling is compared only with names of about its length. */
  surnames: Map<number, Set<string>>;
};

const catalogs = new WeakMap<IndexReader, AuthorYearCatalog>();

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

function catalogOf(reader: IndexReader): AuthorYearCatalog {
  let catalog = catalogs.get(reader);
  if (!catalog) {
    catalog = { first: new Map(), any: new Map(), keys: new Map(), names: new Map(), surnames: new Map() };
    for (const { paper } of reader.papers.all()) {
      for (const name of namesInTitle(paper.title)) push(catalog.names, name, paper.id);
      // Zotero's citation key (Better BibTeX's "Citation Key:" in Extra, Zotero 7's own field).
      const key = paper.metadata.citationKey;
      if (typeof key === 'string' && key !== '' && !catalog.keys.has(key)) catalog.keys.set(key, paper.id);
      if (paper.authors.length === 0) continue;
      // Keyed by surname and year, and by surname alone (year '') for a citation that names no year.
      const years = paper.year === null ? [''] : [String(paper.year), ''];
      const first = surnameOf(paper.authors[0]!);
      const sameLength = catalog.surnames.get(first.length) ?? new Set<string>();
      catalog.surnames.set(first.length, sameLength.add(first));
      for (const year of years) {
        push(catalog.first, `${surnameOf(paper.authors[0]!)}|${year}`, paper.id);
        for (const author of paper.authors) push(catalog.any, `${surnameOf(author)}|${year}`, paper.id);
      }
    }
    catalogs.set(reader, catalog);
  }
  return catalog;
}

/** The library of an open index. */
export function libraryOfIndex(reader: IndexReader): Library {
  return {
    get statistics() {
      return statisticsOfIndex(reader);
    },
    // A paper's id, or the citation key its reference manager gave it ("lin2026sinks" for "zotero:ABCD1234").
    byId: (id) => {
      const found = reader.getPaper(id)?.paper;
      if (found) return found;
      const keyed = catalogOf(reader).keys.get(id);
      return keyed === undefined ? undefined : reader.getPaper(keyed)?.paper;
    },
    // arXiv's DOI for a preprint, "10.48550/arXiv.2605.02222", names the paper with that arXiv id, and
    // the other way round, whichever of the two the library record holds.
    byDoi: (doi) => {
      const arxivId = ARXIV_DOI.exec(doi)?.[1];
      return reader.papers.findByDoi(doi) ?? (arxivId ? reader.papers.findByArxivId(arxivId) : undefined);
    },
    byArxivId: (arxivId) =>
      reader.papers.findByArxivId(arxivId) ??
      reader.papers.findByDoi(`10.48550/arxiv.${arxivId.replace(/^arxiv:/iu, '').replace(/v\d+$/u, '')}`),
    byAuthorYear(surname, year) {
      const catalog = catalogOf(reader);
      const key = `${normalizeName(surname)}|${year.replace(/[a-z]$/u, '')}`;
      const ids = catalog.first.get(key) ?? catalog.any.get(key) ?? [];
      return ids.map((id) => reader.getPaper(id)?.paper).filter((p): p is Paper => p !== undefined);
    },
    byName(name) {
      const ids = catalogOf(reader).names.get(name.trim()) ?? [];
      return ids.map((id) => reader.getPaper(id)?.paper).filter((p): p is Paper => p !== undefined);
    },
    surnamesLike(surname) {
      const written = normalizeName(surname);
      const { surnames } = catalogOf(reader);
      const lengths = [0, -1, 1, -2, 2].map((d) => surnames.get(written.length + d) ?? []);
      return nearSpellings(
        written,
        lengths.flatMap((names) => [...names]),
      );
    },
    search(text, limit) {
      return reader
        .searchKeyword(terms(text), limit, { titleWeight: 2 })
        .map((hit) => reader.getPaperByDoc(hit.label))
        .filter((p): p is Paper => p !== undefined);
    },
  };
}
