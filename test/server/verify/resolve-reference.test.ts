import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Library, libraryOfIndex } from '../../../server/verify/library.ts';
import { parseReferenceEntries } from '../../../server/verify/reference-list.ts';
import { resolveReference } from '../../../server/verify/resolve-reference.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from './fixture-library.ts';

// Papers written for these tests: one-word titles, names with a digit or a capital inside, titles with
// a subtitle, and names that are also ordinary words or a person's surname (Adam, Feather, Gemini).
const paper = (id: string, title: string, year: number, abstract: string) => ({
  id,
  title,
  authors: [],
  year,
  abstract,
});
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
  paper('adam', 'Adam: A Method for Stochastic Optimization', 2015, 'An optimizer with adaptive estimates of moments.'),
  paper(
    'gemini',
    'Gemini: A Family of Highly Capable Multimodal Models',
    2023,
    'Multimodal models for images and text.',
  ),
  paper(
    'feather',
    'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference',
    2026,
    'Batching requests with shared prefixes.',
  ),
  paper(
    'emo',
    'EMO: Pretraining Mixture of Experts for Emergent Modularity',
    2026,
    'Experts that specialise by domain.',
  ),
  paper(
    'memory',
    'Memory Inception: Latent-Space KV Cache Manipulation for Steering LLMs',
    2026,
    'Steering with the KV cache.',
  ),
  paper('glazybench', 'GlazyBench', 2026, 'Glaze recipes paired with photographs of the fired result.'),
  paper('softsae', 'SoftSAE', 2026, 'Sparse autoencoders whose number of active features varies per input.'),
  paper('schema-1', 'Schema-1', 2026, 'A language model for tabular data.'),
  paper('rangeguard', 'RangeGuard', 2026, 'Error-correcting codes guarding the value range of weights.'),
  paper('cogcaptcha30', 'COGCAPTCHA30', 2026, 'Thirty cognitive puzzles that tell people from bots.'),
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

  it('does not take the author an entry opens with for a title or a name', () => {
    expect(resolvedIds('Adam A. Adaptive moments in hydrology. Water Resources Research, 2015.')).toEqual([]);
    expect(resolvedIds('Adam, A. (2015). Moment methods. Journal of Hydrology.')).toEqual([]);
    expect(resolvedIds('Feather A. Values, valences, and choice. J Pers Soc Psychol, 2026.')).toEqual([]);
  });

  it('does not resolve a lead that is only an ordinary word the title begins with', () => {
    expect(resolvedIds('Feather. Poetry Review, 2026.')).toEqual([]);
    expect(resolvedIds('Gemini. A collection of poems. Faber, 2023.')).toEqual([]);
  });

  it('does not resolve a lead that names a paper in a year more than one away from its own', () => {
    expect(resolvedIds('Emo. Journal of Affective Computing, 2010.')).toEqual([]);
    expect(resolvedIds('Memory inception. Neuron, 2013.')).toEqual([]);
    expect(resolvedIds('EMO. arXiv, 2025.')).toEqual(['emo']);
  });

  it('resolves a lead that is a distinctive name, whatever the venue after it', () => {
    expect(resolvedIds('GlazyBench. arXiv, 2026.')).toEqual(['glazybench']);
    expect(resolvedIds('SoftSAE. arXiv preprint, 2026.')).toEqual(['softsae']);
    expect(resolvedIds('Schema-1. Proceedings of the Conference on Tabular Data, 2026.')).toEqual(['schema-1']);
    expect(
      resolvedIds('RangeGuard. Proceedings of the International Symposium on Computer Architecture, 2026.'),
    ).toEqual(['rangeguard']);
    expect(resolvedIds('COGCAPTCHA30. arXiv, 2026.')).toEqual(['cogcaptcha30']);
    // A name of several words before the title's colon is distinctive already.
    expect(resolvedIds('Memory Inception. arXiv, 2026.')).toEqual(['memory']);
  });
});
