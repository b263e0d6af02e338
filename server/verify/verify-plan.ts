// The plan of a `verify` run, everything but the judging: the claims read from a text, each
// citation resolved to its library papers (or to none), and the papers that might back a claim better.
import type { Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { claimText, partsOf, type Sentence, sentencesWithCitations } from './claim-sentences.ts';
import { maskFrontMatter } from './front-matter.ts';
import { groupAcronyms } from './group-acronyms.ts';
import { maskLatexMarkup } from './latex-source.ts';
import { type Library, normalizeName } from './library.ts';
import { isAcronym } from './not-surnames.ts';
import type { CitationTarget } from './parse-citations.ts';
import { referencesOfExport } from './reference-export.ts';
import { parseReferenceEntries, type ReferenceEntry, splitReferences } from './reference-list.ts';
import { namesOfEntry, resolveCitation, resolveLinkedCitation } from './resolve-citation.ts';
import type { ParsedVerifyRequest, VerifyCitation } from './verify.schema.ts';

/** How a text is read into claims and citations; `verifyText` takes any of these as options. */
export const VERIFY_DEFAULTS = {
  /** A sentence without citations is a claim only when it has at least this many content words. */
  minClaimTerms: 3,
  /** Library papers considered per claim for suggestions. */
  suggestionCandidates: 10,
  /** A sentence citing papers at more places than this is judged whole, not clause by clause. */
  maxCitedParts: 24,
};

function givenReferences(references: ParsedVerifyRequest['references']): ReferenceEntry[] {
  if (references === undefined) return [];
  if (typeof references === 'string') return referencesOfExport(references) ?? parseReferenceEntries(references);
  // One entry per string; an entry may still say its own number ("[3] …").
  let offset = 0;
  return references.map((entry, i) => {
    const [parsed] = parseReferenceEntries(entry, offset);
    offset += entry.length + 1;
    const n = /^\s*(?:\[\^?\d+\]:?|\d+[.)])\s/u.test(entry) ? parsed!.n : i + 1;
    return { ...parsed!, n };
  });
}

/** The settings of one run: `VERIFY_DEFAULTS` with the caller's options over them. */
export type VerifySettings = typeof VERIFY_DEFAULTS;
/** What a citation reports however it is judged: where it is, what it resolved to, its clause. */
type CitationBase = Pick<
  VerifyCitation,
  'marker' | 'kind' | 'start' | 'end' | 'resolvedBy' | 'reference' | 'closest' | 'part'
>;
/**
 * A citation to judge against its `candidates`, the library papers it may mean. `claim`: the words
 * it is judged against (its clause's, or the sentence's); `context`: the sentence's, when the claim
 * is a clause (relevance is read on it, the stance on the clause).
 */
export type PlannedCitation = {
  base: CitationBase;
  candidates: Paper[];
  note: string | null;
  claim: string;
  context?: string;
  /**
   * How many other works the citation's bracket or parenthesis cites ("[3–7]": 4, "(Lin, 2020; Wu,
   * 2021)": 1, "[3]": 0); the citations of one group share their `start`.
   */
  cocited: number;
};
/** A claim to judge: its sentence, its words without citations, its citations, and papers to suggest. */
export type PlannedClaim = {
  sentence: Sentence;
  clean: string;
  citations: PlannedCitation[];
  suggestionPapers: Paper[];
};
/** A run's plan: its claims, the reference list read, and the body the claims' offsets count in. */
export type Plan = { claims: PlannedClaim[]; references: ReferenceEntry[]; body: string };

// MLA's "(Rando 12)", which names a page and no year ("n.d." and "in press" are no prose, so not these).
const isAuthorPage = (target: CitationTarget): target is Extract<CitationTarget, { kind: 'author-year' }> =>
  target.kind === 'author-year' && target.year === '' && !target.undated;

// An acronym is also known as the one an entry's leading group name goes by: "(WHO 2020)" beside
// "World Health Organization (WHO). (2020). …", whose surname reads as "world".
function knowsAuthor(written: string, references: readonly ReferenceEntry[], library: Library): boolean {
  const surname = normalizeName(written);
  return (
    references.some((r) => r.surname === surname || (isAcronym(written) && groupAcronyms(r.text).includes(written))) ||
    library.byAuthorYear(surname, '').length > 0
  );
}

