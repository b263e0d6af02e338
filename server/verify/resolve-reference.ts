// Resolves one entry of a reference list to a library paper: by its DOI, arXiv id or key, its
// title (whole, or the short form before a subtitle), or its first author and year; and when it
// resolves to nothing, the library paper it most resembles.
import type { Paper } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { opensWithAuthor } from './entry-openings.ts';
import type { Library } from './library.ts';
import type { ReferenceEntry } from './reference-list.ts';
import { mismatchNote } from './reference-mismatch.ts';
import type { ResolvedBy } from './verify.schema.ts';

/** The library paper an unresolved reference most resembles, and how much (Dice overlap of title words, 0–1). */
export type ClosestPaper = { paperId: string; title: string; score: number };

export type Resolution = {
  /** Library papers it may mean, best first: one when resolved, several for an ambiguous author–year. */
  candidates: Paper[];
  resolvedBy: ResolvedBy | null;
  /** The reference list entry it points at, if any. */
  reference: ReferenceEntry | null;
  /** Why it resolved to nothing, in words. */
  note: string | null;
  /** When a reference resolves to nothing: the library paper whose title it most resembles. */
  closest: ClosestPaper | null;
};

export const TITLE_MATCH = {
  /** Share of a library title's terms that must appear in the reference. */
  minContainment: 0.8,
  /** Titles shorter than this (in terms) must match the reference's title exactly. */
  minTerms: 3,
  /**
   * A short form ("Litespark Inference on Consumer CPUs" for "Litespark Inference on Consumer CPUs:
   * Custom SIMD Kernels…") matches when the library title's part before its subtitle has at least
   * `minTerms` terms, and the reference's title and that part each hold this share of the other's
   * terms (for an entry whose title could not be told apart: the entry holds this share of them).
   */
  minShortFormContainment: 0.9,
  /** Library papers compared with a reference, from a search by its title and one by its whole text. */
  candidates: 5,
  /**
   * A paper is named as the closest to an unresolved reference only when their titles share this many
   * words, or half of the library title's: one common word ("Attention Is All You Need" and "… Attention
   * Sink …") is no resemblance.
   */
  closestMinShared: 2,
} as const;

/** A resolution to these papers. */
export const resolved = (papers: Paper[], by: ResolvedBy, reference: ReferenceEntry | null): Resolution => ({
  candidates: papers,
  resolvedBy: by,
  reference,
  note: null,
  closest: null,
});

/** A resolution to no paper, saying why (and naming the closest paper, when there is one). */
export const unresolved = (
  note: string,
  reference: ReferenceEntry | null = null,
  closest: ClosestPaper | null = null,
): Resolution => ({
  candidates: [],
  resolvedBy: null,
  reference,
  note: closest ? `${note} The closest library paper is “${closest.title}” (${closest.paperId}).` : note,
  closest,
});

const distinctTerms = (text: string) => [...new Set(terms(text))];
const share = (part: readonly string[], whole: ReadonlySet<string>) =>
  part.length === 0 ? 0 : part.filter((t) => whole.has(t)).length / part.length;
// The title without its subtitle: "Litespark Inference on Consumer CPUs" of "…: Custom SIMD Kernels".
const mainTitle = (title: string) => /^(.+?)(?:\s*[:?!]\s|\s+[-–—]\s+)/u.exec(title)?.[1] ?? null;
/** The name a title gives before its expansion or subtitle: "DAPRO" of "DAPRO (Dynamic Allocation…)". */
export const nameOfTitle = (title: string) => /^([^\s:(]+(?:\s[^\s:(]+)?)\s*[:(]/u.exec(title)?.[1] ?? null;
// A reference entry that is nothing but a title or a name ("[5] GlazyBench", "[6] DAPRO, 2026"), as
// generated text often lists them: its terms without a closing year.
// Its addresses are no words of it: "[LeakDojo](https://arxiv.org/abs/…)" and "LeakDojo – https://…" name LeakDojo.
const bareEntry = (text: string) =>
  terms(
    text
      .replace(/\]\(\s*(?:https?:\/\/|www\.)[^()\s]*\)/giu, ']')
      .replace(/(?:https?:\/\/|www\.)\S+/giu, '')
      .replace(/[,.]?\s*\(?\b(?:1[89]|20)\d{2}[a-z]?\)?[.\s]*$/u, ''),
  ).join(' ');

/**
 * What an entry says before its first full stop, when more follows: the title of an entry written
 * "Title. Venue, Year." ("GlazyBench. arXiv, 2026.", "Litespark Inference on Consumer CPUs. Journal
 * of …"), whose venue would otherwise count as words of the title. Null when the entry is one sentence,
 * or opens with its author ("Adam A. Adaptive moments…", "Feather, A. (2015).…"): that lead is a name.
 */
function leadOf(entry: ReferenceEntry): string | null {
  if (opensWithAuthor(entry.text)) return null;
  const lead = /^(.+?)[.?!]\s+\S/u.exec(entry.text)?.[1];
  return lead ? bareEntry(lead) || null : null;
}

// An address as written and as a library record keeps it compare alike: "https://www.x.org/a/" is "x.org/a".
const plainAddress = (url: string) =>
  url
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?/u, '')
    .replace(/[>).,;]+$/u, '')
    .replace(/\/+$/u, '');
