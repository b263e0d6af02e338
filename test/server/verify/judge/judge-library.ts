// The built-in judge over a small library a judge test writes: its papers and four unrelated
// fillers, so that term statistics are a library's (a word in every paper is no evidence).
import { sentencesOfPaper } from '../../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../../server/verify/judge/builtin.judge.ts';
import { statisticsOfTexts } from '../../../../server/verify/term-statistics.ts';

/** A paper as the judge tests write them. */
export type TestPaper = { title: string; abstract: string };

/** Four papers on topics no test is about. */
export const FILLERS: readonly TestPaper[] = [
  'soil nitrogen cycles',
  'ion channel gating',
  'graph coloring bounds',
  'coral reef bleaching',
].map((topic) => ({ title: topic, abstract: `A study of ${topic} and how it changes over time.` }));

/** The library's statistics, its built-in judge, and the judge's reading of a claim against one of its papers. */
export function judgeOverLibrary(papers: readonly TestPaper[]) {
  const statistics = statisticsOfTexts([...papers, ...FILLERS].map((p) => `${p.title}\n${p.abstract}`));
  const judge = createBuiltinJudge(statistics);
  const judgePaper = (claim: string, paper: TestPaper) => judge.judgeNow(claim, sentencesOfPaper(paper));
  return { statistics, judge, judgePaper };
}
