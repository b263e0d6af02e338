// The pasted text as it was sent, each citation group marked by its verdict: an icon and the
// verdict in words for assistive technology and on hover, and the verdict's colour.
import { type CitationMark, TONE_ICONS, type VerifyView } from './verify-model.ts';

function describe(mark: CitationMark): string {
  return mark.checks.map((check) => `${check.label}: ${check.verdictLabel.toLowerCase()}`).join('; ');
}

function Mark({ text, mark }: { text: string; mark: CitationMark }) {
  const description = describe(mark);
  return (
    <mark
      className={`verdict-mark verdict-mark-${mark.tone}`}
      data-verdict={mark.checks.map((c) => c.verdict).join(' ')}
      title={description}
    >
      {text.slice(mark.start, mark.end)}
      <span className="verdict-mark-icons" aria-hidden="true">
        {mark.checks.map((check) => TONE_ICONS[check.tone]).join('')}
      </span>
      <span className="visually-hidden"> ({description})</span>
    </mark>
  );
}

/** The whole text, white space kept, with its citations marked. */
export function MarkedText({ view }: { view: Pick<VerifyView, 'text' | 'marks'> }) {
  const parts: Array<{ key: number; node: React.ReactNode }> = [];
  let at = 0;
  for (const mark of view.marks) {
    if (mark.start < at) continue;
    if (mark.start > at) parts.push({ key: at, node: view.text.slice(at, mark.start) });
    parts.push({ key: mark.start, node: <Mark text={view.text} mark={mark} /> });
    at = mark.end;
  }
  if (at < view.text.length) parts.push({ key: at, node: view.text.slice(at) });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="marked-text" aria-label="Your text with each citation marked by its verdict" tabIndex={0}>
      {parts.map((part) => (
        <span key={part.key}>{part.node}</span>
      ))}
    </section>
  );
}
