// Verify study, step 2: candidate relevance features that the judge does not read, computed from a
// dumped pair's texts with the collection's own term statistics. Each is scaled to about 0–1 so the
// relevance model's small L2 penalty treats them alike. `artifact` marks features that read how the
// collection built its excerpts (Citation-Integrity puts the annotated sentence first), which no
// paper the product reads would show.

import { withoutCitationMarkers } from '../../server/eval/verify-sets.ts';
import { isFinding } from '../../server/verify/judge/finding-sentence.ts';
import { inverseDocumentFrequency, type TermStatistics } from '../../server/verify/term-statistics.ts';
import { bagOf, bigramsOf, cosine, type TermVector, tfidf } from '../../server/verify/term-vectors.ts';

/** The texts a feature reads: the claim as the relevance model read it, the excerpt's sentences, the raw citing text. */
export type PairTexts = {
  /** What the relevance features were read on (the context when it scored higher, else the clause). */
  read: string;
  /** The clause the citation is judged on. */
  clause: string;
  /** The whole sentence the clause is part of (the clause itself when none). */
  sentence: string;
  /** Citation-Integrity's citing text with its markers, when there is one. */
  raw?: string;
  sentences: readonly string[];
  statistics: TermStatistics;
  /** The share of the claim's specific words the excerpt never mentions, as the verdict rule reads them (unaddressed-words.ts). */
  unaddressed?: { share: number; words: number };
  /** The TF-IDF vectors of every document of the collection (the library the claim could have cited), and this pair's. */
  library?: { vectors: readonly TermVector[]; own: number };
};

export type Candidate = { name: string; artifact?: boolean; about: string; value: (texts: PairTexts) => number };

const log1 = (n: number, most: number) => Math.log1p(n) / Math.log1p(most);
const NUMBER = /\d+(?:\.\d+)?/gu;
const METHODS =
  /\b(?:were|was)\s+(?:performed|measured|collected|used|obtained|analy[sz]ed|calculated|incubated|treated|transfected|stained|recruited|enrolled|randomi[sz]ed)\b|\busing\b|\bwe\s+used\b|\bassays?\b|\bprotocol\b|\bkit\b|\bsoftware\b/iu;
// The judged marker standing for several works, or sharing its bracket with another citation ("[<|cit|>, 7]").
const JUDGED_GROUP =
  /<\|multi_cit\|>|[[(][^[\]()]*(?:<\|cit\|>[^[\]()]*(?:<\|other_cit\|>|\d)|(?:<\|other_cit\|>|\d)[^[\]()]*<\|cit\|>)[^[\]()]*[\])]/u;
const PRONOUN_START = /^(?:this|these|that|those|it|they|such|here|however|thus|therefore)\b/iu;

// Per-pair values shared by several features, computed once per texts object.
type Shared = {
  weights: Map<string, number>;
  vector: Map<string, number>;
  sentenceCosines: number[];
  sentenceTerms: Array<Map<string, number>>;
  all: Map<string, number>;
  best: number;
};
const cache = new WeakMap<PairTexts, Shared>();

function shared(texts: PairTexts): Shared {
  let found = cache.get(texts);
  if (found) return found;
  const claim = bagOf(texts.read);
  const weights = new Map([...claim.counts.keys()].map((t) => [t, inverseDocumentFrequency(texts.statistics, t)]));
  const vector = tfidf(claim.counts, texts.statistics);
  const bags = texts.sentences.map((s) => bagOf(s).counts);
  const sentenceCosines = bags.map((counts) => cosine(vector, tfidf(counts, texts.statistics)));
  const all = new Map<string, number>();
  for (const counts of bags) for (const [t, c] of counts) all.set(t, (all.get(t) ?? 0) + c);
  let best = 0;
  sentenceCosines.forEach((c, i) => {
    if (c > sentenceCosines[best]!) best = i;
  });
  found = { weights, vector, sentenceCosines, sentenceTerms: bags, all, best };
  cache.set(texts, found);
  return found;
}

// Share of the claim's weight (weight(idf)) among its terms that pass `keep`, found in `counts`.
function weightedShare(
  texts: PairTexts,
  counts: ReadonlyMap<string, number>,
  keep: (idf: number, rank: number, n: number) => boolean,
  weight: (idf: number) => number = (idf) => idf,
): number {
  const { weights } = shared(texts);
  const ranked = [...weights].sort((a, b) => b[1] - a[1]);
  let total = 0;
  let hit = 0;
  ranked.forEach(([term, idf], rank) => {
    if (!keep(idf, rank, ranked.length)) return;
    total += weight(idf);
    if (counts.has(term)) hit += weight(idf);
  });
  return total > 0 ? hit / total : 0;
}

