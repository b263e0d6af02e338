import { describe, expect, it } from 'vitest';
import { EvidenceProfile } from '../../../server/verify/evidence-profile.ts';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { actingSubjectOf, subjectUnnamed } from '../../../server/verify/unnamed-subject.ts';

describe('unnamed-subject', () => {
  it('reads the words before the first word of change in its clause as the acting subject', () => {
    expect(actingSubjectOf('Differential privacy eliminates leakage.')).toBe('Differential privacy ');
    expect(actingSubjectOf('In adults, statins reduce mortality.')).toBe('statins ');
    expect(actingSubjectOf('Reduced sleep raises blood pressure.')).toBeNull();
    expect(actingSubjectOf('Statins are widely prescribed.')).toBeNull();
    // A clause that opens with a pronoun speaks of something named before it.
    expect(actingSubjectOf('It also uses substantially more memory than competing methods.')).toBeNull();
    expect(actingSubjectOf('In mice, they reduce mortality.')).toBeNull();
  });

  it('finds a subject unnamed only when the paper mentions none of its words in any form', () => {
    const paper = {
      title: 'Auditing private training',
      abstract: 'We audit models trained with differential privacy (DP). Larger models increase leakage.',
    };
    const other = { title: 'Coral reefs', abstract: 'Reefs bleach in warm water.' };
    const statistics = statisticsOfTexts([paper, other].map((p) => `${p.title}\n${p.abstract}`));
    const texts = [new EvidenceProfile(sentencesOfPaper(paper), statistics)];
    expect(subjectUnnamed('Gradient clipping eliminates leakage.', texts, statistics)).toBe(true);
    expect(subjectUnnamed('Differential privacy eliminates leakage.', texts, statistics)).toBe(false);
    expect(subjectUnnamed('Larger models reduce leakage.', texts, statistics)).toBe(false);
    // A subject of general words ("this method") is named by any paper.
    expect(subjectUnnamed('This method eliminates leakage.', texts, statistics)).toBe(false);
  });
});
