// Re-analysis: an index whose terms another version of the analyzer made (text/analyze.ts) gets its
// keyword postings and folded author rows made again from its stored papers, within the run's write.
import type { PostingsWriter } from '../store/keyword/index.ts';
import { analyzerVersionOf, type Manifest } from '../store/manifest.repo.ts';
import type { PapersReader } from '../store/papers.repo.ts';
import type { PapersWriter } from '../store/papers-writer.repo.ts';
import { ANALYZER_VERSION, terms } from '../text/analyze.ts';

/** Why an index is re-analyzed, as a person reads it in a notice. */
export const REANALYSIS_REASON =
  'its search terms were made by another version of the analyzer (words now match without their accents, ligatures or fullwidth forms)';

/** Whether the published index's terms were made by another analyzer than this Citelens's (false for a new index). */
export function needsReanalysis(manifest: Manifest | undefined): boolean {
  return manifest !== undefined && analyzerVersionOf(manifest) !== ANALYZER_VERSION;
}

/**
 * Makes the keyword postings again from every stored paper's title and abstract, and its author rows
 * folded; returns how many papers were re-analyzed. Runs inside the caller's transaction. Old terms
 * cannot be removed term by term (this analyzer would not make them), so the postings start empty.
 */
export function reanalyzeStoredPapers(writers: {
  papersReader: PapersReader;
  papersWriter: PapersWriter;
  postingsWriter: PostingsWriter;
}): number {
  const { papersReader, papersWriter, postingsWriter } = writers;
  postingsWriter.clear();
  let papers = 0;
  for (const { doc, paper } of papersReader.all()) {
    postingsWriter.add(doc, terms(paper.title), terms(paper.abstract));
    papers++;
  }
  // Written now, so papers this run removes or replaces leave the postings they were just given.
  postingsWriter.flush();
  papersWriter.refoldAuthors();
  return papers;
}
