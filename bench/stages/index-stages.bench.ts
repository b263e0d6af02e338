// The indexing stages timed one by one in process (parse, passages, embedder fit, embed), to
// split what `indexPapers` reports as one lap: its `embed` lap includes passage splitting and its
// `store` lap includes the builtin embedder's fit.
import { passageEmbeddingText } from '../../indexer/build/embed-and-store.ts';
import { fitBuiltinEmbedder } from '../../indexer/embedders/builtin.embedder.ts';
import { splitPassages } from '../../indexer/passages/split-passages.ts';
import { readPaperFiles } from '../../indexer/readers/index.ts';

export type StageDetail = {
  parseSeconds: number;
  passagesSeconds: number;
  fitSeconds: number;
  embedSeconds: number;
  passages: number;
};

const since = (start: number) => (performance.now() - start) / 1000;

/** Times each CPU stage of indexing `file` with the builtin embedder, as `indexPapers` runs them. */
export async function measureIndexStages(file: string): Promise<StageDetail> {
  let start = performance.now();
  const input = await readPaperFiles([file]);
  const papers = input.papers.map((p) => p.paper);
  const parseSeconds = since(start);

  start = performance.now();
  const texts: string[] = [];
  for (const paper of papers) {
    for (const passage of splitPassages(paper))
      texts.push(passageEmbeddingText(paper.title, passage.text, passage.field));
  }
  const passagesSeconds = since(start);

  start = performance.now();
  const embedder = fitBuiltinEmbedder(papers.map((paper) => `${paper.title}. ${paper.abstract}`));
  const fitSeconds = since(start);

  start = performance.now();
  await embedder.embedDocuments(texts);
  const embedSeconds = since(start);
  await embedder.dispose();
  return { parseSeconds, passagesSeconds, fitSeconds, embedSeconds, passages: texts.length };
}
