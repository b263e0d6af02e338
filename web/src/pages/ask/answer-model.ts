// What the answer view shows, derived from the server's answer: sentences with the passages they
// cite (and the exact supporting span), numbered sources, the bottom line of a yes/no question, or
// an abstention with the closest papers and their scores.
import type { AskResponse, AnswerSource as ServerSource } from '../../../../server/answer/answer.schema.ts';
import type { Range } from '../../components/highlighted-text.tsx';
import { paperByline } from '../../components/paper-meta.tsx';
import { splitCitationMarkers } from './citation-markers.ts';

/** One citation of a sentence: the passage it points at and the words in it that back the sentence. */
export type CitedSpan = { n: number; passageId?: number; text: string; span: Range | null };

export type AnswerSentence = {
  text: string;
  /** What the sentence cites; numbers not marked in `text` are shown at its end. */
  citations: CitedSpan[];
  /** False when the sentence is flagged as unsupported by what it cites; null while unchecked. */
  supported: boolean | null;
  /** Why it was flagged. */
  note?: string;
  /** True while streaming: the text carries the writer's [n] markers. A finished sentence's text is the quote itself. */
  markers?: boolean;
};

/** The bottom line of a yes/no question, with the sources on each side. */
export type BottomLineView = {
  verdict: 'yes' | 'no' | 'mixed' | 'unclear';
  yes: Array<{ n: number; title: string }>;
  no: Array<{ n: number; title: string }>;
};

/** A paper close to an unanswered question, with the share of its key concepts it holds. */
export type ClosestPaperView = { paperId: string; title: string; score?: number; missing: string[] };

export type SourcePassageView = { id: number; text: string; spans: Range[] };

export type AnswerSource = {
  n: number;
  paperId: string;
  title: string;
  byline: string;
  /** Whether the answer cites this source (uncited ones were retrieved but not used). */
  cited: boolean;
  /** The passages shown: the cited ones, or the best one when none is cited. */
  passages: SourcePassageView[];
  /** Where the paper page opens: the first cited span (offsets into its field), or the first passage shown. */
  target: { passageId: number; start?: number; end?: number } | null;
};

export type AnswerView = {
  abstained: boolean;
  abstainReason?: string;
  sentences: AnswerSentence[];
  sources: AnswerSource[];
  closest: ClosestPaperView[];
  /** For a yes/no question: yes, no, mixed or unclear, shown above the answer. */
  bottomLine?: BottomLineView;
  /** Something the reader should know (the LLM failed, say). */
  notice?: string;
  /** How the answer was made, shown under it. */
  generatedBy?: string;
};

type Citation = AskResponse['answer']['sentences'][number]['citations'][number];
type ServerPassage = ServerSource['passages'][number];

/**
 * The source's passages a citation's span lies in, in order: one, or two or more when the answer
 * quotes a sentence with the one before it across adjoining passages; none when the span reaches
 * outside the passages the source carries.
 */
function passagesOfCitation(citation: Citation, source: ServerSource | undefined): ServerPassage[] {
  if (!source) return [];
  const field = fieldText(citation, source);
  const overlapping = source.passages
    .filter((p) => p.field === citation.field && p.start < citation.end && p.end > citation.start)
    .sort((a, b) => a.start - b.start);
  const first = overlapping[0];
  const last = overlapping.at(-1);
  if (!first || !last || first.start > citation.start || last.end < citation.end) return [];
  // Adjoining: only spaces (or nothing) between each passage and the one before; they may overlap.
  const adjoins = (p: ServerPassage, i: number) =>
    i === 0 || field.slice(overlapping[i - 1]!.end, p.start).trim() === '';
  return overlapping.every(adjoins) ? overlapping : [];
}

/** The paper field a citation's offsets are into. */
const fieldText = (citation: Citation, source: ServerSource): string =>
  citation.field === 'title' ? source.paper.title : source.paper.abstract;

// Offsets of a citation are into the paper field; the chip shows them inside the passage (or the
// adjoining passages it spans, read as one text).
function citedSpan(citation: Citation, source: ServerSource | undefined): CitedSpan {
  const passages = passagesOfCitation(citation, source);
  const first = passages[0];
  const last = passages.at(-1);
  if (source && first && last) {
    return {
      n: citation.n,
      passageId: citation.passageId,
      text: passages.length === 1 ? first.text : fieldText(citation, source).slice(first.start, last.end),
      span: { start: citation.start - first.start, end: citation.end - first.start },
    };
  }
  const text = source ? fieldText(citation, source).slice(citation.start, citation.end) : '';
  return { n: citation.n, passageId: citation.passageId, text, span: null };
}

