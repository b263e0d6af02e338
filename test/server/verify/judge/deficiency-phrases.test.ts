import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { deficientAlike, namesDeficiencyOf } from '../../../../server/verify/judge/deficiency-phrases.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('deficiency-phrases', () => {
  it('finds a thing named beside a word of deficiency, before or after it', () => {
    expect(namesDeficiencyOf(readSentence('Cells defective in IRF-9 expression fail.'), stem('IRF'))).toBe(true);
    expect(namesDeficiencyOf(readSentence('Tox2-deficient mice were smaller.'), stem('Tox2'))).toBe(true);
    expect(namesDeficiencyOf(readSentence('IRF-9 drives the response in fibroblasts.'), stem('IRF'))).toBe(false);
  });

  it('reads "lacking IRF-9" and "defective in IRF-9" as one deficiency, "without diabetes" and "with diabetes" as two', () => {
    const lacking = readSentence('Cells lacking IRF-9 make no interferon.');
    expect(deficientAlike(lacking, readSentence('Cells defective in IRF-9 make no interferon.'), stem('IRF'))).toBe(
      true,
    );
    expect(deficientAlike(lacking, readSentence('IRF-9 drives interferon in cells.'), stem('IRF'))).toBe(false);
    expect(
      deficientAlike(
        readSentence('Patients without diabetes recovered.'),
        readSentence('Patients with diabetes recovered.'),
        stem('diabetes'),
      ),
    ).toBe(false);
  });
});
