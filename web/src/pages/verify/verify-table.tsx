// The verification table: one row per citation of each claim, with its verdict in words (not only
// colour), the evidence sentence (which opens in its abstract), and better-supported papers.
import { Link } from 'react-router';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { EvidenceInAbstract } from './evidence-in-abstract.tsx';
import { type CitationCheck, type ClaimCheck, TONE_ICONS } from './verify-model.ts';

const paperLink = (paperId: string) => `/papers/${encodeURIComponent(paperId)}`;

function Verdict({ check }: { check: CitationCheck }) {
  return (
    <span className={`verdict verdict-${check.tone}`} data-verdict={check.verdict}>
      <span aria-hidden="true">{TONE_ICONS[check.tone]}</span> {check.verdictLabel}
    </span>
  );
}

function BetterPapers({ claim }: { claim: ClaimCheck }) {
  if (claim.better.length === 0) return <span className="muted">None better</span>;
  return (
    <ul className="better-list">
      {claim.better.map((paper) => (
        <li key={paper.paperId}>
          <Link to={paperLink(paper.paperId)}>{paper.title}</Link>
          {paper.evidence ? <span className="better-evidence">“{paper.evidence}”</span> : null}
        </li>
      ))}
    </ul>
  );
}

function CitationCells({ check }: { check: CitationCheck }) {
  return (
    <>
      <td data-label="Citation">
        <span className="citation-label mono">{check.label}</span>
        {check.paper ? (
          <Link className="citation-paper" to={paperLink(check.paper.paperId)}>
            {check.paper.title}
          </Link>
        ) : (
          <span className="citation-paper muted">{check.reference ?? 'Not in the library'}</span>
        )}
        {check.part ? <span className="citation-part muted">Judged for “{check.part}”</span> : null}
        {check.closest ? (
          <span className="citation-closest">
            Most like <Link to={paperLink(check.closest.paperId)}>{check.closest.title}</Link>{' '}
            <span className="muted">({Math.round(check.closest.score * 100)}% of title words shared)</span>
          </span>
        ) : null}
      </td>
      <td data-label="Verdict">
        <Verdict check={check} />
        {check.reason ? <span className="verdict-reason muted">{check.reason}</span> : null}
      </td>
      <td data-label="Evidence">
        {check.evidence ? (
          <>
            <q className="evidence">
              <HighlightedText
                text={check.evidence.text}
                ranges={check.evidence.span ? [check.evidence.span] : []}
                markClass="cited"
              />
            </q>
            {check.paper ? <EvidenceInAbstract paperId={check.paper.paperId} evidence={check.evidence} /> : null}
          </>
        ) : (
          <span className="muted">No evidence sentence</span>
        )}
      </td>
    </>
  );
}

export function VerifyTable({ claims }: { claims: readonly ClaimCheck[] }) {
  return (
    <div className="table-scroll">
      <table className="verify-table">
        <caption className="visually-hidden">
          Each claim, the verdict for each of its citations, and the evidence
        </caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Citation</th>
            <th scope="col">Verdict</th>
            <th scope="col">Evidence</th>
            <th scope="col">Better-supported papers</th>
          </tr>
        </thead>
        {claims.map((claim, i) => {
          const rows = Math.max(1, claim.citations.length);
          return (
            // One tbody per claim groups its rows for the eye and for assistive technology.
            // biome-ignore lint/suspicious/noArrayIndexKey: claims keep their order from the text.
            <tbody key={i} className="claim-group">
              {(claim.citations.length > 0 ? claim.citations : [undefined]).map((check, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: citations keep their order in the claim.
                <tr key={j}>
                  {j === 0 ? (
                    <th scope="rowgroup" rowSpan={rows} className="claim-cell" data-label="Claim">
                      {claim.claim}
                    </th>
                  ) : null}
                  {check ? (
                    <CitationCells check={check} />
                  ) : (
                    <td colSpan={3} data-label="Citation" className="muted">
                      This claim cites nothing.
                    </td>
                  )}
                  {j === 0 ? (
                    <td rowSpan={rows} data-label="Better-supported papers">
                      <BetterPapers claim={claim} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
