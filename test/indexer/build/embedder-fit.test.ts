import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../core/seeded-random.ts';
import { decideFit, FIT_DEFAULTS } from '../../../indexer/build/embedder-fit.ts';
import { fitBuiltinEmbedder } from '../../../indexer/embedders/builtin.embedder.ts';
import { currentGeneration, indexPapers, openIndex } from '../../../indexer/index.ts';
import { searchPapers } from '../../../server/search/index.ts';
import { downgradeIndexModel } from '../../support/lsa-version1.ts';
import { writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const HUMANITIES = [
  ['novel', 'narrator', 'victorian', 'fiction', 'readers', 'serial', 'publishing', 'authorship'],
  ['medieval', 'manuscript', 'scribes', 'monastery', 'parchment', 'illumination', 'copying', 'latin'],
  ['painting', 'portrait', 'renaissance', 'patron', 'workshop', 'florence', 'altarpiece', 'pigment'],
  ['opera', 'libretto', 'composer', 'aria', 'premiere', 'orchestra', 'singers', 'audience'],
  ['archive', 'letters', 'correspondence', 'diaries', 'historian', 'colonial', 'records', 'memory'],
];
const MATHEMATICS = [
  ['kropina', 'metric', 'finsler', 'curvature', 'flag', 'geodesic', 'manifold', 'randers'],
  ['ricci', 'flow', 'soliton', 'scalar', 'curvature', 'manifold', 'compact', 'riemannian'],
];

/** `perTopic` papers per topic, each a title and an abstract drawn from the topic's words. */
function papersOf(topics: string[][], perTopic: number, prefix: string, seed: number) {
  const random = createSeededRandom(seed).uniform;
  return topics.flatMap((words, t) =>
    Array.from({ length: perTopic }, (_, d) => {
      const pick = () => words[Math.floor(random() * words.length)]!;
      const abstract = Array.from({ length: 12 }, pick).join(' ');
      return { id: `${prefix}-${t}-${d}`, title: `${pick()} ${pick()}`, abstract: `${abstract}.` };
    }),
  );
}

describe('embedder-fit', () => {
  it('refits within the run when a library grows by another field, so its papers are found without --refit', async () => {
    const dir = tempDir();
    const inputDir = tempDir();
    const humanities = papersOf(HUMANITIES, 12, 'hum', 1);
    const first = await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'humanities.jsonl', humanities)],
      embedder: 'builtin',
    });
    expect(first.embedderFit.action).toBe('fit');

    // 20 papers on a library of 60: not the doubling that used to be the only trigger for a refit.
    const notices: string[] = [];
    const mathematics = papersOf(MATHEMATICS, 10, 'math', 2);
    const second = await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'mathematics.jsonl', mathematics)],
      embedder: 'builtin',
      onNotice: (m) => notices.push(m),
    });
    expect(second.embedderFit.action).toBe('refit');
    expect(second.embedderFit.outOfVocabularyShare).toBeGreaterThan(FIT_DEFAULTS.maxShareAboveLibrary);
    expect(notices.join('\n')).toMatch(/Refitting the built-in model .* outside the fitted vocabulary/);

    const reader = await openIndex(dir);
    try {
      const response = await searchPapers(reader, { query: 'Kropina metric curvature', mode: 'semantic', k: 5 });
      expect(response.results).toHaveLength(5);
      expect(response.results.every((r) => r.paper.id.startsWith('math-0-'))).toBe(true);
      // The humanities papers are still found by meaning after the refit.
      const opera = await searchPapers(reader, { query: 'aria libretto', mode: 'semantic', k: 3 });
      expect(opera.results.every((r) => r.paper.id.startsWith('hum-3-'))).toBe(true);
    } finally {
      reader.close();
    }
  });

  it("measures new papers' share outside the vocabulary with the document frequencies of the library's postings", async () => {
    const dir = tempDir();
    const inputDir = tempDir();
    // A word in every paper is left out of the fit as common: the library's document frequency weighs it.
    const library = papersOf(HUMANITIES, 12, 'hum', 1).map((paper) => ({
      ...paper,
      abstract: `${paper.abstract} study`,
    }));
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'humanities.jsonl', library)],
      embedder: 'builtin',
    });
    const incoming = papersOf([[...HUMANITIES[0]!.slice(0, 4), ...MATHEMATICS[0]!.slice(0, 4), 'study']], 3, 'mix', 3);
    const texts = incoming.map((paper) => `${paper.title}. ${paper.abstract}`);
    const reader = await openIndex(dir);
    let measured: number;
    let unweighed: number;
    try {
      const share = reader.embedder.outOfVocabularyShare!.bind(reader.embedder);
      measured = share(texts, {
        papers: reader.manifest.papers,
        documentFrequency: (term) => reader.postings.documentFrequency(term),
      });
      unweighed = share(texts, { papers: reader.manifest.papers, documentFrequency: () => 0 });
    } finally {
      reader.close();
    }
    expect(measured).not.toBe(unweighed);
    const summary = await indexPapers({
      indexDir: dir,
      files: [writeJsonl(inputDir, 'mixed.jsonl', incoming)],
      embedder: 'builtin',
    });
    expect(summary.embedderFit).toMatchObject({ action: 'fold-in', outOfVocabularyShare: measured });
  });

  it('searches an index whose model an older Citelens stored, and refits it on the next index run, saying why', async () => {
    const dir = tempDir();
    const inputDir = tempDir();
    const file = writeJsonl(inputDir, 'humanities.jsonl', papersOf(HUMANITIES, 12, 'hum', 1));
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    downgradeIndexModel(currentGeneration(dir)!.dir);

    const old = await openIndex(dir);
    try {
      expect(old.embedder.outdated).toMatch(/older Citelens/);
      const opera = await searchPapers(old, { query: 'aria libretto', mode: 'semantic', k: 3 });
      expect(opera.results.every((r) => r.paper.id.startsWith('hum-3-'))).toBe(true);
    } finally {
      old.close();
    }

    const notices: string[] = [];
    const more = writeJsonl(inputDir, 'more.jsonl', papersOf(HUMANITIES, 1, 'more', 3));
    const next = await indexPapers({
      indexDir: dir,
      files: [file, more],
      embedder: 'builtin',
      onNotice: (m) => notices.push(m),
    });
    expect(next.embedderFit).toMatchObject({ action: 'refit', reason: expect.stringMatching(/log-entropy/) });
    expect(notices.join('\n')).toMatch(/Refitting the built-in model .* older Citelens/);
    const refitted = await openIndex(dir);
    try {
      expect(refitted.embedder.outdated).toBeUndefined();
      const opera = await searchPapers(refitted, { query: 'aria libretto', mode: 'semantic', k: 3 });
      expect(opera.results.every((r) => r.paper.id.startsWith('hum-3-'))).toBe(true);
    } finally {
      refitted.close();
    }
  });

  it('folds new papers of the same field into the kept model', () => {
    const library = papersOf(HUMANITIES, 12, 'hum', 1).map((p) => `${p.title}. ${p.abstract}`);
    const kept = fitBuiltinEmbedder(library);
    const more = papersOf(HUMANITIES, 2, 'more', 3).map((p) => `${p.title}. ${p.abstract}`);
    const args = {
      recorded: kept.info,
      forced: false,
      fittedOnPapers: 60,
      papersAfter: 70,
      kept,
      librarySample: () => library,
    };
    expect(decideFit({ ...args, incoming: more })).toMatchObject({ action: 'fold-in', outOfVocabularyShare: 0 });
    const math = papersOf(MATHEMATICS, 5, 'math', 2).map((p) => `${p.title}. ${p.abstract}`);
    expect(decideFit({ ...args, incoming: math }).action).toBe('refit');
    // One odd paper is folded in rather than refitted for, with a word on --refit.
    expect(decideFit({ ...args, incoming: math.slice(0, 1) })).toMatchObject({
      action: 'fold-in',
      reason: expect.stringContaining('--refit'),
    });
    // A library whose own papers are mostly words in one paper each is not refitted for more of the same.
    const unusual = math.map((text, i) => `${text} ${library[i]}`);
    expect(decideFit({ ...args, incoming: unusual, librarySample: () => unusual }).action).toBe('fold-in');
    expect(decideFit({ ...args, incoming: [], forced: true })).toMatchObject({ action: 'refit', reason: '--refit' });
    expect(decideFit({ ...args, incoming: more, papersAfter: 120 }).reason).toMatch(/grew from the 60 papers/);
  });

  it('refits a model stored by an older Citelens, saying why, even when no paper is new', () => {
    const library = papersOf(HUMANITIES, 12, 'hum', 1).map((p) => `${p.title}. ${p.abstract}`);
    const current = fitBuiltinEmbedder(library);
    const old = Object.assign(Object.create(current) as typeof current, { outdated: 'the model is old' });
    const args = { recorded: current.info, forced: false, fittedOnPapers: 60, papersAfter: 60, incoming: [] };
    expect(decideFit({ ...args, kept: current, librarySample: () => library }).action).toBe('reuse');
    expect(decideFit({ ...args, kept: old, librarySample: () => library })).toEqual({
      action: 'refit',
      reason: 'the model is old',
      outOfVocabularyShare: null,
    });
  });

  it('refits a built-in model fitted on the terms of another analyzer, and keeps a downloaded model', () => {
    const library = papersOf(HUMANITIES, 12, 'hum', 1).map((p) => `${p.title}. ${p.abstract}`);
    const current = fitBuiltinEmbedder(library);
    const args = {
      forced: false,
      fittedOnPapers: 60,
      papersAfter: 60,
      incoming: [],
      kept: current,
      librarySample: () => library,
    };
    expect(decideFit({ ...args, recorded: current.info, reanalyzed: true })).toMatchObject({
      action: 'refit',
      reason: expect.stringContaining('another version of the analyzer'),
    });
    const downloaded = { ...current.info, kind: 'transformers' as const };
    expect(decideFit({ ...args, recorded: downloaded, reanalyzed: true }).action).toBe('reuse');
  });
});
