import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Library, libraryOfIndex } from '../../../server/verify/library.ts';
import { parseCitations } from '../../../server/verify/parse-citations.ts';
import { splitReferences } from '../../../server/verify/reference-list.ts';
import { namesOfEntry, resolveCitation } from '../../../server/verify/resolve-citation.ts';
import { resolveReference } from '../../../server/verify/resolve-reference.ts';
import { zVerifyRequest } from '../../../server/verify/verify.schema.ts';
import { verifyText } from '../../../server/verify/verify.service.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from './fixture-library.ts';

// Papers written for these tests: a title with a subtitle, a 1970s solid-state paper cited in the
// physics style, and a paper whose DOI holds parentheses.
const PAPERS = [
  ...FIXTURE_PAPERS,
  {
    id: 'litespark',
    title: 'Litespark Inference on Consumer CPUs: Custom SIMD Kernels for Ternary Neural Networks',
    authors: ['Nadia Farouk'],
    year: 2026,
    abstract: 'Ternary weights let a laptop CPU run a language model with custom SIMD kernels at interactive speed.',
  },
  {
    id: 'quillstone',
    title: 'Quillstone Retrieval for Long Scanned Documents',
    authors: ['Ines Moreau'],
    year: 2026,
    abstract: 'Quillstone indexes long scanned documents page by page and answers questions about them.',
    metadata: { citationKey: 'moreau2026quill' },
  },
  {
    id: 'fjord-tides',
    title: 'FjordTide: Tidal harmonics of fjord estuaries',
    authors: ['Sigrid Haugen'],
    year: 2026,
    doi: '10.48550/arXiv.2603.11111',
    url: 'https://github.com/haugen/fjord-tides',
    abstract: 'Fjord estuaries amplify the semidiurnal tide where the sill is shallow.',
  },
  {
    id: 'agekyan-forbidden-gap',
    title: 'Spectroscopic properties of semiconductor crystals with direct forbidden energy gap',
    authors: ['V. T. Agekyan'],
    year: 1974,
    venue: 'phys. stat. sol. (b)',
    abstract: 'Exciton absorption in crystals with a direct forbidden gap is weak and shows a hydrogen-like series.',
  },
  {
    id: 'ybco-flux',
    title: 'Flux creep in single crystals of a high-temperature superconductor',
    authors: ['Ruth Okoro'],
    year: 1989,
    doi: '10.1016/0921-4534(89)90484-X',
    abstract: 'Magnetization relaxes logarithmically in time, with a creep rate that rises with temperature.',
  },
  {
    id: 'glazebench',
    title: 'GlazeBench',
    authors: [],
    year: 2026,
    abstract: 'A benchmark of 20,000 ceramic glaze recipes with photographs of fired tiles.',
  },
  {
    id: 'kiln-lens',
    title: 'Kiln Lens: Reading Firing Curves from Tile Photographs',
    authors: ['Ama Owusu'],
    year: 2026,
    abstract: 'Photographs of fired tiles reveal the temperature curve of the kiln that fired them.',
  },
  {
    id: 'lantern',
    title: 'Lantern',
    authors: [],
    year: 2026,
    abstract: 'A kiln controller that lights each chamber in turn to even out firing temperatures.',
  },
  {
    id: 'dapro',
    title: 'DAPRO (Dynamic Allocation via Projected Optimization)',
    authors: [],
    year: 2026,
    abstract: 'Evaluates the safety of language models over multi-turn conversations.',
  },
];

let fixture: FixtureIndex;
let library: Library;
beforeAll(async () => {
  fixture = await buildFixtureIndex(PAPERS);
  library = libraryOfIndex(fixture.reader);
});
afterAll(() => fixture.close());

/** Resolves the first citation of a text that ends with its reference list. */
function resolveFirst(text: string) {
  const { body, references } = splitReferences(text);
  const [citation] = parseCitations(body);
  return resolveCitation(citation!.target, references, library);
}

/** The fixture library, recording the text of every search made through it. */
function countingLibrary(): { searches: string[]; counting: Library } {
  const searches: string[] = [];
  const counting: Library = {
    ...library,
    statistics: library.statistics,
    search: (text, limit) => {
      searches.push(text);
      return library.search(text, limit);
    },
  };
  return { searches, counting };
}

