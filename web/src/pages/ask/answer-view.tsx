// A cited answer: the bottom line of a yes/no question, each sentence with its citation chips
// (unsupported sentences visibly marked), or a plain abstention with the closest papers and their
// scores; then the numbered sources the chips point to (beside the answer on wide screens).
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ChipSource, CitationChip } from '../../components/citation-chip.tsx';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import type {
  AnswerView as AnswerModel,
  AnswerSentence,
  AnswerSource,
  BottomLineView,
  CitedSpan,
} from './answer-model.ts';
import { splitCitationMarkers, type TextPiece } from './citation-markers.ts';

/** A paper's page; with a target, the page marks that passage, or the cited span within it. */
function paperPath(paperId: string, target?: AnswerSource['target']): string {
  const path = `/papers/${encodeURIComponent(paperId)}`;
  if (!target) return path;
  const span = target.start !== undefined && target.end !== undefined ? `&start=${target.start}&end=${target.end}` : '';
  return `${path}?passage=${target.passageId}${span}`;
}

// Citations a sentence does not mark go before its final punctuation, as a writer would put them.
function withTrailingCitations(text: string, numbers: number[], known: ReadonlySet<number> | null): TextPiece[] {
  const pieces: TextPiece[] = known ? splitCitationMarkers(text, known) : [{ kind: 'text', text }];
  if (numbers.length === 0) return pieces;
  const last = pieces.at(-1);
  const end = last?.kind === 'text' ? /[.!?]["'”’)]*\s*$/u.exec(last.text) : null;
  if (last?.kind !== 'text' || !end) return [...pieces, { kind: 'cite', numbers }];
  return [
    ...pieces.slice(0, -1),
    { kind: 'text', text: last.text.slice(0, end.index) },
    { kind: 'cite', numbers },
    { kind: 'text', text: last.text.slice(end.index) },
  ];
}

function Sentence({
  sentence,
  titles,
  onCite,
}: {
  sentence: AnswerSentence;
  titles: ReadonlyMap<number, string>;
  onCite: (n: number) => void;
}) {
  // Only a streaming sentence carries [n] markers; a finished one is the quote, whose own "[7]" is text.
  const known = sentence.markers ? new Set(titles.keys()) : null;
  const marked = new Set(
    known
      ? splitCitationMarkers(sentence.text, known).flatMap((piece) => (piece.kind === 'cite' ? piece.numbers : []))
      : [],
  );
  const trailing = [...new Set(sentence.citations.map((c) => c.n).filter((n) => !marked.has(n)))];
  const pieces = withTrailingCitations(sentence.text, trailing, known);
  const cited = new Map<number, CitedSpan>();
  for (const citation of sentence.citations) if (!cited.has(citation.n)) cited.set(citation.n, citation);
  const sourceOf = (n: number): ChipSource | undefined => {
    const title = titles.get(n);
    if (title === undefined) return undefined;
    const span = cited.get(n);
    return { title, text: span?.text ?? '', span: span?.span ?? null };
  };
  const unsupported = sentence.supported === false;
  return (
    <span className={`sentence${unsupported ? ' unsupported' : ''}`} data-supported={String(sentence.supported)}>
      {pieces.map((piece, i) =>
        piece.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one sentence never reorder.
          <span key={i} className="sentence-text">
            {piece.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one sentence never reorder.
          <span key={i} className="chips">
            {piece.numbers.map((n) => (
              <CitationChip key={n} n={n} source={sourceOf(n)} onActivate={onCite} />
            ))}
          </span>
        ),
      )}
      {unsupported ? (
        <span className="unsupported-flag">
          not supported
          {sentence.note ? <span className="visually-hidden">: {sentence.note}</span> : null}
        </span>
      ) : null}{' '}
    </span>
  );
}

function SourceItem({ source, focused }: { source: AnswerSource; focused: boolean }) {
  return (
    <li
      id={`source-${source.n}`}
      className={`source card${focused ? ' is-focused' : ''}${source.cited ? '' : ' is-uncited'}`}
      tabIndex={-1}
      data-source={source.n}
    >
      <span className="source-number" aria-hidden="true">
        {source.n}
      </span>
      <div className="source-body">
        <h3 className="source-title">
          <Link to={paperPath(source.paperId, source.target)}>
            <span className="visually-hidden">Source {source.n}: </span>
            {source.title}
          </Link>
        </h3>
        {source.byline ? <p className="paper-meta">{source.byline}</p> : null}
        {source.passages.map((passage) => (
          <p key={passage.id} className="source-text">
            <HighlightedText text={passage.text} ranges={passage.spans} markClass="cited" />
          </p>
        ))}
      </div>
    </li>
  );
}

/** The numbered sources; when the answer cites some, the others fold away under a summary. */
export function SourcesList({ sources, focused }: { sources: readonly AnswerSource[]; focused: number | null }) {
  const anyCited = sources.some((s) => s.cited);
  const main = anyCited ? sources.filter((s) => s.cited) : sources;
  const rest = anyCited ? sources.filter((s) => !s.cited) : [];
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ol className="source-list">
        {main.map((source) => (
          <SourceItem key={source.n} source={source} focused={focused === source.n} />
        ))}
      </ol>
      {rest.length > 0 ? (
        <details className="more-sources">
          <summary>
            {rest.length} more {rest.length === 1 ? 'passage was' : 'passages were'} retrieved but not cited
          </summary>
          <ol className="source-list">
            {rest.map((source) => (
              <SourceItem key={source.n} source={source} focused={focused === source.n} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

const VERDICT_LABELS: Record<BottomLineView['verdict'], string> = {
  yes: 'Yes',
  no: 'No',
  mixed: 'Mixed',
  unclear: 'Unclear',
};

const sourceNumbers = (side: BottomLineView['yes']) => side.map((s) => `[${s.n}]`).join(', ');

/** The one-line answer to a yes/no question, with the sources on each side. */
export function BottomLine({ line }: { line: BottomLineView }) {
  const sides = [
    line.yes.length > 0 ? `for: ${sourceNumbers(line.yes)}` : '',
    line.no.length > 0 ? `against: ${sourceNumbers(line.no)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  // An unclear line may still cite a finding on one side: too little to commit, but worth showing.
  const detail =
    line.verdict !== 'unclear'
      ? sides
      : sides
        ? `the cited findings are too few to commit (${sides})`
        : 'the cited sentences report no finding on it';
  return (
    <p className={`bottom-line bottom-line-${line.verdict}`} data-verdict={line.verdict}>
      <span className="bottom-line-label">Bottom line</span>{' '}
      <strong className="bottom-line-verdict">{VERDICT_LABELS[line.verdict]}</strong>
      <span className="bottom-line-sides muted"> — {detail}</span>
      {[...line.yes, ...line.no].length > 0 ? (
        <span className="visually-hidden">
          {line.yes.length > 0 ? ` Backing it: ${line.yes.map((s) => s.title).join('; ')}.` : ''}
          {line.no.length > 0 ? ` Against it: ${line.no.map((s) => s.title).join('; ')}.` : ''}
        </span>
      ) : null}
    </p>
  );
}

/** The closest papers to an unanswered question, each with how much of the question it holds. */
function ClosestPapers({ papers }: { papers: AnswerModel['closest'] }) {
  return (
    <>
      <p className="muted">The closest papers it has:</p>
      <ul className="closest-list">
        {papers.map((paper) => (
          <li key={paper.paperId} data-closest={paper.paperId}>
            <Link to={paperPath(paper.paperId)}>{paper.title || paper.paperId}</Link>
            {paper.score !== undefined ? (
              <span className="closest-score muted">
                {' '}
                — holds {Math.round(paper.score * 100)}% of the question's key concepts
                {paper.missing.length > 0 ? `; lacks ${paper.missing.slice(0, 3).join(', ')}` : ''}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The answer and its sources. `streaming` shows the answer is still arriving. */
export function AnswerView({ answer, streaming = false }: { answer: AnswerModel; streaming?: boolean }) {
  const titles = new Map(answer.sources.map((s) => [s.n, s.title]));
  // `at` makes a second click on the same chip scroll again.
  const [target, setTarget] = useState<{ n: number; at: number } | null>(null);
  const onCite = (n: number) => setTarget({ n, at: Date.now() });

  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(`source-${target.n}`);
    const folded = element?.closest('details');
    if (folded) folded.open = true;
    element?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    element?.focus({ preventScroll: true });
  }, [target]);

  return (
    <div className="answer-layout">
      <section className="answer card" aria-labelledby="answer-heading" aria-busy={streaming}>
        <h2 id="answer-heading">{answer.abstained ? 'No answer from the library' : 'Answer'}</h2>
        {answer.notice ? (
          <p className="notice notice-warning answer-notice" role="note">
            {answer.notice}
          </p>
        ) : null}
        {answer.abstained ? (
          <div className="abstention" data-abstained="">
            <p>{answer.abstainReason ?? 'The library does not hold enough evidence to answer this question.'}</p>
            {answer.closest.length > 0 ? <ClosestPapers papers={answer.closest} /> : null}
          </div>
        ) : (
          <>
            {answer.bottomLine && !streaming ? <BottomLine line={answer.bottomLine} /> : null}
            <p className="answer-text">
              {answer.sentences.map((sentence, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sentences only ever append while streaming.
                <Sentence key={i} sentence={sentence} titles={titles} onCite={onCite} />
              ))}
              {streaming ? <span className="typing" aria-hidden="true" /> : null}
            </p>
          </>
        )}
        {!streaming && !answer.abstained && answer.sentences.some((s) => s.supported === false) ? (
          <p className="muted answer-note">
            Sentences marked <span className="unsupported-flag">not supported</span> are not backed by the passages they
            cite; read them with care.
          </p>
        ) : null}
        {answer.generatedBy && !streaming ? <p className="answer-footer muted">{answer.generatedBy}</p> : null}
      </section>
      {answer.sources.length > 0 && !answer.abstained ? (
        <SourcesList sources={answer.sources} focused={target?.n ?? null} />
      ) : null}
    </div>
  );
}
