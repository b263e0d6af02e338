// The scorer's stance step: which sentences a claim's stance is read on, and the stance read there.
import type { EvidenceProfile } from './evidence-profile.ts';
import type { EvidenceSentence } from './evidence-sentences.ts';
import { onlyAnnounces } from './judge/finding-sentence.ts';
import { type StanceFeatures, stanceOfEvidenceVoting } from './judge/stance-features.ts';
import { type ClaimProfile, coverageIn, focusClause, SENTENCE_BLEND } from './support-features.ts';

/** How many of the best-aligned sentences the stance is read on… */
const STANCE_SENTENCES = 2;
/** …counting a runner-up only when it aligns nearly as well as the best (else it is about something else). */
const STANCE_NEAR_BEST = 0.8;
/**
 * How much a finding sentence is preferred over an equally aligned background sentence, and such a
 * sentence over one that only announces the study.
 */
const FINDING_PREFERENCE = 1.2;
/** Letters two words must share from their start to count as half a match in stanceAlignment. */
const PREFIX_LETTERS = 5;
const prefixOf = (term: string) => term.slice(0, PREFIX_LETTERS);

// Which of a text's sentences only announce the study (onlyAnnounces), kept with its analysis.
const announcements = new WeakMap<EvidenceProfile, readonly boolean[]>();
function announcementsOf(evidence: EvidenceProfile): readonly boolean[] {
  let found = announcements.get(evidence);
  if (!found) {
    found = evidence.sentences.map((s) => onlyAnnounces(s.text));
    announcements.set(evidence, found);
  }
  return found;
}

/**
 * How well each sentence aligns with what the claim says of the paper, for choosing the sentences
 * its stance is read on: the sentence scores with their coverage part read without the claim's
 * terms the paper's title holds (every sentence is about the paper, and most name it "it"), and a
 * term the sentence shares only its first PREFIX_LETTERS letters with counting half ("publicly" and
 * "public"). A claim whose every term is in the title keeps the scores as they are.
 */
function stanceAlignment(claim: ClaimProfile, evidence: EvidenceProfile, scores: readonly number[]): number[] {
  const title = evidence.titleIndex >= 0 ? evidence.bags[evidence.titleIndex]!.counts : null;
  if (!title) return [...scores];
  let predicateWeight = 0;
  for (const [term, weight] of claim.weights) if (!title.has(term)) predicateWeight += weight;
  if (predicateWeight === 0) return [...scores];
  return scores.map((score, i) => {
    const counts = evidence.bags[i]!.counts;
    const prefixes = new Set([...counts.keys()].filter((t) => t.length >= PREFIX_LETTERS).map(prefixOf));
    let covered = 0;
    let predicate = 0;
    for (const [term, weight] of claim.weights) {
      if (counts.has(term)) covered += weight;
      if (title.has(term)) continue;
      if (counts.has(term)) predicate += weight;
      else if (term.length >= PREFIX_LETTERS && prefixes.has(prefixOf(term))) predicate += weight / 2;
    }
    const coverage = covered / claim.totalWeight;
    return score + SENTENCE_BLEND.coverage * (predicate / predicateWeight - coverage);
  });
}

/**
 * How much of the claim the stance sentences (`read`, of the text's sentences `indices`) that an
 * opposite word is read on cover, the highest when several are; 0 when none is. An antonym decides a
 * verdict only in the sentence the claim restates, not in one beside it ("earlier methods lose accuracy").
 */
function antonymCoverageOf(
  claim: string,
  profile: ClaimProfile,
  evidence: EvidenceProfile,
  read: readonly string[],
  indices: readonly number[],
): number {
  let highest = 0;
  read.forEach((text, k) => {
    const opposite =
      read.length === 1 || stanceOfEvidenceVoting(claim, [text], evidence.voteSentences).antonymConflict > 0;
    if (opposite) highest = Math.max(highest, coverageIn(profile, evidence.bags[indices[k]!]!.counts));
  });
  return highest;
}

/** A text sentence by its index, with its alignment score weighted by preference. */
export type RankedSentence = { score: number; i: number };

/** What the stance step read, and on which sentences. */
export type StanceReading = {
  /** The text sentences (never the title) by alignment with the claim, best first. */
  ordered: RankedSentence[];
  /** The sentences the stance is read on, the one that best says what the claim says of the paper first. */
  ranked: RankedSentence[];
  /** The clause of each of `ranked` that matches the claim, as read. */
  read: string[];
  /** The stance features of `read`, with the stance input `groupedCitation` set from `cocited`. */
  stance: StanceFeatures;
  /** How much of the claim the sentence an opposite word is read on covers, or 0 (SupportResult.antonymCoverage). */
  antonymCoverage: number;
};

/**
 * Reads the stance of `claim` (with its `profile`, spelt out as `candidates` read it) in the
 * best-aligned of the `candidates`' sentences, by their `scores` against the claim; `sentences`, the
 * text as given, tell which is the title. `cocited`: how many other works the citation's group cites.
 */
export function readStance(
  claim: string,
  profile: ClaimProfile,
  candidates: EvidenceProfile,
  sentences: readonly EvidenceSentence[],
  scores: readonly number[],
  cocited: number,
): StanceReading {
  // The stance is read in the clause of each of the best-aligned text sentences that matches the claim.
  // A finding ("we found…", results, conclusions) is preferred to background, and background to a
  // sentence that only announces the study ("We compare X with Y").
  const findings = candidates.findings;
  const announcing = announcementsOf(candidates);
  const preference = (i: number) => (findings[i] ? FINDING_PREFERENCE : announcing[i] ? 1 / FINDING_PREFERENCE : 1);
  const rankedBy = (values: readonly number[]) =>
    values
      .map((score, i) => ({ score: score * preference(i), i }))
      .filter(({ i }) => sentences[i]!.field !== 'title')
      .sort((a, b) => b.score - a.score || a.i - b.i);
  const ordered = rankedBy(scores);
  const nearBest = ordered.filter(
    (candidate, rank) => rank === 0 || candidate.score >= STANCE_NEAR_BEST * ordered[0]!.score,
  );
  // The sentence that best says what the claim says of the paper is read first, the best-aligned
  // one beside it ("No public code is listed for it." and "CuBridge is a framework in which…").
  const predicate = rankedBy(stanceAlignment(profile, candidates, scores))[0]!;
  const ranked = (predicate.i === ordered[0]!.i ? nearBest : [predicate, ordered[0]!]).slice(0, STANCE_SENTENCES);
  const read = ranked.map(({ i }) => focusClause(profile, candidates.sentences[i]!.text, candidates.clauses(i)));
  const stance = stanceOfEvidenceVoting(claim, read, candidates.voteSentences);
  // A prior from how papers cite, not a reading of the text: it names no conflict.
  stance.groupedCitation = cocited > 0 ? 1 : 0;
  const antonymCoverage =
    stance.antonymConflict > 0
      ? antonymCoverageOf(
          claim,
          profile,
          candidates,
          read,
          ranked.map(({ i }) => i),
        )
      : 0;
  return { ordered, ranked, read, stance, antonymCoverage };
}
