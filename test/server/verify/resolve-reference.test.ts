import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Library, libraryOfIndex } from '../../../server/verify/library.ts';
import { parseReferenceEntries } from '../../../server/verify/reference-list.ts';
import { resolveReference } from '../../../server/verify/resolve-reference.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from './fixture-library.ts';

// Papers written for these tests: a one-word title, a name with a digit, and a title with a subtitle.
const PAPERS = [
  ...FIXTURE_PAPERS,
  {
    id: 'glazebench',
    title: 'GlazeBench',
    authors: [],
    year: 2026,
    abstract: 'A benchmark of 20,000 ceramic glaze recipes with photographs of fired tiles.',
  },
  {
    id: 'kiln-2',
    title: 'Kiln-2',
    authors: [],
    year: 2026,
    abstract: 'A language model trained on firing logs of ceramic kilns.',
  },
  {
    id: 'litespark',
    title: 'Litespark Inference on Consumer CPUs: Custom SIMD Kernels for Ternary Neural Networks',
    authors: ['Nadia Farouk'],
    year: 2026,
    abstract: 'Ternary weights let a laptop CPU run a language model with custom SIMD kernels at interactive speed.',
  },
];

let fixture: FixtureIndex;
let library: Library;
beforeAll(async () => {
  fixture = await buildFixtureIndex(PAPERS);
  library = libraryOfIndex(fixture.reader);
});
afterAll(() => fixture.close());

/** The ids of the papers one reference list entry resolves to. */
const resolvedIds = (entry: string) =>
  resolveReference(parseReferenceEntries(`[1] ${entry}`)[0]!, library).candidates.map((p) => p.id);

describe('resolve-reference', () => {
  it('resolves an entry written "Title. Venue, Year." whatever the venue after a short title', () => {
    expect(resolvedIds('GlazeBench. arXiv, 2026.')).toEqual(['glazebench']);
    expect(resolvedIds('GlazeBench. arXiv preprint, 2026.')).toEqual(['glazebench']);
    expect(resolvedIds('Kiln-2. arXiv, 2026.')).toEqual(['kiln-2']);
    expect(resolvedIds('GlazeBench. Journal of Ceramic Science and Technology, 2026.')).toEqual(['glazebench']);
  });

  it('resolves the short form of a title followed by a journal name', () => {
    expect(resolvedIds('Litespark Inference on Consumer CPUs. Journal of Machine Learning Research, 2026.')).toEqual([
      'litespark',
    ]);
  });

  it('does not resolve a venue entry whose first sentence only resembles a title', () => {
    expect(resolvedIds('GlazeBench 2. arXiv, 2026.')).toEqual([]);
    expect(resolvedIds('GlazeBench for porcelain kilns. arXiv, 2026.')).toEqual([]);
    expect(resolvedIds('Kiln. arXiv, 2026.')).toEqual([]);
    expect(resolvedIds('Litespark Inference on Consumer GPUs at Scale. Journal of Systems, 2026.')).toEqual([]);
    expect(resolvedIds('Smith, J. Glaze recipes. arXiv, 2026.')).toEqual([]);
  });
});
