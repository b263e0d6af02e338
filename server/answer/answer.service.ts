// The `ask` verb: retrieves passages for a question and answers from them with every sentence
// cited, extractively (no model) or with the configured LLM, whose sentences are checked against
// the passages they cite; abstains when the passages hold no answer.
import type { IndexReader } from '../../indexer/index.ts';
import type { LlmClient } from '../llm/index.ts';
import { retrievePassages } from '../search/index.ts';
import type { SearchFilters, SearchMode } from '../search/search.schema.ts';
import { sentencesOfPassages } from '../verify/evidence-sentences.ts';
import { statisticsOfIndex, type TermStatistics } from '../verify/term-statistics.ts';
import type { AnswerSentence, AskEvent, AskResponse, ParsedAskRequest } from './answer.schema.ts';
import { type AnswerJudge, answerJudge, backs } from './answer-judge.ts';
import {
  describeSources,
  type NumberedSource,
  numberSources,
  type RetrievedPassage,
  renumberSources,
} from './answer-sources.ts';
import { answerText, withMarkers } from './answer-text.ts';
import { bottomLine } from './bottom-line.ts';
import { checkGenerated } from './check-generated.ts';
import { conceptStatisticsOfIndex } from './concept-statistics.ts';
import { expandContractions } from './contractions.ts';
import { citationOrder, type Draft, renumberDraft } from './draft.ts';
import type { LibraryVocabulary } from './library-vocabulary.ts';
import { buildMessages } from './prompt.ts';
import { readingNotice, readQuestion } from './question-spelling.ts';
import { questionType } from './question-type.ts';
import { recordDraft } from './record-questions.ts';
import { type Selection, selectSentences } from './select-sentences.ts';
import type { SelectionOptions } from './selection-settings.ts';
import { afterFirstAim } from './sentence-position.ts';

/** What answering needs from the library: passage retrieval and term statistics. */
export type AnswerContext = {
  retrieve(request: {
    query: string;
    mode: SearchMode;
    k: number;
    filters: SearchFilters;
  }): Promise<RetrievedPassage[]>;
  statistics: TermStatistics;
  /** Document frequencies of the library's concept forms (unstemmed words); stems are used without them. */
  concepts?: TermStatistics;
  /** The library's words as written; without it, misspelt words of a question are left as written. */
  vocabulary?: LibraryVocabulary;
};

export type AnswerOptions = {
  /** The LLM to generate with; without one, answers are extractive. */
  llm?: LlmClient | undefined;
  /** Receives the events of the answer as it is made (for streaming). */
  onEvent?: (event: AskEvent) => void | Promise<void>;
  signal?: AbortSignal;
  /** Overrides of the extractive selection's settings (for evaluation). */
  selection?: Partial<SelectionOptions>;
  /** Receives the extractive selection (for evaluation: its concept coverage). */
  onSelection?: (selection: Selection) => void;
  /** The judge of support (verify's configured judge); the built-in judge without one. */
  judge?: AnswerJudge | undefined;
};

// The bottom line of a yes/no question, from the findings each source is cited for; none for an
// answer to part of the question (a phrase no paper uses, or parts that no finding connects).
function withBottomLine(draft: Draft, question: string, sources: readonly NumberedSource[]): Draft {
  if (draft.abstained || draft.partial || questionType(question) !== 'yes_no') return draft;
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const cited = draft.answer.sentences.flatMap((sentence) =>
    sentence.citations.map((c) => {
      const paper = byNumber.get(c.n)?.paper;
      const text = paper?.[c.field === 'title' ? 'title' : 'abstract'].slice(c.start, c.end);
      return {
        n: c.n,
        sentence: { field: c.field, start: c.start, end: c.end, text: text || sentence.text },
        title: paper?.title ?? '',
        // Where the abstract reports results, a plainly stated one is a finding (plain-results.ts).
        afterAim: c.field === 'abstract' && paper !== undefined && afterFirstAim(paper.abstract, c.start),
      };
    }),
  );
  return { ...draft, bottomLine: bottomLine(question, cited) };
}

