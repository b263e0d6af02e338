// Measures cited answers on a BEIR collection (`citelens eval-ask --citations`): how often the
// papers an extractive answer cites are judged relevant, against simply citing the top 3 search
// results, and how often it abstains on its own queries and on another collection's queries.
import type { IndexReader } from '../../indexer/index.ts';
import { ASK_LIMITS, type ParsedAskRequest } from '../answer/answer.schema.ts';
import { answerQuestion } from '../answer/answer.service.ts';
import type { SearchMode } from '../search/search.schema.ts';
import { searchPlainWords } from '../search/search.service.ts';
import { withTemporaryLibrary } from './answer-sets.ts';
import { type BeirQuery, readBeirCollection } from './beir.ts';
import type { Judgments } from './metrics.ts';

export const ASK_EVAL_DEFAULTS = {
  split: 'test',
  mode: 'hybrid' as SearchMode,
  /** Passages retrieved per answer (the API default). */
  k: 8,
  /** Search results the baseline cites. */
  baselineDepth: 3,
};

/** Citation quality of one way of answering, over a set of queries. */
export type CitationQuality = {
  /** Share of all cited papers that are judged relevant (every citation counts once per query). */
  precision: number;
  /** Mean over queries of the share of that query's cited papers that are relevant. */
  meanPrecision: number;
  /** Share of queries with at least one relevant cited paper. */
  hitRate: number;
  /** Mean number of distinct papers cited per query. */
  citedPerQuery: number;
};

export type AskEvalReport = {
  collection: string;
  split: string;
  papers: number;
  queries: number;
  /** Queries the extractive answer answered (did not abstain on). */
  answered: number;
  /** The answer's citations, over the answered queries. */
  answer: CitationQuality;
  /** The top search results as citations, over the same answered queries. */
  top3: CitationQuality;
  /** The top search results over every query (no abstention). */
  top3AllQueries: CitationQuality;
  /** Abstention on queries from another collection, which this library cannot answer. */
  offTopic: { collection: string; queries: number; abstained: number } | null;
  seconds: number;
};

function quality(cited: ReadonlyArray<{ papers: string[]; judgments: Judgments }>): CitationQuality {
  let relevant = 0;
  let total = 0;
  let precisionSum = 0;
  let hits = 0;
  for (const { papers, judgments } of cited) {
    const good = papers.filter((id) => (judgments.get(id) ?? 0) > 0).length;
    relevant += good;
    total += papers.length;
    precisionSum += papers.length > 0 ? good / papers.length : 0;
    if (good > 0) hits++;
  }
  const n = cited.length;
  return {
    precision: total > 0 ? relevant / total : 0,
    meanPrecision: n > 0 ? precisionSum / n : 0,
    hitRate: n > 0 ? hits / n : 0,
    citedPerQuery: n > 0 ? total / n : 0,
  };
}

/**
 * A test collection's question as a user could ask it: CISI's reach 2,023 characters and the ask
 * API takes 1,000, so longer ones are cut at a word boundary (the search baseline gets the same text).
 */
export function questionAsAsked(text: string): string {
  if (text.length <= ASK_LIMITS.maxQuestionChars) return text;
  const cut = text.slice(0, ASK_LIMITS.maxQuestionChars);
  return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length);
}

const askRequest = (question: string): ParsedAskRequest => ({
  question: questionAsAsked(question),
  k: ASK_EVAL_DEFAULTS.k,
  mode: ASK_EVAL_DEFAULTS.mode,
  filters: {},
  generate: false,
  unsupported: 'flag',
  maxSentences: 4,
});

async function citedPapers(reader: IndexReader, question: string): Promise<string[] | null> {
  const response = await answerQuestion(reader, askRequest(question));
  if (response.abstained) return null;
  return [...new Set(response.answer.sentences.flatMap((s) => s.citations.map((c) => c.paperId)))];
}

async function topPapers(reader: IndexReader, question: string): Promise<string[]> {
  const response = await searchPlainWords(reader, {
    query: questionAsAsked(question),
    mode: ASK_EVAL_DEFAULTS.mode,
    k: ASK_EVAL_DEFAULTS.baselineDepth,
  });
  return response.results.map((r) => r.paper.id);
}

export type AskEvalOptions = {
  folder: string;
  split?: string;
  /** A second BEIR folder whose queries the library should abstain on. */
  offTopicFolder?: string;
  onProgress?: (done: number, total: number) => void;
};

/** Indexes the collection in a temporary folder, answers every query and reports citation quality. */
export async function evaluateAsk(options: AskEvalOptions): Promise<AskEvalReport> {
  const started = performance.now();
  const collection = readBeirCollection(options.folder, options.split ?? ASK_EVAL_DEFAULTS.split);
  return withTemporaryLibrary(collection.corpusFile, async (reader) => {
    const answered: Array<{ papers: string[]; judgments: Judgments }> = [];
    const baseline: Array<{ papers: string[]; judgments: Judgments }> = [];
    const baselineAll: Array<{ papers: string[]; judgments: Judgments }> = [];
    const total = collection.queries.length;
    for (const [i, query] of collection.queries.entries()) {
      const cited = await citedPapers(reader, query.text);
      const top = { papers: await topPapers(reader, query.text), judgments: query.judgments };
      baselineAll.push(top);
      if (cited) {
        answered.push({ papers: cited, judgments: query.judgments });
        baseline.push(top);
      }
      options.onProgress?.(i + 1, total);
    }
    let offTopic: AskEvalReport['offTopic'] = null;
    if (options.offTopicFolder) {
      const other = readBeirCollection(options.offTopicFolder, options.split ?? ASK_EVAL_DEFAULTS.split);
      let abstained = 0;
      for (const query of other.queries as BeirQuery[])
        if ((await citedPapers(reader, query.text)) === null) abstained++;
      offTopic = { collection: other.name, queries: other.queries.length, abstained };
    }
    return {
      collection: collection.name,
      split: collection.split,
      papers: reader.manifest.papers,
      queries: total,
      answered: answered.length,
      answer: quality(answered),
      top3: quality(baseline),
      top3AllQueries: quality(baselineAll),
      offTopic,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
