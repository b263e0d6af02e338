// The evidence sentence shown where it stands in the cited paper's abstract: a disclosure that
// loads the paper when first opened and marks the sentence within the whole abstract.
import { useState } from 'react';
import { getPaper } from '../../api/library.api.ts';
import { useRequest } from '../../api/use-request.ts';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { ErrorNotice, Loading } from '../../components/status.tsx';

/** A paper's abstract (or title) with the sentence at `start`–`end` marked. */
export function AbstractWithEvidence({ text, start, end }: { text: string; start: number; end: number }) {
  return (
    <p className="evidence-context">
      <HighlightedText text={text} ranges={[{ start, end }]} markClass="evidence-mark" />
    </p>
  );
}

/** "Show in the abstract": loads the paper on first opening, then shows its abstract with the evidence marked. */
export function EvidenceInAbstract({
  paperId,
  evidence,
}: {
  paperId: string;
  evidence: { start: number; end: number; field: 'title' | 'abstract' };
}) {
  const [open, setOpen] = useState(false);
  const paper = useRequest(open ? paperId : null, (signal) => getPaper(paperId, signal));
  return (
    <details className="evidence-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show in the {evidence.field}</summary>
      {paper.status === 'loading' ? <Loading label="Loading the paper…" lines={2} /> : null}
      {paper.status === 'error' && paper.error ? (
        <ErrorNotice error={paper.error} title="The paper could not be loaded" />
      ) : null}
      {paper.data ? (
        <AbstractWithEvidence
          text={evidence.field === 'title' ? paper.data.paper.title : paper.data.paper.abstract}
          start={evidence.start}
          end={evidence.end}
        />
      ) : null}
    </details>
  );
}
