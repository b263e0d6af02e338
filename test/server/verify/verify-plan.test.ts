import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryOfIndex } from '../../../server/verify/library.ts';
import { zVerifyRequest } from '../../../server/verify/verify.schema.ts';
import { planVerify, VERIFY_DEFAULTS } from '../../../server/verify/verify-plan.ts';
import { buildFixtureIndex, type FixtureIndex } from './fixture-library.ts';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

const REFERENCES = [
  '',
  'References',
  ...Array.from({ length: 8 }, (_, i) => `[${i + 1}] Author ${i + 1}. A study of topic ${i + 1}. J. Stud. (2020).`),
];

// Each citation's marker and the number of other works its group cites.
function cocitedOf(text: string, references: string[] = REFERENCES): Array<[string, number]> {
  const library = libraryOfIndex(fixture.reader);
  const request = zVerifyRequest.parse({ text: [text, ...references].join('\n'), suggestions: 0 });
  const plan = planVerify(library, request, VERIFY_DEFAULTS);
  return plan.claims.flatMap((claim) => claim.citations.map((c): [string, number] => [c.base.marker, c.cocited]));
}

describe('verify-plan', () => {
  it('counts the other works of a numeric range as cited beside each of its papers', () => {
    expect(cocitedOf('Caffeine increased short-term memory recall in adults [3–6].')).toEqual([
      ['[3]', 3],
      ['[4]', 3],
      ['[5]', 3],
      ['[6]', 3],
    ]);
  });

  it('counts a numeric list as one group, and a citation in a bracket of its own as cited alone', () => {
    expect(cocitedOf('Caffeine increased short-term memory recall [3, 5], and sleep was unchanged [7].')).toEqual([
      ['[3]', 1],
      ['[5]', 1],
      ['[7]', 0],
    ]);
    expect(cocitedOf('Caffeine increased short-term memory recall in adults [3][5].')).toEqual([
      ['[3]', 0],
      ['[5]', 0],
    ]);
  });

  it('counts the works of one author-year parenthesis as a group, and a narrative citation with two years too', () => {
    expect(cocitedOf('Attention sinks arise from a variance discrepancy (Lin et al., 2026a; Chen, 2025).', [])).toEqual(
      [
        ['Lin et al., 2026a', 1],
        ['Chen, 2025', 1],
      ],
    );
    expect(cocitedOf('Attention sinks arise from a variance discrepancy (Chen, 2025).', [])).toEqual([
      ['Chen, 2025', 0],
    ]);
    expect(cocitedOf('Lin et al. (2026a, 2026b) found that attention sinks arise from variance.', [])).toEqual([
      ['Lin et al., 2026a', 1],
      ['Lin et al., 2026b', 1],
    ]);
  });

  it('counts superscript groups as groups', () => {
    expect(cocitedOf('Caffeine increased short-term memory recall in adults.³⁻⁵')).toEqual([
      ['[3]', 2],
      ['[4]', 2],
      ['[5]', 2],
    ]);
    expect(cocitedOf('Caffeine increased short-term memory recall in adults.<sup>2,7</sup>')).toEqual([
      ['[2]', 1],
      ['[7]', 1],
    ]);
  });

  it('counts the keys of one Pandoc bracket or LaTeX command as a group', () => {
    expect(
      cocitedOf('Attention sinks arise from a variance discrepancy [@attention-sinks; @kv-cache-compression].', []),
    ).toEqual([
      ['[attention-sinks]', 1],
      ['[kv-cache-compression]', 1],
    ]);
    expect(
      cocitedOf('Attention sinks arise from a variance discrepancy \\cite{attention-sinks,kv-cache-compression}.', []),
    ).toEqual([
      ['[attention-sinks]', 1],
      ['[kv-cache-compression]', 1],
    ]);
  });

  it('counts a work written twice in one bracket once', () => {
    expect(cocitedOf('Caffeine increased short-term memory recall in adults [3, 3].')).toEqual([['[3]', 0]]);
  });
});