const isGroupName = (target: CitationTarget): target is Extract<CitationTarget, { kind: 'author-year' }> =>
  target.kind === 'author-year' && target.group === true;
// Whether an entry of the reference list opens with this name ("World Health Organization (2020). …").
const listNames = (name: string, references: readonly ReferenceEntry[]) =>
  references.some((r) => r.text.toLowerCase().startsWith(name.toLowerCase()));

// The other works of a citation's group: the other citations kept that share its start (a marker
// the group repeats counts once).
function cocitedOf(citation: PlannedCitation, citations: readonly PlannedCitation[]): number {
  const group = citations.filter((c) => c.base.start === citation.base.start);
  return new Set(group.map((c) => c.base.marker)).size - 1;
}

/**
 * Everything but the judging: claims, their resolved citations, and the library papers that might
 * back each claim better. The judge then sees every (claim, paper) pair at once, so a model batches them.
 */
export function planVerify(library: Library, request: ParsedVerifyRequest, settings: VerifySettings): Plan {
  // A Markdown draft's front matter holds no claims, and its "bibliography:" is no reference list.
  const split = splitReferences(maskFrontMatter(request.text));
  // References given separately take the place of a list at the end of the text.
  const references = request.references !== undefined ? givenReferences(request.references) : split.references;
  // LaTeX comments and headings are blanked, not cut, so offsets still count from the text as sent.
  const body = maskLatexMarkup(split.body);
  const claims: PlannedClaim[] = [];
  const knows = (surname: string) => knowsAuthor(surname, references, library);
  // "[LeakDojo]", "(see EMO)": a name alone cites the paper the library or the list knows by it.
  const namesInList = new Set(references.flatMap(namesOfEntry));
  const knowsName = (name: string) => namesInList.has(name) || library.byName(name).length > 0;
  for (const sentence of sentencesWithCitations(body, references, { knowsAuthor: knows, knowsName })) {
    const clean = claimText(body, sentence);
    const hasCitations = sentence.citations.length > 0;
    if (!hasCitations && new Set(terms(clean)).size < settings.minClaimTerms) continue;
    const parts = partsOf(body, sentence, settings);
    const citations: PlannedCitation[] = [];
    for (const citation of sentence.citations) {
      const part = parts.get(citation) ?? null;
      const resolution =
        citation.label === undefined
          ? resolveCitation(citation.target, references, library)
          : resolveLinkedCitation(citation.target, citation.label, references, library);
      // "[sic]" and the like look like keys; only a key that resolves, says [@key], or names an entry
      // of the reference list ("[LeakDojo]" beside "LeakDojo: Decoding…" in the list) is a citation.
      if (
        citation.target.kind === 'key' &&
        !citation.target.explicit &&
        resolution.candidates.length === 0 &&
        resolution.reference === null
      )
        continue;
      // "(Phase 2)" reads like MLA's "(Rando 12)": it cites only a name the list or the library knows.
      if (isAuthorPage(citation.target) && !knowsAuthor(citation.target.surname, references, library)) continue;
      // So does a name of several words: "(United States, 2020)" is a place and a year unless the
      // library or the list knows it, as they know "(World Health Organization, 2020)".
      if (
        isGroupName(citation.target) &&
        resolution.candidates.length === 0 &&
        !listNames(citation.target.surname, references)
      )
        continue;
      citations.push({
        base: {
          marker: citation.marker,
          kind: citation.target.kind,
          start: citation.start,
          end: citation.end,
          resolvedBy: resolution.resolvedBy,
          reference: resolution.reference?.text ?? null,
          closest: resolution.closest,
          part: part && { text: body.slice(part.start, part.end), start: part.start, end: part.end },
        },
        candidates: resolution.candidates,
        note: resolution.note,
        claim: part?.clean ?? clean,
        ...(part ? { context: clean } : {}),
        cocited: 0,
      });
    }
    for (const citation of citations) citation.cocited = cocitedOf(citation, citations);
    const suggestionPapers =
      settings.suggestionCandidates > 0 && request.suggestions > 0
        ? library.search(clean, settings.suggestionCandidates)
        : [];
    claims.push({ sentence, clean, citations, suggestionPapers });
  }
  return { claims, references, body };
}