function sourceView(source: ServerSource, citations: readonly Citation[]): AnswerSource {
  const mine = citations.filter((c) => c.n === source.n);
  // Each citation marks its part of every passage it spans (a joined quote marks two).
  const spans = new Map<number, Range[]>();
  for (const citation of mine)
    for (const p of passagesOfCitation(citation, source)) {
      const span = { start: Math.max(citation.start, p.start) - p.start, end: Math.min(citation.end, p.end) - p.start };
      spans.set(p.id, [...(spans.get(p.id) ?? []), span]);
    }
  const citedIds = new Set([...mine.map((c) => c.passageId), ...spans.keys()]);
  const shown = source.passages.filter((p) => citedIds.has(p.id));
  const passages = (shown.length > 0 ? shown : source.passages.slice(0, 1)).map((p) => ({
    id: p.id,
    text: p.text,
    spans: spans.get(p.id) ?? [],
  }));
  return {
    n: source.n,
    paperId: source.paper.id,
    title: source.paper.title,
    byline: paperByline(source.paper),
    cited: source.cited,
    passages,
    target: mine[0]
      ? { passageId: mine[0].passageId, start: mine[0].start, end: mine[0].end }
      : passages[0]
        ? { passageId: passages[0].id }
        : null,
  };
}

const MODE_LABELS: Record<AskResponse['mode'], string> = {
  extractive: 'Extractive answer: each sentence is taken from the cited passage.',
  generated: 'Written by the language model; every sentence was checked against the passages it cites.',
};

/** The view of a finished answer. */
export function answerView(response: AskResponse): AnswerView {
  const closest: ClosestPaperView[] =
    response.closest ?? response.sources.map((s) => ({ paperId: s.paper.id, title: s.paper.title, missing: [] }));
  const titleOf = (n: number) => ({ n, title: response.sources.find((s) => s.n === n)?.paper.title ?? `Source ${n}` });
  const base = {
    ...(response.notice ? { notice: response.notice } : {}),
    generatedBy: `${MODE_LABELS[response.mode]} ${Math.round(response.tookMs)} ms.`,
  };
  if (response.abstained) {
    return {
      abstained: true,
      ...(response.reason ? { abstainReason: response.reason } : {}),
      sentences: [],
      sources: [],
      closest,
      ...(response.notice ? { notice: response.notice } : {}),
    };
  }
  const bySource = new Map(response.sources.map((s) => [s.n, s]));
  const citations = response.answer.sentences.flatMap((s) => s.citations);
  return {
    abstained: false,
    sentences: response.answer.sentences.map((sentence) => ({
      text: sentence.text,
      citations: sentence.citations.map((c) => citedSpan(c, bySource.get(c.n))),
      supported: sentence.supported,
      ...(sentence.supported
        ? {}
        : { note: `the cited passages back it weakly (support ${Math.round(sentence.support * 100)}%)` }),
    })),
    sources: response.sources.map((s) => sourceView(s, citations)),
    closest,
    ...(response.bottomLine
      ? {
          bottomLine: {
            verdict: response.bottomLine.verdict,
            yes: response.bottomLine.yes.map(titleOf),
            no: response.bottomLine.no.map(titleOf),
          },
        }
      : {}),
    ...base,
  };
}

/**
 * The view of an answer still streaming: the text so far (a half-written marker at its end is
 * held back) with chips pointing at each source's best passage; nothing is checked yet.
 */
export function streamingView(sources: readonly ServerSource[], text: string): AnswerView {
  const visible = text.replace(/\s*\[[\d,\s]*$/u, '');
  const bySource = new Map(sources.map((s) => [s.n, s]));
  const known = new Set(bySource.keys());
  const numbers = [
    ...new Set(splitCitationMarkers(visible, known).flatMap((piece) => (piece.kind === 'cite' ? piece.numbers : []))),
  ];
  const citations: CitedSpan[] = numbers.map((n) => {
    const passage = bySource.get(n)?.passages[0];
    return { n, ...(passage ? { passageId: passage.id } : {}), text: passage?.text ?? '', span: null };
  });
  return {
    abstained: false,
    sentences: visible ? [{ text: visible, citations, supported: null, markers: true }] : [],
    sources: sources.map((s) => sourceView(s, [])),
    closest: [],
  };
}
