import { describe, expect, it } from 'vitest';
import { answerJudge } from '../../../server/answer/answer-judge.ts';
import { bottomLine, claimOfQuestion } from '../../../server/answer/bottom-line.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const FOR = 'Low-dose aspirin reduced the risk of ischemic stroke by 21% over five years.';
const AGAINST = 'Low-dose aspirin did not reduce the risk of ischemic stroke in this cohort.';
const OTHER = 'Influenza vaccination reduced hospital admissions for pneumonia among adults.';
const judge = answerJudge(statisticsOfTexts([FOR, AGAINST, OTHER, 'Head injury outcomes in adolescents.']));
const at = (n: number, text: string) => ({
  n,
  sentence: { field: 'abstract' as const, start: 0, end: text.length, text },
});
const question = 'Does low-dose aspirin reduce the risk of ischemic stroke?';

describe('bottom-line', () => {
  it('reads a yes/no question as the claim it asks about', () => {
    expect(claimOfQuestion(question)).toBe('low-dose aspirin reduce the risk of ischemic stroke');
    expect(claimOfQuestion('Double balloon enteroscopy: is it safe?')).toBe('Double balloon enteroscopy: safe');
  });

  it('says yes, no, mixed or unclear from the cited sentences, naming the sources on each side', async () => {
    expect(await bottomLine(question, [at(1, FOR)], judge)).toMatchObject({ verdict: 'yes', yes: [1], no: [] });
    expect(await bottomLine(question, [at(2, AGAINST)], judge)).toMatchObject({ verdict: 'no', yes: [], no: [2] });
    expect(await bottomLine(question, [at(1, FOR), at(2, AGAINST)], judge)).toMatchObject({
      verdict: 'mixed',
      yes: [1],
      no: [2],
    });
    expect(await bottomLine(question, [at(3, OTHER)], judge)).toMatchObject({ verdict: 'unclear', yes: [], no: [] });
  });
});