async function extractiveDraft(
  request: ParsedAskRequest,
  sources: readonly NumberedSource[],
  context: AnswerContext,
  judge: AnswerJudge,
  selection: Partial<SelectionOptions> = {},
  onSelection?: (selection: Selection) => void,
): Promise<Draft> {
  const record = recordDraft(request.question, sources);
  if (record) return record;
  const { statistics } = context;
  const chosen = selectSentences(
    request.question,
    sources,
    statistics,
    { ...selection, maxSentences: request.maxSentences },
    context.concepts,
  );
  onSelection?.(chosen);
  if (chosen.abstainReason || chosen.sentences.length === 0) {
    const reason = chosen.abstainReason ?? 'No sentence of the closest passages answers the question.';
    return {
      abstained: true,
      reason,
      mode: 'extractive',
      answer: { text: reason, sentences: [] },
      closest: chosen.closest,
      cited: new Set(),
      nearest: chosen.closest,
    };
  }
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  // A sentence quoted together with the one before it, on which it leans, is judged against the two
  // as one span too: either part alone backs it only in part.
  const judgements = await judge.judgeMany(
    chosen.sentences.map((sentence) => {
      const sentences = sentencesOfPassages(
        byNumber.get(sentence.n)!.passages.filter((p) => p.id === sentence.passageId),
      );
      const quoted = sentences.some((s) => s.start === sentence.start && s.end === sentence.end);
      const { field, start, end, text, passageId } = sentence;
      return {
        claim: sentence.wording,
        sentences: quoted ? sentences : [...sentences, { field, start, end, text, passageId }],
      };
    }),
  );
  const sentences: AnswerSentence[] = chosen.sentences.map((sentence, i) => {
    const judgement = judgements[i]!;
    return {
      text: sentence.wording,
      support: judgement.support,
      supported: backs(judgement),
      citations: [
        {
          n: sentence.n,
          paperId: sentence.paperId,
          passageId: sentence.passageId,
          field: sentence.field,
          start: sentence.start,
          end: sentence.end,
        },
      ],
    };
  });
  return {
    abstained: false,
    mode: 'extractive',
    answer: { text: answerText(sentences), sentences },
    cited: new Set(sentences.map((s) => s.citations[0]!.n)),
    nearest: chosen.closest,
    ...(chosen.partial ? { partial: chosen.partial } : {}),
  };
}

async function generatedDraft(
  llm: LlmClient,
  request: ParsedAskRequest,
  sources: readonly NumberedSource[],
  judge: AnswerJudge,
  options: AnswerOptions,
): Promise<{ draft: Draft; notices: string[] }> {
  const messages = buildMessages(request.question, sources, request.maxSentences);
  let text = '';
  if (options.onEvent) {
    for await (const piece of llm.stream({ messages, signal: options.signal })) {
      text += piece;
      await options.onEvent({ event: 'delta', data: { text: piece } });
    }
  } else {
    text = await llm.complete({ messages, signal: options.signal });
  }
  const checked = await checkGenerated(text, sources, judge, request.unsupported);
  const notices: string[] = [];
  if (checked.unknownCitations.length > 0) {
    notices.push(
      `Removed citations to sources that were not given: ${checked.unknownCitations.map((n) => `[${n}]`).join(', ')}.`,
    );
  }
  if (checked.noAnswer) {
    const reason = 'The LLM found no answer to the question in the retrieved passages.';
    return {
      draft: { abstained: true, reason, mode: 'generated', answer: { text: reason, sentences: [] }, cited: new Set() },
      notices,
    };
  }
  if (checked.sentences.length === 0) {
    throw new Error(
      checked.dropped > 0
        ? `none of its ${checked.dropped} sentences is supported by the passages it cites`
        : 'it replied with no usable sentence',
    );
  }
  const flagged = checked.sentences.filter((s) => !s.supported).length;
  if (flagged > 0)
    notices.push(`${flagged} generated sentence(s) are not supported by the passages they cite and are flagged.`);
  if (checked.dropped > 0)
    notices.push(`${checked.dropped} generated sentence(s) not supported by their sources were dropped.`);
  return {
    draft: {
      abstained: false,
      mode: 'generated',
      answer: { text: answerText(checked.sentences), sentences: checked.sentences },
      cited: new Set(checked.sentences.flatMap((s) => s.citations.map((c) => c.n))),
    },
    notices,
  };
}

