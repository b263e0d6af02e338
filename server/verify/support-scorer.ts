// The claim–evidence scorer shared by ask (support of each answer sentence) and verify (support of
// each citation): features of the claim against each candidate sentence give how strongly the text
// bears on the claim (or on the whole sentence, when the claim is one of its clauses), and the
// stance features of its best evidence sentences (negation scope, direction of effect,
// quantities…) how likely that evidence contradicts it; support-verdicts.ts
// holds the fitted models that weigh them and the verdicts they give.
import type { Paper } from '../../indexer/index.ts';
import { definedAbbreviations, expandAbbreviations } from '../../indexer/text/abbreviations.ts';
import { EvidenceProfile } from './evidence-profile.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import { onlyAnnounces } from './judge/finding-sentence.ts';
import {
  conflictingSentence,
  denyingSentence,
  emptyStanceFeatures,
  lackingSentence,
  stanceOfEvidenceVoting,
} from './judge/stance-features.ts';
import { type ClaimUnaddressed, paperNameOf, predicateUnaddressed } from './predicate-unaddressed.ts';
import {
  type ClaimProfile,
  coverageIn,
  focusClause,
  profileClaim,
  type RelevanceFeatures,
  relevanceFeaturesOf,
  SENTENCE_BLEND,
  type SupportFeatures,
  supportFeaturesOf,
} from './support-features.ts';
import {
  conflictsOf,
  contradictionProbability,
  JUDGE_THRESHOLDS,
  STANCE_MODEL,
  type StanceModel,
  SUPPORT_MODEL,
  type SupportModel,
  type SupportResult,
  supportProbability,
} from './support-verdicts.ts';
import type { TermStatistics } from './term-statistics.ts';
import { unaddressedWords } from './unaddressed-words.ts';

// The evaluation builds its pairs with the scorer and reads the stance inputs beside it.
export { STANCE_INPUTS } from './support-verdicts.ts';

/** How many of the best-aligned sentences the stance is read on… */
const STANCE_SENTENCES = 2;
/** …counting a runner-up only when it aligns nearly as well as the best (else it is about something else). */
const STANCE_NEAR_BEST = 0.8;
/** How many best-aligned sentences a result lists for a model judge. */
const ALIGNED_SENTENCES = 3;
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

/** A text as written, and read with the abbreviations it defines spelt out (the same profile when it defines none). */
type ReadTexts = { written: EvidenceProfile; spelt: EvidenceProfile };

// How many claim analyses a scorer keeps (a claim is scored as written and spelt out, and its
// context beside it, in turn).
const CLAIMS_KEPT = 4;

/**
 * Scores claims against evidence, weighting words by the library's term statistics. A claim is
 * analyzed once for the candidates scored after it in a row (a request scores each claim against
 * its cited papers and suggestion candidates in turn), and a list of sentences once for as long as
 * the list is alive (pass the same list again to reuse it; lists are not changed after scoring).
 */
export class SupportScorer {
  // The last claims analyzed (as written, and read with a paper's abbreviations spelt out).
  private readonly claims = new Map<string, ClaimProfile>();
  private readonly evidence = new WeakMap<readonly EvidenceSentence[], ReadTexts>();

  constructor(
    private readonly statistics: TermStatistics,
    private readonly model: SupportModel = SUPPORT_MODEL,
    private readonly stanceModel: StanceModel = STANCE_MODEL,
  ) {}

  private profileOf(claim: string): ClaimProfile {
    let profile = this.claims.get(claim);
    if (!profile) {
      if (this.claims.size >= CLAIMS_KEPT) this.claims.delete(this.claims.keys().next().value!);
      profile = profileClaim(claim, this.statistics);
      this.claims.set(claim, profile);
    }
    return profile;
  }

  private evidenceOf(sentences: readonly EvidenceSentence[]): ReadTexts {
    let texts = this.evidence.get(sentences);
    if (!texts) {
      const written = new EvidenceProfile(sentences, this.statistics);
      const abbreviations = definedAbbreviations(sentences.map((s) => s.text).join('.\n'));
      const spelt =
        abbreviations.size === 0
          ? written
          : new EvidenceProfile(
              sentences.map((s) => ({ ...s, text: expandAbbreviations(s.text, abbreviations) })),
              this.statistics,
              abbreviations,
            );
      texts = { written, spelt };
      this.evidence.set(sentences, texts);
    }
    return texts;
  }

  /**
   * The score alone (`score(…).score`, without reading the stance): a verdict of 'supported' needs
   * at least JUDGE_THRESHOLDS.supported of it. Read on `context` when the claim is a clause of it.
   */
  relevance(claim: string, sentences: readonly EvidenceSentence[], context?: string): number {
    const evidence = this.evidenceOf(sentences).written;
    const scoreOf = (text: string) => {
      const profile = this.profileOf(text);
      const features = relevanceFeaturesOf(profile, evidence);
      return !features || profile.totalWeight === 0 ? 0 : supportProbability(features, this.model);
    };
    return context === undefined || context === claim ? scoreOf(claim) : Math.max(scoreOf(claim), scoreOf(context));
  }