describe('resolve-citation', () => {
  it('resolves a short form of a title that has a subtitle', () => {
    const resolution = resolveFirst(
      'Ternary kernels run on laptops [1].\n\nReferences\n[1] N. Farouk. Litespark Inference on Consumer CPUs. 2026.',
    );
    expect(resolution).toMatchObject({ resolvedBy: 'title', closest: null });
    expect(resolution.candidates.map((p) => p.id)).toEqual(['litespark']);
  });

  it('resolves a physics-style reference: initials first, comma-separated, venue with volume and year', () => {
    const resolution = resolveFirst(
      'The forbidden gap weakens exciton absorption [2].\n\nReferences\n[1] H. Meier, Glacier melt, Nature 1 (2022) 1.\n' +
        '[2] V. T. Agekyan, …, Spectroscopic properties of semiconductor crystals with direct forbidden energy gap, phys. stat. sol. (b) 66 (1974) 359.',
    );
    expect(resolution.resolvedBy).toBe('title');
    expect(resolution.candidates.map((p) => p.id)).toEqual(['agekyan-forbidden-gap']);
    expect(resolution.reference).toMatchObject({ surname: 'agekyan', year: '1974' });
  });

  it('resolves a DOI that holds parentheses, in the text and in a reference', () => {
    const inText = parseCitations('Creep is logarithmic (doi:10.1016/0921-4534(89)90484-X).');
    expect(inText.map((c) => c.target)).toEqual([{ kind: 'doi', doi: '10.1016/0921-4534(89)90484-x' }]);
    expect(resolveCitation(inText[0]!.target, [], library).candidates.map((p) => p.id)).toEqual(['ybco-flux']);

    const resolution = resolveFirst(
      'Creep is logarithmic [1].\n\nReferences\n[1] R. Okoro, Creep, Physica C 162 (1989) 1, https://doi.org/10.1016/0921-4534(89)90484-X.',
    );
    expect(resolution).toMatchObject({ resolvedBy: 'doi', reference: { doi: '10.1016/0921-4534(89)90484-x' } });
  });

  it("resolves arXiv's DOI for a preprint to the paper with that arXiv id, and an arXiv id to the paper with that DOI", () => {
    expect(resolveFirst('Sinks are structural (https://doi.org/10.48550/arXiv.2601.04321).')).toMatchObject({
      resolvedBy: 'doi',
      candidates: [{ id: 'attention-sinks' }],
    });
    expect(
      resolveFirst(
        'Sinks are structural [1].\n\nReferences\n[1] Lin, K. (2026). Sinks. https://doi.org/10.48550/arXiv.2601.04321v2',
      ),
    ).toMatchObject({ resolvedBy: 'doi', candidates: [{ id: 'attention-sinks' }] });
    expect(resolveFirst('Fjords amplify tides (arXiv:2603.11111v3).')).toMatchObject({
      resolvedBy: 'arxiv',
      candidates: [{ id: 'fjord-tides' }],
    });
  });

  it("resolves a chat answer's sources given as links: by the name a link's text gives, or by the paper's address", () => {
    const text = (entry: string) => `Kernels help [1].\n\nSources:\n[1] ${entry}`;
    expect(resolveFirst(text('[FjordTide](https://example.org/ft)'))).toMatchObject({
      resolvedBy: 'title',
      candidates: [{ id: 'fjord-tides' }],
    });
    expect(resolveFirst(text('FjordTide – https://example.org/ft'))).toMatchObject({
      candidates: [{ id: 'fjord-tides' }],
    });
    expect(resolveFirst(text('https://www.GitHub.com/haugen/fjord-tides/'))).toMatchObject({
      resolvedBy: 'url',
      candidates: [{ id: 'fjord-tides' }],
    });
    expect(resolveFirst(text('https://github.com/haugen/fjord-tides-v2'))).toMatchObject({ candidates: [] });
  });

  it('resolves an entry that is nothing but a one-word title, or the name a title gives before its expansion', () => {
    const glaze = resolveFirst('Glazes were benchmarked [1].\n\nReferences\n[1] GlazeBench');
    expect(glaze).toMatchObject({ resolvedBy: 'title' });
    expect(glaze.candidates.map((p) => p.id)).toEqual(['glazebench']);
    const dapro = resolveFirst('Safety over several turns [1].\n\nReferences\n[1] DAPRO, 2026.');
    expect(dapro.candidates.map((p) => p.id)).toEqual(['dapro']);
  });

  it('resolves a name and year that no author has to the paper its title names, in that year only', () => {
    const dapro = resolveFirst('Safety holds over several turns (DAPRO, 2026).');
    expect(dapro).toMatchObject({ resolvedBy: 'title' });
    expect(dapro.candidates.map((p) => p.id)).toEqual(['dapro']);
    expect(resolveFirst('GlazeBench (2026) photographs fired tiles.').candidates.map((p) => p.id)).toEqual([
      'glazebench',
    ]);
    // A name of two words, cited with its year as an organization would be.
    expect(resolveFirst('Tiles record firing (Kiln Lens, 2026).').candidates.map((p) => p.id)).toEqual(['kiln-lens']);
    expect(resolveFirst('Glazes were benchmarked (GlazeBench, 2019).')).toMatchObject({
      candidates: [],
      resolvedBy: null,
    });
  });

  it('resolves the name a paper calls itself by, cited in place of an author, and asks about a year that differs', () => {
    // "Quillstone" opens the title and the abstract ("Quillstone indexes…"), with no colon after it.
    expect(resolveFirst('Scanned pages are indexed one by one (Quillstone 2026).').candidates.map((p) => p.id)).toEqual(
      ['quillstone'],
    );
    const wrongYear = resolveFirst('Scanned pages are indexed one by one (Quillstone, 2024).');
    expect(wrongYear.candidates).toEqual([]);
    expect(wrongYear.note).toMatch(
      /^No paper in the library by Quillstone from 2024, but one from 2026: is the year right\?/,
    );
    expect(wrongYear.closest).toMatchObject({ paperId: 'quillstone' });
    // A name of several words that one title holds word for word, in that year.
    expect(resolveFirst('Pages are indexed (Scanned Documents, 2026).').candidates.map((p) => p.id)).toEqual([
      'quillstone',
    ]);
    expect(resolveFirst('Pages are indexed (Scanned Documents, 2019).').candidates).toEqual([]);
    // An author's paper from another year is named the same way.
    expect(resolveFirst('Pages are indexed (Moreau, 2025).').closest).toMatchObject({ paperId: 'quillstone' });
  });

  // Regression: "[Transformers]" in a sentence resolved to the entry "Transformers: State-of-the-art…",
  // so verify read a bracketed word as a citation of it.
  it('resolves a key by the name an entry gives only when the name looks coined, follows a lead-in or is written [@key]', () => {
    const { references } = splitReferences(
      'Text.\n\nReferences\n[1] Wolf, T. (2020). Transformers: State-of-the-art natural language processing.\n' +
        '[2] Tanaka, M. (2026). LeakDojo: Decoding the leakage threats of RAG systems.',
    );
    expect(references.map(namesOfEntry)).toEqual([['Transformers'], ['LeakDojo']]);
    const key = (name: string, more: { leadIn?: true; explicit?: boolean } = {}) =>
      resolveCitation({ kind: 'key', key: name, explicit: false, ...more }, references, library).reference?.n ?? null;
    expect(key('Transformers')).toBeNull();
    expect(key('Transformers', { leadIn: true })).toBe(1);
    expect(key('Transformers', { explicit: true })).toBe(1);
    expect(key('LeakDojo')).toBe(2);
  });

  it('names the paper of an author whose name the citation misspells, and asks about the spelling, but not for short names', () => {
    const misspelt = resolveFirst('Caffeine helps recall (Lindquist & Okafor, 2024).');
    expect(misspelt.candidates).toEqual([]);
    expect(misspelt.closest).toMatchObject({ paperId: 'caffeine-memory-trial' });
    expect(misspelt.note).toMatch(
      /^No paper in the library by Lindquist from 2024, but one by Lindqvist from 2024: is the name spelt right\?/u,
    );
    // Both the name and the year wrong: the author's paper of another year.
    expect(resolveFirst('Glaciers melt (Meyer, 2019).').closest).toMatchObject({ paperId: 'glacier-melt' });
    // Lin and Liu are different people: a name this short is never taken for a misspelling.
    expect(resolveFirst('Sinks are structural (Liu, 2026).')).toMatchObject({ closest: null });
    expect(resolveFirst('Sinks are structural (Vaswani, 2017).')).toMatchObject({ closest: null });
  });

  it('resolves a key that is no paper id by the citation key a Zotero library pinned (Better BibTeX)', () => {
    expect(resolveFirst('Scanned pages are indexed one by one [@moreau2026quill].')).toMatchObject({
      resolvedBy: 'id',
      candidates: [{ id: 'quillstone' }],
    });
    expect(resolveFirst('Pages are indexed \\cite{moreau2026quill}.').candidates.map((p) => p.id)).toEqual([
      'quillstone',
    ]);
  });

  it('resolves a name given with a subtitle the library record lacks, in a year that agrees', () => {
    const glaze = resolveFirst(
      'Glazes were benchmarked [1].\n\nReferences\n[1] GlazeBench: photographed recipes of ceramic glazes, 2026.',
    );
    expect(glaze).toMatchObject({ resolvedBy: 'title' });
    expect(glaze.candidates.map((p) => p.id)).toEqual(['glazebench']);
    const dapro = resolveFirst(
      'Safety over several turns [1].\n\nReferences\n[1] Lin, K., Rao, P.: DAPRO: Safety of language models over many turns. In: Proc. ACL (2026)',
    );
    expect(dapro.candidates.map((p) => p.id)).toEqual(['dapro']);
    const otherYear = resolveFirst(
      'Glazes were benchmarked [1].\n\nReferences\n[1] GlazeBench: photographed recipes of ceramic glazes, 2019.',
    );
    expect(otherYear.candidates).toEqual([]);
    // An ordinary word names too many papers: "Lantern: …" may be any of them.
    const word = resolveFirst('Kilns fire evenly [1].\n\nReferences\n[1] Lantern: lighting for old kilns, 2026.');
    expect(word.candidates).toEqual([]);
    expect(word.closest?.paperId).toBe('lantern');
  });

  it('does not take an entry that says more than a short title, or names only part of it, for that title', () => {
    const more = resolveFirst('Glazes were benchmarked [1].\n\nReferences\n[1] GlazeBench for porcelain kilns');
    expect(more.candidates).toEqual([]);
    expect(more.closest?.paperId).toBe('glazebench');
    const part = resolveFirst('Safety over several turns [1].\n\nReferences\n[1] Projected Optimization');
    expect(part.candidates).toEqual([]);
  });

  it('names the library paper an unresolved reference most resembles, with a score, and says so in the note', () => {
    const resolution = resolveFirst(
      'Sinks are structural [1].\n\nReferences\n[1] J. Smith. Attention sinks in vision transformers. 2023.',
    );
    expect(resolution.candidates).toEqual([]);
    expect(resolution.closest).toMatchObject({ paperId: 'attention-sinks' });
    expect(resolution.closest!.score).toBeGreaterThan(0);
    expect(resolution.closest!.score).toBeLessThan(1);
    expect(resolution.note).toContain('Why attention sinks appear in transformers');
  });

  it('names no closest paper when one common word is all the titles share, but does when it is half a short title', () => {
    const attention = resolveFirst(
      'Attention is all that is needed [1].\n\nReferences\n[1] Vaswani, A. (2017). Attention is all you need.',
    );
    expect(attention).toMatchObject({ candidates: [], closest: null });
    expect(attention.note).not.toContain('closest');
    // Two words in common are a resemblance ("Prefix caching" and "… Prefix Homogeneity …" would be too).
    expect(
      resolveFirst('Caches help [1].\n\nReferences\n[1] Smith, J. (2024). Compressing long key-value caches.').closest,
    ).toMatchObject({ paperId: 'kv-cache-compression' });
  });

  it('resolves a reference by its title but says when its year or first author differs from the library paper', () => {
    const entry = (text: string) => resolveFirst(`Caffeine helps [1].\n\nReferences\n[1] ${text}`);
    expect(entry('Lindqvist, M. (2024). Caffeine and working memory in adults.')).toMatchObject({
      candidates: [{ id: 'caffeine-memory-trial' }],
      note: null,
    });
    // A co-author named first is no mistake worth a note.
    expect(entry('Okafor, T., & Lindqvist, M. (2024). Caffeine and working memory in adults.').note).toBeNull();
    expect(entry('Lindqvist, M. (2021). Caffeine and working memory in adults.')).toMatchObject({
      candidates: [{ id: 'caffeine-memory-trial' }],
      note: 'Reference 1 gives the year 2021, but the library paper is from 2024: is the reference right?',
    });
    expect(entry('M. Lindquist, "Caffeine and working memory in adults," 2024.').note).toBe(
      "Reference 1 names Lindquist first, but the library paper's first author is Maria Lindqvist: is the reference right?",
    );
    // An entry of nothing but the title names no author, even when the title opens with a name.
    expect(entry('Caffeine and working memory in adults. 2024.').note).toBeNull();
    expect(entry('FjordTide: Tidal harmonics of fjord estuaries. Preprint. 2026.')).toMatchObject({
      candidates: [{ id: 'fjord-tides' }],
      note: null,
    });
  });

  it('names no closest paper when the reference shares no title word with the library', () => {
    const resolution = resolveFirst(
      'Odd claim [1].\n\nReferences\n[1] A. Nobody. Quantum annealing for everything. 2019.',
    );
    expect(resolution).toMatchObject({ candidates: [], closest: null });
  });

  it('does not take a title that only shares its subtitle-less part partly for a short form', () => {
    const resolution = resolveFirst(
      'Kernels help [1].\n\nReferences\n[1] P. Adeyemi. Litespark Training on Consumer GPUs. 2020.',
    );
    expect(resolution.candidates).toEqual([]);
    expect(resolution.closest?.paperId).toBe('litespark');
    const survey = resolveFirst(
      'Kernels help [1].\n\nReferences\n[1] P. Adeyemi. Litespark Inference on Consumer CPUs: A Survey. 2020.',
    );
    expect(survey.candidates).toEqual([]);
  });

  it('reports the closest library paper of a citation not in the library in the verify response', () => {
    const text =
      'Sinks are structural [1]. Caffeine helps memory [2].\n\nReferences\n[1] J. Smith. Attention sinks in vision transformers. 2023.\n[2] Caffeine and working memory in adults. 2024.';
    const [first, second] = verifyText(library, zVerifyRequest.parse({ text })).claims.flatMap((c) => c.citations);
    expect(first).toMatchObject({ verdict: 'not_in_library', closest: { paperId: 'attention-sinks' } });
    expect(second).toMatchObject({ paperId: 'caffeine-memory-trial', closest: null });
  });

  it('resolves a reference entry once per library, however many citations point into it', () => {
    const { searches, counting } = countingLibrary();
    const { references } = splitReferences(
      'Text [1].\n\nReferences\n[1] Q. Nobody. Migration of eels in the Sargasso. 1901.',
    );
    const entry = references[0]!;
    const first = resolveReference(entry, counting);
    const searched = searches.length;
    expect(searched).toBeGreaterThan(0);
    expect(resolveReference(entry, counting)).toBe(first);
    expect(searches).toHaveLength(searched);
    // Another library (another request, another generation) resolves it afresh.
    const other: Library = { ...counting };
    expect(resolveReference(entry, other)).toEqual(first);
    expect(searches).toHaveLength(2 * searched);
  });

  it("searches by a reference's whole text only when the search by its title found no match that nothing could beat", () => {
    const { searches, counting } = countingLibrary();
    const entryOf = (text: string) => splitReferences(`Text [1].\n\nReferences\n${text}`).references[0]!;
    // Every title term and the year: the whole text cannot name a better match.
    const exact = entryOf(
      '[1] Agekyan, V. T. (1974). Spectroscopic properties of semiconductor crystals with direct forbidden energy gap. phys. stat. sol. (b).',
    );
    expect(exact.title).toBeTruthy();
    expect(resolveReference(exact, counting)).toMatchObject({
      resolvedBy: 'title',
      candidates: [{ id: 'agekyan-forbidden-gap' }],
    });
    expect(searches).toEqual([exact.title]);
    // The year differs from the paper's: another paper of that year could still score higher, so both searches run.
    searches.length = 0;
    const otherYear = entryOf(
      '[1] Agekyan, V. T. (1975). Spectroscopic properties of semiconductor crystals with direct forbidden energy gap. phys. stat. sol. (b).',
    );
    expect(resolveReference(otherYear, counting)).toMatchObject({
      resolvedBy: 'title',
      candidates: [{ id: 'agekyan-forbidden-gap' }],
    });
    expect(searches).toHaveLength(2);
  });
});