/** Answers a question from the library; never throws for an LLM failure (the answer falls back to extractive). */
export async function composeAnswer(
  context: AnswerContext,
  request: ParsedAskRequest,
  options: AnswerOptions = {},
): Promise<AskResponse> {
  const started = performance.now();
  const emit = async (event: AskEvent) => {
    await options.onEvent?.(event);
  };
  // The question as read: its contracted negations written out ("Doesn't X…?" → "Does not X…?"), and a
  // misspelt word becomes the library word it is closest to, and the answer says so; the response
  // keeps the question as asked.
  const { question: asAsked } = request;
  const written = expandContractions(asAsked);
  const { question, readings } = context.vocabulary
    ? readQuestion(written, { ...context, vocabulary: context.vocabulary })
    : { question: written, readings: [] };
  const asked: ParsedAskRequest = { ...request, question };
  const retrieved = await context.retrieve({
    query: asked.question,
    mode: asked.mode,
    k: asked.k,
    filters: asked.filters,
  });
  const retrievalOrder = numberSources(retrieved);
  const judge = options.judge ?? answerJudge(context.statistics);
  const firstDraft = await extractiveDraft(
    asked,
    retrievalOrder,
    context,
    judge,
    options.selection,
    options.onSelection,
  );
  // Sources are numbered 1…n in order of first citation, from the first event on.
  const numbered = renumberSources(retrievalOrder, citationOrder(firstDraft));
  let sources = numbered.sources;
  const extractive = renumberDraft(firstDraft, numbered.renumber);
  await emit({ event: 'sources', data: { sources: describeSources(sources, new Set()) } });

  const notices: string[] = [];
  const reading = readingNotice(readings);
  if (reading) notices.push(reading);
  const wantsLlm = asked.generate ?? options.llm !== undefined;
  if (wantsLlm && !options.llm) {
    notices.push('No LLM is configured (set CITELENS_LLM_BASE_URL and CITELENS_LLM_MODEL); the answer is extractive.');
  }
  let draft = extractive;
  // When the passages hold no answer, no model is asked: it could only make one up.
  if (wantsLlm && options.llm && !extractive.abstained && !extractive.fromRecord) {
    try {
      const generated = await generatedDraft(options.llm, asked, sources, judge, options);
      // The model cites in its own order: renumber again so its answer reads [1], [2]… too.
      const again = renumberSources(sources, citationOrder(generated.draft));
      sources = again.sources;
      // What the library lacks is read from the papers, whoever words the answer.
      draft = renumberDraft(generated.draft, again.renumber);
      if (extractive.partial && !draft.abstained) draft.partial = extractive.partial;
      notices.push(...generated.notices);
    } catch (error) {
      const message = `The LLM answer could not be used (${(error as Error).message.replace(/\.$/u, '')}); this answer is extractive.`;
      notices.push(message);
      await emit({ event: 'notice', data: { message } });
    }
  }
  if (draft.partial) notices.push(draft.partial);
  draft = withBottomLine(draft, asked.question, sources);
  if (draft.mode === 'extractive') {
    for (const sentence of draft.answer.sentences)
      await emit({ event: 'delta', data: { text: `${withMarkers(sentence)} ` } });
  }
  const { cited, nearest: _nearest, fromRecord: _fromRecord, partial: _partial, ...rest } = draft;
  const response: AskResponse = {
    question: asAsked,
    ...rest,
    // The model can abstain too: the closest papers are listed then as well.
    ...(rest.abstained && !rest.closest && extractive.nearest ? { closest: extractive.nearest } : {}),
    ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    ...(readings.length > 0 ? { readings } : {}),
    sources: describeSources(sources, cited),
    tookMs: performance.now() - started,
  };
  await emit({ event: 'done', data: response });
  return response;
}

/** Answers a question from an open index. */
export async function answerQuestion(
  reader: IndexReader,
  request: ParsedAskRequest,
  options: AnswerOptions = {},
): Promise<AskResponse> {
  const concepts = await conceptStatisticsOfIndex(reader);
  return composeAnswer(
    {
      retrieve: (query) => retrievePassages(reader, query),
      statistics: statisticsOfIndex(reader),
      concepts,
      vocabulary: concepts.vocabulary,
    },
    request,
    options,
  );
}