  /**
   * How well the candidate sentences (one paper's, or the passages a sentence cites) back the claim.
   * With a `context` (the whole sentence the claim is a clause of), how much they bear on it is read
   * on the context, and the evidence and its stance on the claim. `cocited`: how many other works
   * the citation's group cites (JudgeRequest's); any sets the stance input `groupedCitation`.
   */
  score(written: string, sentences: readonly EvidenceSentence[], context?: string, cocited = 0): SupportResult {
    const texts = this.evidenceOf(sentences);
    const {
      features,
      best: bestWritten,
      sentenceScores: writtenScores,
    } = supportFeaturesOf(this.profileOf(written), texts.written);
    const relevanceFeatures = this.relevanceFeaturesOf(features, texts.written, written, context);
    if (bestWritten < 0 || this.profileOf(written).totalWeight === 0) {
      return {
        score: 0,
        evidence: sentences[bestWritten] ?? null,
        support: 0,
        contradiction: 0,
        conflicts: [],
        features,
        relevanceFeatures,
        stance: emptyStanceFeatures(),
        aligned: [],
        unaddressed: { words: [], share: 0, claimTerms: 0 },
        antonymCoverage: 0,
      };
    }
    // How much the paper bears on the claim is read on the words as written; which sentences are
    // the evidence, and what they say of the claim, on the text with its abbreviations spelt out
    // ("pyridostatin" in the claim meets "PDS reduces proliferation").
    const candidates = texts.spelt;
    const claim = expandAbbreviations(written, candidates.abbreviations);
    const profile = this.profileOf(claim);
    const scores = candidates === texts.written ? writtenScores : supportFeaturesOf(profile, candidates).sentenceScores;
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
    const conflicts = conflictsOf(features, stance, {
      claim,
      evidence: candidates.sentences.map((s) => s.text),
    });
    // The sentence quoted is the one that shows the conflict, when there is one.
    const quoted = conflicts.length > 0 && read.length > 1 ? conflictingSentence(claim, read) : 0;
    const denying =
      stance.deniedAlternative > 0
        ? denyingSentence(claim, read, candidates.voteSentences)
        : stance.requirementConflict > 0
          ? lackingSentence(claim, read, candidates.voteSentences)
          : null;
    const evidence =
      denying !== null
        ? sentences.filter((s) => s.field !== 'title')[denying]!
        : sentences[ranked[quoted]?.i ?? bestWritten]!;
    const score = supportProbability(relevanceFeatures, this.model);
    const contradicting = contradictionProbability(stance, features, this.stanceModel);
    // The same reading without the prior, which alone may not make a contradiction (judgeVerdictOf).
    const withoutPrior =
      stance.groupedCitation === 0
        ? {}
        : {
            priorFreeContradiction:
              score * contradictionProbability({ ...stance, groupedCitation: 0 }, features, this.stanceModel),
          };
    return {
      score,
      support: score * (1 - contradicting),
      contradiction: score * contradicting,
      ...withoutPrior,
      evidence,
      conflicts,
      features,
      relevanceFeatures,
      stance,
      aligned: ordered.slice(0, ALIGNED_SENTENCES).map(({ i }) => sentences[i]!),
      // Read only where a verdict may rest on it: on a text that bears on the claim.
      unaddressed:
        score >= JUDGE_THRESHOLDS.relevant
          ? this.unaddressedIn(written, texts)
          : { words: [], share: 0, claimTerms: 0 },
      antonymCoverage,
    };
  }

  /**
   * The claim's specific words the sentences never mention, at any score (`score` reads them only
   * past JUDGE_THRESHOLDS.relevant): the evaluation applies the verdict rules under refitted thresholds.
   */
  unaddressed(written: string, sentences: readonly EvidenceSentence[]): ClaimUnaddressed {
    return this.unaddressedIn(written, this.evidenceOf(sentences));
  }

  // The claim's unmentioned words, and their share of what it says of the paper (its name left out).
  private unaddressedIn(written: string, texts: ReadTexts): ClaimUnaddressed {
    const unaddressed = unaddressedWords(written, [texts.written, texts.spelt], this.statistics);
    const { titleIndex, sentences } = texts.written;
    const abstract = sentences.filter((_, i) => i !== titleIndex).map((sentence) => sentence.text);
    const name = titleIndex >= 0 ? paperNameOf(sentences[titleIndex]!.text, abstract.join(' ')) : null;
    return { ...unaddressed, predicate: predicateUnaddressed(unaddressed, this.profileOf(written), name) };
  }

  // The features the score is read on: the claim's own, or its context's when that scores higher. The
  // context lifts a clause too short to bear on anything alone ("while [2] finds it"); it never
  // lowers one that does (a clause about one paper in a sentence that cites two).
  private relevanceFeaturesOf(
    features: SupportFeatures,
    evidence: EvidenceProfile,
    claim: string,
    context: string | undefined,
  ): RelevanceFeatures {
    if (context === undefined || context === claim) return features;
    const inContext = relevanceFeaturesOf(this.profileOf(context), evidence);
    if (!inContext || this.profileOf(claim).totalWeight === 0) return inContext ?? features;
    return supportProbability(inContext, this.model) > supportProbability(features, this.model) ? inContext : features;
  }

  /** How well a paper (its title and abstract) backs the claim. */
  scorePaper(claim: string, paper: Pick<Paper, 'title' | 'abstract'>): SupportResult {
    return this.score(claim, sentencesOfPaper(paper));
  }
}
