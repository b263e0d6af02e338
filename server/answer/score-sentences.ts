// Scores the abstract sentences of the retrieved sources against a question: how well each one's
// words match what the question is about (its words less the question words, an abbreviation its
// paper defines read with its long form), plus its source's rank;
// and a sentence that leans on the one before ("This darkening…") quoted together with that one.
import { definedAbbreviations, expandAbbreviations } from '../../indexer/text/abbreviations.ts';
import { type EvidenceSentence, sentencesOfPassages } from '../verify/evidence-sentences.ts';
import { profileClaim, supportFeatures } from '../verify/support-features.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { NumberedSource } from './answer-sources.ts';
import { sentencesNamingPaper } from './paper-pronouns.ts';
import { SELECTION_DEFAULTS, type SelectionOptions } from './selection-settings.ts';
import { standaloneProblem, withoutConnective } from './standalone-sentence.ts';

// Words that shape a question but say nothing about its topic.
const QUESTION_WORDS =
  /\b(?:what|which|who|whom|whose|when|where|why|how|do|does|did|done|can|could|would|should|may|might|must|shall|much|many|any|some|have|has|had|been|being|know|known|tell|me|us|we|you|i|please|explain|describe|give|show|list|find|there|about|between|other|anything|something|paper|papers|study|studies|article|articles|work|works|research|researchers|authors|proposed|propose|proposes|often|actually|really|exactly|known|kind|kinds|way|ways)\b/giu;

/** The question without its question words: what the evidence must be about. */
export function questionTopic(question: string): string {
  return question.replace(QUESTION_WORDS, ' ').replace(/\s+/gu, ' ').trim();
}

/** An abstract sentence of a source, with its source and how well it answers the question. */
export type ScoredSentence = EvidenceSentence & {
  n: number;
  paperId: string;
  passageId: number;
  /** The sentence as the answer writes it: its text, with a pronoun for its paper written as "[Name]". */
  wording: string;
  /** How well its words match the question: IDF-weighted coverage and TF-IDF cosine. */
  match: number;
  /** match plus the bonus of its source's retrieval rank. */
  relevance: number;
  coverage: number;
  /** Share of the question's key concepts (by surface form) the sentence itself contains. */
  concepts: number;
  /** Its wording with the abbreviations its paper defines spelt out ("The prevalence of peripheral arterial disease…" for "…of PAD…"). */
  spelledOut: string;
};

/** Scores every abstract sentence of the sources against the question, best first. */
export function scoreSentences(
  question: string,
  sources: readonly NumberedSource[],
  statistics: TermStatistics,
  options: Pick<SelectionOptions, 'rankWeight'> = SELECTION_DEFAULTS,
): ScoredSentence[] {
  const profile = profileClaim(questionTopic(question) || question, statistics);
  const scored: ScoredSentence[] = [];
  sources.forEach((source, rank) => {
    const rankBonus = sources.length > 1 ? options.rankWeight * (1 - rank / (sources.length - 1)) : options.rankWeight;
    const naming = sentencesNamingPaper(source.paper);
    const defined = definedAbbreviations(source.paper.abstract);
    // In a paper written all in lower case a fragment cannot be told from a sentence: none is joined.
    const caseless = !/\p{Lu}/u.test(source.paper.abstract);
    // In the abstract's order, so that a sentence opening a passage leans on the last sentence of the
    // passage before when both were retrieved and nothing lies between them.
    const passages = source.passages.filter((p) => p.field === 'abstract').sort((a, b) => a.start - b.start);
    // Only passages that are the abstract's own text at their offsets are joined: an index built from
    // an earlier version of the paper's abstract would quote words of the new one under the old offsets.
    const { abstract } = source.paper;
    const faithful = (p: { start: number; end: number; text: string }) => abstract.slice(p.start, p.end) === p.text;
    let before: { sentence: EvidenceSentence; wording: string } | null = null;
    let previous: (typeof passages)[number] | null = null;
    for (const passage of passages) {
      const adjoins =
        previous !== null &&
        passage.start >= previous.end &&
        faithful(previous) &&
        faithful(passage) &&
        abstract.slice(previous.end, passage.start).trim() === '';
      if (!adjoins) before = null;
      previous = passage;
      const sentences = sentencesOfPassages([passage]);
      for (const sentence of sentences) {
        const wording = naming.get(sentence.start) ?? withoutConnective(sentence.text);
        const score = (quoted: EvidenceSentence, quotedWording: string): ScoredSentence => {
          // An abbreviation the paper defines holds the words it stands for ("PAD" in "The
          // prevalence of PAD was 19.1%" for a question on peripheral arterial disease); the short
          // form is kept beside it for a question that writes it.
          const spelledOut = expandAbbreviations(quotedWording, defined);
          const read = spelledOut === quotedWording ? quotedWording : `${quotedWording} ${spelledOut}`;
          const { features } = supportFeatures(profile, [{ ...quoted, text: read }], statistics);
          const match = 0.6 * features.sentenceCoverage + 0.4 * features.sentenceCosine;
          return {
            ...quoted,
            n: source.n,
            paperId: source.paper.id,
            passageId: passage.id,
            wording: quotedWording,
            coverage: features.sentenceCoverage,
            concepts: 0,
            spelledOut,
            match,
            relevance: match + rankBonus,
          };
        };
        scored.push(score(sentence, wording));
        // "This darkening can be offset by summer snowfall." leans on the sentence before, which says
        // what darkens: the two are quoted together, as one citation, when that one stands on its own.
        if (
          !caseless &&
          before &&
          standaloneProblem(wording) === 'dangling' &&
          standaloneProblem(before.wording) === null
        ) {
          const start = before.sentence.start;
          const text =
            before.sentence.passageId === passage.id
              ? passage.text.slice(start - passage.start, sentence.end - passage.start)
              : source.paper.abstract.slice(start, sentence.end);
          scored.push(score({ ...sentence, start, text }, `${before.wording} ${wording}`));
        }
        before = { sentence, wording };
      }
    }
  });
  return scored.sort((a, b) => b.relevance - a.relevance);
}