// The claim's cosine with every library document, by claim text (claims repeat across their pairs).
const libraryCache = new Map<string, Float64Array>();
function libraryCosines(texts: PairTexts): Float64Array {
  const key = texts.read;
  let found = libraryCache.get(key);
  if (!found) {
    const { vector } = shared(texts);
    found = Float64Array.from(texts.library!.vectors, (v) => cosine(vector, v));
    if (libraryCache.size > 8) libraryCache.clear();
    libraryCache.set(key, found);
  }
  return found;
}

// How the claim's cosine with this document stands among its cosines with the whole library.
function libraryStanding(texts: PairTexts): { rank: number; margin: number; z: number } {
  if (!texts.library) return { rank: 0, margin: 0, z: 0 };
  const all = libraryCosines(texts);
  const own = all[texts.library.own]!;
  let rank = 0;
  let best = 0;
  let sum = 0;
  let squares = 0;
  all.forEach((c, i) => {
    sum += c;
    squares += c * c;
    if (i === texts.library!.own) return;
    if (c > own) rank++;
    best = Math.max(best, c);
  });
  const mean = sum / all.length;
  const sd = Math.sqrt(Math.max(1e-12, squares / all.length - mean * mean));
  return { rank, margin: own - best, z: (own - mean) / sd };
}

const sortedDesc = (values: readonly number[]) => [...values].sort((a, b) => b - a);

