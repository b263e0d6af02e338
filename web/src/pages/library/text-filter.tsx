// The Library's "filter by title or author" box: what is typed filters after a pause. The box
// shows what was typed, not the URL: the URL catching up with an earlier pause never takes back a
// key typed since; a change from elsewhere (Back, a removed filter chip) replaces the text.
import { useEffect, useRef, useState } from 'react';

/** How long typing pauses before the table filters. */
export const FILTER_PAUSE_MS = 250;

export type TextFilterProps = {
  /** The filter the table shows (from the URL). */
  value: string | undefined;
  /** Asks for another filter; `value` follows once the table shows it. */
  onChange: (text: string | undefined) => void;
};

export function TextFilter({ value, onChange }: TextFilterProps) {
  const [draft, setDraft] = useState(value ?? '');
  // Filters asked for that `value` has not yet caught up with, oldest first.
  const asked = useRef<Array<string | undefined>>([]);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const echo = asked.current.indexOf(value);
    if (echo >= 0) {
      // One of ours arriving: the box already holds it, or what was typed after it.
      asked.current.splice(0, echo + 1);
      return;
    }
    asked.current = [];
    setDraft(value ?? '');
  }, [value]);

  useEffect(() => {
    const next = draft.trim() || undefined;
    const pending = asked.current;
    if (next === (pending.length > 0 ? pending[pending.length - 1] : value)) return;
    const timer = setTimeout(() => {
      asked.current.push(next);
      latestOnChange.current(next);
    }, FILTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <label className="field library-filter">
      <span className="field-label">Filter by title or author</span>
      <input
        className="input"
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        placeholder="e.g. attention"
      />
    </label>
  );
}