/** The candidate whose address (its record's url) the entry gives, as a source list of links does. */
function addressMatch(entry: ReferenceEntry, candidates: readonly Paper[]): Paper | undefined {
  const addresses = new Set(
    [...entry.text.matchAll(/(?:https?:\/\/|www\.)[^\s()<>\]]+/giu)].map((m) => plainAddress(m[0])),
  );
  if (addresses.size === 0) return undefined;
  return candidates.find((paper) => paper.url !== null && addresses.has(plainAddress(paper.url)));
}
/**
 * The name a library title is nothing but, or gives before its expansion ("SoftSAE", "DAPRO" of
 * "DAPRO (Dynamic Allocation…)"), when it is one word that cannot be an ordinary one: a capital or a
 * digit after its first letter ("RangeGuard", "VL-LCM", "Schema-1"). A reference may give such a name
 * with a subtitle the library record lacks ("SoftSAE: Dynamic Top-K Sparse Autoencoders"); a common
 * word ("Feather") names too many papers to be matched by that alone.
 */
function distinctiveName(title: string): string | null {
  const trimmed = title.trim();
  const name = /^\S+$/u.test(trimmed) ? trimmed : /^(\S+)\s*\(/u.exec(trimmed)?.[1];
  return name && /^.+?[\p{Lu}\p{Nd}]/u.test(name) ? name : null;
}
// Whether the entry gives no year, or one within a year of the paper's (a preprint's year and its
// publication's differ by one at most).
const yearFits = (entry: ReferenceEntry, paper: Paper) =>
  !entry.year || paper.year === null || Math.abs(Number(entry.year) - paper.year) <= 1;
// Whether the entry leads with this name before its subtitle, in a year that does not contradict the paper's.
function leadsWithName(entry: ReferenceEntry, name: string, paper: Paper): boolean {
  const lead = mainTitle(entry.title ?? entry.text);
  if (!lead || terms(lead).join(' ') !== terms(name).join(' ')) return false;
  return yearFits(entry, paper);
}
/**
 * Whether an entry's lead (see leadOf) is this paper's title or the name its title gives, in a year that
 * fits. A one-word title or name must be distinctive (see distinctiveName): "Feather. Poetry Review" or
 * "Gemini. A collection of poems" is a poem or a book as likely as the paper named so; a name of several
 * words ("Memory Inception") is one already.
 */
function leadIsTitle(lead: string, paper: Paper): boolean {
  const whole = terms(paper.title).join(' ');
  const name = nameOfTitle(paper.title);
  return (
    (lead === whole && (whole.includes(' ') || distinctiveName(paper.title) !== null)) ||
    (name !== null && (/\s/u.test(name.trim()) || distinctiveName(name) !== null) && lead === terms(name).join(' '))
  );
}

// Library papers a reference may name, found by its title and by its whole text (in that order).
function searchesFor(entry: ReferenceEntry): string[] {
  // A reference is a few hundred characters; a pasted "entry" may be anything, so its words are capped.
  const text = entry.text.slice(0, 1_000);
  return entry.title ? [entry.title, text] : [text];
}

type TitleMatch = { paper: Paper; containment: number };

// The most a title match can score: every title term in the reference, and the year when it gives one.
const bestPossible = (entry: ReferenceEntry) => 1 + (entry.year ? 0.01 : 0);

function titleMatch(entry: ReferenceEntry, candidates: readonly Paper[]): TitleMatch | undefined {
  const entryTerms = new Set(terms(entry.text));
  const entryTitleTerms = entry.title ? distinctTerms(entry.title) : [];
  const entryTitle = entry.title ? terms(entry.title).join(' ') : null;
  const bare = bareEntry(entry.text);
  const lead = leadOf(entry);
  const leadTerms = lead ? [...new Set(lead.split(' '))] : [];
  let best: TitleMatch | undefined;
  for (const paper of candidates) {
    const titleTerms = distinctTerms(paper.title);
    if (titleTerms.length === 0) continue;
    const containment = share(titleTerms, entryTerms);
    const whole = terms(paper.title).join(' ');
    const name = nameOfTitle(paper.title);
    // The entry is the title, or the whole entry is the name the title gives (a short title such as
    // "GlazyBench" cannot be told by its share of words, but an entry of nothing else names it).
    const exact =
      (entryTitle !== null && entryTitle === whole) ||
      (bare !== '' && (bare === whole || (name !== null && bare === terms(name).join(' '))));
    // So is an entry whose first sentence is the title or a distinctive name, the rest its venue.
    const leadFits = lead !== null && yearFits(entry, paper);
    const byLead = leadFits && leadIsTitle(lead, paper);
    const main = mainTitle(paper.title);
    const mainTerms = main ? distinctTerms(main) : [];
    // A short form is the title without its subtitle: the reference's title must be (nearly) the main
    // title, so "…: A Survey" of the same words is another paper.
    const isShortForm = (said: readonly string[]) =>
      share(said, new Set(titleTerms)) >= TITLE_MATCH.minShortFormContainment &&
      share(mainTerms, new Set(said)) >= TITLE_MATCH.minShortFormContainment;
    const shortForm =
      mainTerms.length >= TITLE_MATCH.minTerms &&
      ((entry.title
        ? isShortForm(entryTitleTerms)
        : share(mainTerms, entryTerms) >= TITLE_MATCH.minShortFormContainment) ||
        (leadFits && isShortForm(leadTerms)));
    const distinctive = distinctiveName(paper.title);
    const named = distinctive !== null && leadsWithName(entry, distinctive, paper);
    const accepted =
      exact ||
      byLead ||
      shortForm ||
      named ||
      (titleTerms.length >= TITLE_MATCH.minTerms && containment >= TITLE_MATCH.minContainment);
    const yearBonus = entry.year && paper.year !== null && String(paper.year) === entry.year ? 0.01 : 0;
    if (accepted && (!best || containment + yearBonus > best.containment))
      best = { paper, containment: containment + yearBonus };
  }
  return best;
}

/** The candidate whose title shares the most words with the reference's title (or text), if it resembles it. */
function closestTo(entry: ReferenceEntry, candidates: readonly Paper[]): ClosestPaper | null {
  const entryTerms = new Set(terms(entry.title ?? entry.text));
  let best: ClosestPaper | null = null;
  for (const paper of candidates) {
    const titleTerms = distinctTerms(paper.title);
    const shared = titleTerms.filter((t) => entryTerms.has(t)).length;
    if (shared < TITLE_MATCH.closestMinShared && shared * 2 < titleTerms.length) continue;
    const score = Math.round(((2 * shared) / (titleTerms.length + entryTerms.size || 1)) * 1000) / 1000;
    if (score > 0 && (!best || score > best.score)) best = { paperId: paper.id, title: paper.title, score };
  }
  return best;
}

// A verify request resolves an entry once for each citation that points into it and once more for
// the reference list it returns; each resolution searches the library twice, so it is kept for the
// entry (the same object throughout a request) and the library it was resolved in. Never mutated.
const resolutions = new WeakMap<ReferenceEntry, { library: Library; resolution: Resolution }>();

/** Resolves one reference list entry (the result is shared: do not mutate it). */
export function resolveReference(entry: ReferenceEntry, library: Library): Resolution {
  const known = resolutions.get(entry);
  if (known?.library === library) return known.resolution;
  const found = resolveReferenceNow(entry, library);
  const paper = found.candidates.length === 1 && found.resolvedBy !== 'author-year' ? found.candidates[0]! : null;
  const mismatch = paper && mismatchNote(entry, paper);
  const resolution = mismatch ? { ...found, note: mismatch } : found;
  resolutions.set(entry, { library, resolution });
  return resolution;
}

function resolveReferenceNow(entry: ReferenceEntry, library: Library): Resolution {
  if (entry.doi) {
    const paper = library.byDoi(entry.doi);
    if (paper) return resolved([paper], 'doi', entry);
  }
  if (entry.arxivId) {
    const paper = library.byArxivId(entry.arxivId);
    if (paper) return resolved([paper], 'arxiv', entry);
  }
  if (entry.key) {
    const paper = library.byId(entry.key);
    if (paper) return resolved([paper], 'id', entry);
  }
  // The title's search first: a match there that no later candidate can beat (only a higher score
  // replaces the best) makes the search by the whole text unnecessary.
  const found = new Map<string, Paper>();
  let byTitle: TitleMatch | undefined;
  for (const query of searchesFor(entry)) {
    for (const paper of library.search(query, TITLE_MATCH.candidates)) found.set(paper.id, paper);
    byTitle = titleMatch(entry, [...found.values()]);
    if (byTitle && byTitle.containment >= bestPossible(entry)) break;
  }
  if (byTitle) return resolved([byTitle.paper], 'title', entry);
  const candidates = [...found.values()];
  const byAddress = addressMatch(entry, candidates);
  if (byAddress) return resolved([byAddress], 'url', entry);
  if (entry.surname && entry.year) {
    const papers = library.byAuthorYear(entry.surname, entry.year);
    if (papers.length > 0) return resolved(papers, 'author-year', entry);
  }
  return unresolved(
    `Reference ${entry.n} matches no paper in the library (by DOI, arXiv id, title, address or author and year).`,
    entry,
    closestTo(entry, candidates),
  );
}