/** Every candidate the study measures. */
export const CANDIDATES: Candidate[] = [
  {
    name: 'firstSentenceCosine',
    artifact: true,
    about: "cosine of the claim with the excerpt's first sentence",
    value: (t) => Math.sqrt(shared(t).sentenceCosines[0] ?? 0),
  },
  {
    name: 'bestIsFirst',
    artifact: true,
    about: "the excerpt's best-matching sentence is its first",
    value: (t) => (shared(t).best === 0 ? 1 : 0),
  },
  {
    name: 'bestPosition',
    artifact: true,
    about: 'position of the best-matching sentence, 0 first … 1 last',
    value: (t) => (t.sentences.length > 1 ? shared(t).best / (t.sentences.length - 1) : 0),
  },
  {
    name: 'sentenceCount',
    about: "the excerpt's sentences (log)",
    value: (t) => log1(t.sentences.length, 20),
  },
  {
    name: 'excerptLength',
    about: "the excerpt's terms (log)",
    value: (t) =>
      log1(
        [...shared(t).all.values()].reduce((s, c) => s + c, 0),
        400,
      ),
  },
  {
    name: 'claimLength',
    about: 'terms of the text the relevance was read on (log)',
    value: (t) => log1(bagOf(t.read).terms.length, 80),
  },
  {
    name: 'clauseShare',
    about: "the clause's terms over its sentence's (the share of the sentence about this citation)",
    value: (t) => Math.min(1, bagOf(t.clause).terms.length / Math.max(1, bagOf(t.sentence).terms.length)),
  },
  {
    name: 'otherCitations',
    about: 'other-citation markers in the citing text (log; 0 without markers)',
    value: (t) => log1((t.raw?.match(/<\|other_cit\|>/gu) ?? []).length, 10),
  },
  {
    name: 'groupedCitation',
    about: 'the judged citation is one of a group (<|multi_cit|>)',
    value: (t) => (t.raw?.includes('<|multi_cit|>') ? 1 : 0),
  },
  {
    name: 'citationInGroup',
    about: 'the judged citation is one of a group: <|multi_cit|>, or its bracket holds other citations',
    value: (t) => (t.raw !== undefined && JUDGED_GROUP.test(t.raw) ? 1 : 0),
  },
  {
    name: 'rareHalfCoverage',
    about: "share of the weight of the claim's rarer half of terms found in the excerpt",
    value: (t) => weightedShare(t, shared(t).all, (_, rank, n) => rank < Math.ceil(n / 2)),
  },
  {
    name: 'commonHalfCoverage',
    about: "share of the weight of the claim's commoner half of terms found in the excerpt",
    value: (t) => weightedShare(t, shared(t).all, (_, rank, n) => rank >= Math.ceil(n / 2)),
  },
  {
    name: 'rareTermsShared',
    about: 'how many claim terms in fewer than 1% of the documents the excerpt holds (log)',
    value: (t) => {
      const limit = Math.log((1 + t.statistics.documents) / (1 + 0.01 * t.statistics.documents)) + 1;
      const { weights, all } = shared(t);
      return log1([...weights].filter(([term, idf]) => idf >= limit && all.has(term)).length, 10);
    },
  },
  {
    name: 'bestSentenceRareCoverage',
    about: "share of the claim's squared-IDF weight in its best-matching sentence",
    value: (t) =>
      weightedShare(
        t,
        shared(t).sentenceTerms[shared(t).best] ?? new Map(),
        () => true,
        (idf) => idf * idf,
      ),
  },
  {
    name: 'secondSentenceCosine',
    about: 'cosine of the claim with its second-best sentence',
    value: (t) => Math.sqrt(sortedDesc(shared(t).sentenceCosines)[1] ?? 0),
  },
  {
    name: 'meanSentenceCosine',
    about: 'mean cosine of the claim with the sentences',
    value: (t) => {
      const c = shared(t).sentenceCosines;
      return Math.sqrt(c.reduce((s, v) => s + v, 0) / Math.max(1, c.length));
    },
  },
  {
    name: 'concentration',
    about: 'best sentence cosine minus the mean of the others',
    value: (t) => {
      const c = sortedDesc(shared(t).sentenceCosines);
      const rest = c.slice(1);
      return Math.max(0, (c[0] ?? 0) - rest.reduce((s, v) => s + v, 0) / Math.max(1, rest.length));
    },
  },
  {
    name: 'sentencesOnClaim',
    about: 'share of sentences with cosine at least 0.2',
    value: (t) => shared(t).sentenceCosines.filter((c) => c >= 0.2).length / Math.max(1, t.sentences.length),
  },
  {
    name: 'bigramsAnywhere',
    about: "share of the claim's adjacent term pairs found adjacent anywhere in the excerpt",
    value: (t) => {
      const claim = bigramsOf(bagOf(t.read).terms);
      if (claim.size === 0) return 0;
      const found = new Set(t.sentences.flatMap((s) => [...bigramsOf(bagOf(s).terms)]));
      return [...claim].filter((b) => found.has(b)).length / claim.size;
    },
  },
  {
    name: 'numbersFound',
    about: "share of the claim's numbers found in the excerpt (0.5 when it has none)",
    value: (t) => {
      const numbers = [...new Set(t.clause.match(NUMBER) ?? [])];
      if (numbers.length === 0) return 0.5;
      const text = t.sentences.join(' ');
      return (
        numbers.filter((n) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`, 'u').test(text)).length /
        numbers.length
      );
    },
  },
  {
    name: 'claimHasNumber',
    about: 'the clause holds a number',
    value: (t) => (/\d/u.test(t.clause) ? 1 : 0),
  },
  {
    name: 'findingShare',
    about: "share of the excerpt's sentences that read as findings",
    value: (t) => t.sentences.filter(isFinding).length / Math.max(1, t.sentences.length),
  },
  {
    name: 'bestIsFinding',
    about: 'the best-matching sentence reads as a finding',
    value: (t) => (isFinding(t.sentences[shared(t).best] ?? '') ? 1 : 0),
  },
  {
    name: 'methodsShare',
    about: "share of the excerpt's sentences that read as methods",
    value: (t) => t.sentences.filter((s) => METHODS.test(s)).length / Math.max(1, t.sentences.length),
  },
  {
    name: 'bestIsMethods',
    about: 'the best-matching sentence reads as methods',
    value: (t) => (METHODS.test(t.sentences[shared(t).best] ?? '') ? 1 : 0),
  },
  {
    name: 'claimIsMethods',
    about: 'the clause reads as methods',
    value: (t) => (METHODS.test(t.clause) ? 1 : 0),
  },
  {
    name: 'bestStartsAnaphor',
    about: 'the best-matching sentence opens with "this", "these", "however"… (leans on context)',
    value: (t) => (PRONOUN_START.test(t.sentences[shared(t).best] ?? '') ? 1 : 0),
  },
  {
    name: 'passageCosine',
    about: 'cosine of the whole citing passage (markers removed) with the excerpt',
    value: (t) => {
      const passage = t.raw ? withoutCitationMarkers(t.raw) : t.sentence;
      const v = tfidf(bagOf(passage).counts, t.statistics);
      return Math.sqrt(cosine(v, tfidf(shared(t).all, t.statistics)));
    },
  },
  {
    name: 'libraryRank',
    about: 'how many library documents match the claim better than this one (log, 0 = best; 1 = 100 or more)',
    value: (t) => Math.min(1, log1(libraryStanding(t).rank, 100)),
  },
  {
    name: 'libraryMargin',
    about: "the claim's cosine with this document minus its best cosine with any other library document",
    value: (t) => libraryStanding(t).margin,
  },
  {
    name: 'libraryZ',
    about: "the claim's cosine with this document in standard deviations above its mean over the library (/20)",
    value: (t) => Math.min(2, libraryStanding(t).z / 20),
  },
  {
    name: 'unaddressedShare',
    about: "share of the claim's specific words the excerpt never mentions (the verdict rule's reading)",
    value: (t) => t.unaddressed?.share ?? 0,
  },
  {
    name: 'unaddressedWords',
    about: "how many of the claim's specific words the excerpt never mentions (log)",
    value: (t) => log1(t.unaddressed?.words ?? 0, 10),
  },
  {
    name: 'clauseCosine',
    about: 'cosine of the clause alone with the excerpt',
    value: (t) => Math.sqrt(cosine(tfidf(bagOf(t.clause).counts, t.statistics), tfidf(shared(t).all, t.statistics))),
  },
];
