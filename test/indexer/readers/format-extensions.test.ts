import { describe, expect, it } from 'vitest';
import { FORMAT_EXTENSIONS } from '../../../core/errors.ts';
import { KNOWN_EXTENSIONS } from '../../../indexer/readers/detect-format.ts';
import { ACCEPTED_EXTENSIONS } from '../../../web/src/inputs/input-formats.ts';

// core/errors.ts and the web's list of formats (web/src/inputs/input-formats.ts) name the extensions by hand (neither may import
// the indexer); these tests keep both lists in step with detectFormat's table.
describe('format-extensions', () => {
  it("names every extension detectFormat knows in the error table's hints, and no other", () => {
    expect([...FORMAT_EXTENSIONS].sort()).toEqual([...KNOWN_EXTENSIONS].sort());
  });

  it("offers every extension detectFormat knows in the web upload's file picker", () => {
    const accepted = ACCEPTED_EXTENSIONS.split(',');
    for (const extension of KNOWN_EXTENSIONS) expect(accepted, extension).toContain(extension);
  });
});
