// The bottom line of a yes/no question ("Does X reduce Y?"): the question read as a claim and
// judged against each cited sentence; sources that back it say yes, sources that state the
// opposite say no. Both sides: mixed; neither: unclear.
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import type { BottomLine } from './answer.schema.ts';
import { type AnswerJudge, backs } from './answer-judge.ts';

const AUXILIARY =
  /\b(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must)\s+(?:it|they|there|this|these|that)?\b/iu;

/** The claim a yes/no question asks about: "Does aspirin reduce stroke risk?" → "aspirin reduce stroke risk". */
export function claimOfQuestion(question: string): string {
  return question
    .replace(/\?+\s*$/u, '')
    .replace(/\bwhether\b/iu, '')
    .replace(AUXILIARY, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The bottom line of a yes/no question from the answer's cited sentences (each with its source number). */
export async function bottomLine(
  question: string,
  cited: ReadonlyArray<{ n: number; sentence: EvidenceSentence }>,
  judge: AnswerJudge,
): Promise<BottomLine> {
  const claim = claimOfQuestion(question);
  const yes = new Set<number>();
  const no = new Set<number>();
  const judgements = await judge.judgeMany(cited.map(({ sentence }) => ({ claim, sentences: [sentence] })));
  cited.forEach(({ n }, i) => {
    const judgement = judgements[i]!;
    if (judgement.verdict === 'contradicted') no.add(n);
    else if (backs(judgement)) yes.add(n);
  });
  for (const n of no) yes.delete(n);
  const verdict = yes.size > 0 && no.size > 0 ? 'mixed' : yes.size > 0 ? 'yes' : no.size > 0 ? 'no' : 'unclear';
  return { verdict, claim, yes: [...yes].sort((a, b) => a - b), no: [...no].sort((a, b) => a - b) };
}
