// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILTER_PAUSE_MS, TextFilter } from '../../../../web/src/pages/library/text-filter.tsx';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const box = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Filter by title or author' });
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });
const pause = () => act(() => vi.advanceTimersByTime(FILTER_PAUSE_MS));

describe('text-filter', () => {
  it('keeps a key typed after a pause when the page redraws with the filter of that pause', () => {
    const onChange = vi.fn();
    const { rerender } = render(<TextFilter value={undefined} onChange={onChange} />);
    type('Study');
    pause();
    expect(onChange).toHaveBeenLastCalledWith('Study');
    // The next keys land before the page has redrawn with the filter it was asked for.
    type('Study 0');
    rerender(<TextFilter value="Study" onChange={onChange} />);
    expect(box().value).toBe('Study 0');
    pause();
    expect(onChange).toHaveBeenLastCalledWith('Study 0');
    rerender(<TextFilter value="Study 0" onChange={onChange} />);
    expect(box().value).toBe('Study 0');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('keeps what was typed when the page catches up with two pauses at once', () => {
    const onChange = vi.fn();
    const { rerender } = render(<TextFilter value={undefined} onChange={onChange} />);
    type('gra');
    pause();
    type('graph');
    pause();
    type('graph n');
    rerender(<TextFilter value="gra" onChange={onChange} />);
    rerender(<TextFilter value="graph" onChange={onChange} />);
    expect(box().value).toBe('graph n');
  });

  it('shows a filter changed elsewhere (Back, a removed chip), and does not ask for it again', () => {
    const onChange = vi.fn();
    const { rerender } = render(<TextFilter value="attention" onChange={onChange} />);
    expect(box().value).toBe('attention');
    rerender(<TextFilter value="memory" onChange={onChange} />);
    expect(box().value).toBe('memory');
    rerender(<TextFilter value={undefined} onChange={onChange} />);
    expect(box().value).toBe('');
    pause();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('asks for the filter typed back to what the page shows while an earlier one is on its way', () => {
    const onChange = vi.fn();
    const { rerender } = render(<TextFilter value="ab" onChange={onChange} />);
    type('abc');
    pause();
    expect(onChange).toHaveBeenLastCalledWith('abc');
    type('ab');
    pause();
    expect(onChange).toHaveBeenLastCalledWith('ab');
    rerender(<TextFilter value="abc" onChange={onChange} />);
    rerender(<TextFilter value="ab" onChange={onChange} />);
    expect(box().value).toBe('ab');
  });
});
