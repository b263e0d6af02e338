// Resolves a citation to papers in the library: through the reference list entry it points at
// (DOI, arXiv id, paper id, fuzzy title, first author and year), or directly by its identifier or
// the name a paper calls itself by ("[LeakDojo]").
import type { Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { readAuthorYear } from './author-year.ts';
import { groupAcronyms } from './group-acronyms.ts';
import { type Library, normalizeName, surnameOf } from './library.ts';
import { looksCoined } from './named-citations.ts';
import { namesInTitle, paperName } from './paper-name.ts';
import type { CitationTarget } from './parse-citations.ts';
import { parseReferenceEntries, type ReferenceEntry } from './reference-list.ts';
import {
  nameOfTitle,
  type Resolution,
  resolved,
  resolveReference,
  TITLE_MATCH,
  unresolved,
} from './resolve-reference.ts';

/**
 * Resolves a citation that a Markdown link's address names ("[Lin 2026](https://arxiv.org/abs/…)"):
 * by the address, and when the library does not know it, by the link's text as an author and year
 * or as a title (a library paper read from a reference manager often has no arXiv id).
 */
export function resolveLinkedCitation(
  target: CitationTarget,
  label: string,
  references: readonly ReferenceEntry[],
  library: Library,
): Resolution {
  const byAddress = resolveCitation(target, references, library);
  if (byAddress.candidates.length > 0) return byAddress;
  const authorYear = readAuthorYear(label);
  const byText =
    authorYear && authorYear.years.length === 1
      ? resolveCitation(
          { kind: 'author-year', surname: authorYear.surname, year: authorYear.years[0]!, etAl: authorYear.etAl },
          references,
          library,
        )
      : resolveReference(parseReferenceEntries(label)[0]!, library);
  if (byText.candidates.length === 0) return byAddress;
  const address =
    target.kind === 'arxiv' ? `arXiv id ${target.arxivId}` : target.kind === 'doi' ? `DOI ${target.doi}` : 'address';
  return { ...byText, note: `No library paper has the link's ${address}; its text, "${label}", names this one.` };
}

/**
 * MLA's "(Rando and Vaiter 12)": the one entry of the reference list by that first author, or else the
 * one library paper; several name no paper, and the note says how to tell them apart.
 */
function resolveAuthorPage(written: string, references: readonly ReferenceEntry[], library: Library): Resolution {
  const surname = normalizeName(written);
  const entries = references.filter((r) => r.surname === surname);
  if (entries.length === 1) return resolveReference(entries[0]!, library);
  if (entries.length > 1) {
    return unresolved(
      `The reference list holds ${entries.length} works by ${written}: add a short title to tell them apart.`,
    );
  }
  const papers = library.byAuthorYear(surname, '');
  if (papers.length === 1) return resolved(papers, 'author-year', null);
  return unresolved(
    papers.length > 1
      ? `The library holds ${papers.length} papers by ${written}: add a year or a short title to tell them apart.`
      : `No paper in the library by ${written}.`,
  );
}

/**
 * The library paper whose first author's name the written one may misspell ("Venkatesch" for
 * Venkatesh), of that year when one is, and that name as the paper writes it.
 */
function misspeltAuthor(written: string, year: string, library: Library): { paper: Paper; name: string } | null {
  for (const surname of library.surnamesLike(written)) {
    const paper =
      library.byAuthorYear(surname, year)[0] ?? (year === '' ? undefined : library.byAuthorYear(surname, '')[0]);
    if (!paper) continue;
    const author = paper.authors.find((a) => surnameOf(a) === surname) ?? surname;
    const name = author.includes(',')
      ? author.slice(0, author.indexOf(',')).trim()
      : (author.split(/\s+/u).find((w) => normalizeName(w) === surname) ?? author);
    return { paper, name };
  }
  return null;
}

/**
 * Library papers a name-and-year citation may mean when no author has that name: "(LeakDojo, 2026)"
 * cites the paper its title names LeakDojo, as text written with a model often cites; a name of
 * several words may be words of one title ("(Attention Sink, 2026)").
 */
function papersNamed(name: string, year: string, library: Library): Paper[] {
  const wanted = terms(name).join(' ');
  if (wanted === '') return [];
  const inYear = library
    .search(name, TITLE_MATCH.candidates)
    .filter((paper) => paper.year === null || year === '' || String(paper.year) === year);
  const named = inYear.filter((paper) =>
    [nameOfTitle(paper.title), paperName(paper), paper.title].some((n) => n !== null && terms(n).join(' ') === wanted),
  );
  if (named.length > 0 || !wanted.includes(' ')) return named;
  // A name of several words that one title holds word for word: "(Attention Sink, 2026)" for "The
  // Structural Origin of Attention Sink: …". Only when a single paper of that year does.
  const holding = inYear.filter((paper) => ` ${terms(paper.title).join(' ')} `.includes(` ${wanted} `));
  return holding.length === 1 ? holding : [];
}

/**
 * The names a reference entry's title gives its paper ("LeakDojo" of "[4] LeakDojo: Decoding the
 * Leakage Threats of RAG Systems. 2026."; namesInTitle), read from the whole entry when no title was
 * found in it.
 */
export const namesOfEntry = (entry: ReferenceEntry): string[] => namesInTitle(entry.title ?? entry.text);

/** The entry of the reference list whose title gives this name, written exactly so (namesOfEntry), if any. */
export const referenceNamed = (name: string, references: readonly ReferenceEntry[]): ReferenceEntry | undefined =>
  references.find((entry) => namesOfEntry(entry).includes(name));

// Whether a key may name a paper: written [@key], after a lead-in ("(see Dropout)"), or coined
// ("[LeakDojo]"); "[Transformers]" is a word a sentence brackets, as "they [Transformers] scale".
const mayBeName = (target: Extract<CitationTarget, { kind: 'key' }>): boolean =>
  target.explicit || target.leadIn === true || looksCoined(target.key);

/** Resolves one citation, using the reference list when the citation points into it. */
export function resolveCitation(
  target: CitationTarget,
  references: readonly ReferenceEntry[],
  library: Library,
): Resolution {
  switch (target.kind) {
    case 'numeric': {
      const entry = references.find((r) => r.n === target.n);
      if (!entry) {
        return unresolved(
          references.length === 0
            ? `[${target.n}] points into a reference list, but the text has none (add one, or pass references).`
            : `The reference list has no entry ${target.n}.`,
        );
      }
      return resolveReference(entry, library);
    }
    case 'author-year': {
      const surname = normalizeName(target.surname);
      const year = target.year.replace(/[a-z]$/u, '');
      if (year === '') return resolveAuthorPage(target.surname, references, library);
      // "(WHO 2020)" also names "World Health Organization (WHO). (2020). …" (group-acronyms.ts).
      const entry = references.find(
        (r) => r.year === year && (r.surname === surname || groupAcronyms(r.text).includes(target.surname)),
      );
      const fromEntry = entry ? resolveReference(entry, library) : null;
      if (fromEntry && fromEntry.candidates.length > 0) return fromEntry;
      const papers = library.byAuthorYear(surname, year);
      if (papers.length > 0) return resolved(papers, 'author-year', entry ?? null);
      const named = papersNamed(target.surname, year, library);
      if (named.length > 0) return resolved(named, 'title', entry ?? null);
      // The same author or name in another year: most often the year is wrong (a preprint's year, a typo).
      const otherYear = [...library.byAuthorYear(surname, ''), ...papersNamed(target.surname, '', library)][0];
      const note = `No paper in the library by ${target.surname} from ${year}`;
      if (fromEntry?.closest) return unresolved(`${note}.`, entry ?? null, fromEntry.closest);
      if (!otherYear) {
        // The author's name misspelt: "Venkatesch (2026)" for Venkatesh's paper.
        const misspelt = misspeltAuthor(target.surname, year, library);
        if (!misspelt) return unresolved(`${note}.`, entry ?? null);
        const { paper, name } = misspelt;
        return unresolved(
          `${note}, but one by ${name} from ${paper.year ?? 'no stated year'}: is the name spelt right?`,
          entry ?? null,
          { paperId: paper.id, title: paper.title, score: 1 },
        );
      }
      return unresolved(
        `${note}, but one from ${otherYear.year ?? 'no stated year'}: is the year right?`,
        entry ?? null,
        { paperId: otherYear.id, title: otherYear.title, score: 1 },
      );
    }
    case 'arxiv': {
      const paper = library.byArxivId(target.arxivId);
      return paper
        ? resolved([paper], 'arxiv', null)
        : unresolved(`No paper in the library has arXiv id ${target.arxivId}.`);
    }
    case 'doi': {
      const paper = library.byDoi(target.doi);
      return paper ? resolved([paper], 'doi', null) : unresolved(`No paper in the library has DOI ${target.doi}.`);
    }
    case 'key': {
      const paper = library.byId(target.key);
      if (paper) return resolved([paper], 'id', null);
      const keyed = references.find((r) => r.key === target.key);
      if (keyed) return resolveReference(keyed, library);
      // "[LeakDojo]", "(see EMO)": the entry or the paper that calls itself by that name.
      const entry = referenceNamed(target.key, references);
      const named = entry ? [] : library.byName(target.key);
      if ((entry || named.length > 0) && mayBeName(target)) {
        return entry ? resolveReference(entry, library) : resolved(named, 'title', null);
      }
      return unresolved(`No paper in the library has id ${target.key}, and no reference is keyed [${target.key}].`);
    }
  }
}
