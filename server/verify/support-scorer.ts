// The claim–evidence scorer shared by ask (support of each answer sentence) and verify (support of
// each citation): features of the claim against each candidate sentence give how strongly the text
// bears on the claim (or on the whole sentence, when the claim is one of its clauses), and the
// stance features of its best evidence sentences (negation scope, direction of effect,
// quantities…) how likely that evidence contradicts it (support-stance.ts chooses the sentences
// the stance is read on); support-verdicts.ts holds the fitted models that weigh them and the
// verdicts they give.
import type { Paper } from '../../indexer/index.ts';
import { definedAbbreviations, expandAbbreviations } from '../../indexer/text/abbreviations.ts';
import { EvidenceProfile } from './evidence-profile.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import { conflictingSentence, denyingSentence, emptyStanceFeatures, lackingSentence } from './judge/stance-features.ts';
import { type ClaimUnaddressed, paperNameOf, predicateUnaddressed } from './predicate-unaddressed.ts';
import { siblingNamesOf } from './sibling-names.ts';
import { conflictsOf } from './support-conflicts.ts';
import {
  type ClaimProfile,
  profileClaim,
  type RelevanceFeatures,
  relevanceFeaturesOf,
  type SupportFeatures,
  supportFeaturesOf,
} from './support-features.ts';
import { readStance } from './support-stance.ts';
import {
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

/** How many best-aligned sentences a result lists for a model judge. */
const ALIGNED_SENTENCES = 3;

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
    // The stance, read in the clauses of the best-aligned text sentences that match the claim.
    const { ordered, ranked, read, stance, antonymCoverage } = readStance(
      claim,
      profile,
      candidates,
      sentences,
      scores,
      cocited,
    );
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
    const siblings = siblingNamesOf(unaddressed.words, abstract);
    return {
      ...unaddressed,
      predicate: predicateUnaddressed(unaddressed, this.profileOf(written), name),
      ...(siblings.length > 0 ? { siblings } : {}),
    };
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
