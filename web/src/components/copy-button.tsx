// A button that copies text to the clipboard and says so; where the clipboard is not allowed it
// shows the text selected, ready for Ctrl+C.
import { useEffect, useRef, useState } from 'react';

export function CopyButton({
  text,
  label,
  copiedLabel = 'Copied',
}: {
  text: string;
  label: string;
  copiedLabel?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const fallback = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state === 'manual') fallback.current?.select();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <span className="copy">
      {/* The button itself says "copied" for a moment, so no room is kept beside it for a message. */}
      <button type="button" className="button" onClick={copy} data-copied={state === 'copied' ? '' : undefined}>
        {state === 'copied' ? `✓ ${copiedLabel}` : label}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {state === 'copied' ? copiedLabel : ''}
      </span>
      {state === 'manual' ? (
        <label className="copy-fallback">
          <span>The browser did not allow copying; the text is selected, press Ctrl+C (⌘C).</span>
          <textarea
            ref={fallback}
            className="input mono"
            readOnly
            rows={Math.min(10, text.split('\n').length)}
            value={text}
          />
        </label>
      ) : null}
    </span>
  );
}
