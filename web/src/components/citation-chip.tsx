// An inline citation: a focusable chip that names its paper to assistive technology, shows the
// cited passage (with the exact supporting span highlighted) on hover or focus, and on click
// asks its owner to reveal the source.
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { HighlightedText, type Range } from './highlighted-text.tsx';

/** What a chip shows about its source: the paper and the passage, with the span that supports the sentence. */
export type ChipSource = {
  title: string;
  /** The cited passage text. */
  text: string;
  /** Offsets in `text` of the words that support the sentence; the whole passage when absent. */
  span?: Range | null;
};

type Align = 'start' | 'end' | 'center';

// Keeps a desktop popover on screen: it opens to the side of the chip with more room.
function alignFor(element: HTMLElement | null): Align {
  if (!element || typeof window === 'undefined') return 'start';
  const rect = element.getBoundingClientRect();
  const width = Math.min(416, window.innerWidth - 32);
  if (rect.left + width <= window.innerWidth - 8) return 'start';
  if (rect.right - width >= 8) return 'end';
  return 'center';
}

export function CitationChip({
  n,
  source,
  onActivate,
}: {
  n: number;
  /** Undefined when the citation resolves to no source. */
  source: ChipSource | undefined;
  onActivate?: (n: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const [align, setAlign] = useState<Align>('start');
  const button = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const show = () => {
    setAlign(alignFor(button.current));
    setOpen(true);
  };
  const hide = () => setOpen(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      hide();
    }
  };
  const label = source ? `Citation ${n}: ${source.title}` : `Citation ${n}: no matching source`;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover on the wrapper lets the pointer move onto the popover; the button is the control.
    <span className="chip-anchor" onMouseEnter={show} onMouseLeave={hide}>
      <button
        ref={button}
        type="button"
        className={`chip${source ? '' : ' chip-unresolved'}`}
        data-citation={n}
        aria-label={label}
        aria-describedby={open ? popoverId : undefined}
        data-open={open ? '' : undefined}
        onFocus={show}
        onBlur={hide}
        onKeyDown={onKeyDown}
        onClick={() => onActivate?.(n)}
      >
        {n}
      </button>
      {open ? (
        <span className={`popover align-${align}`} role="tooltip" id={popoverId} data-citation-popover={n}>
          {source ? (
            <>
              <span className="popover-title">{source.title}</span>
              <span className="popover-text">
                <HighlightedText text={source.text} ranges={source.span ? [source.span] : []} markClass="cited" />
              </span>
              <span className="popover-more">Click to go to the source</span>
            </>
          ) : (
            <span className="popover-text">This citation does not match any source in the answer.</span>
          )}
        </span>
      ) : null}
    </span>
  );
}
