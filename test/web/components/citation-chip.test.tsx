// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationChip } from '../../../web/src/components/citation-chip.tsx';

const source = {
  title: 'Attention Sinks Explained',
  text: 'Sinks appear early. The sink is a structural artefact of variance. Nothing else.',
  span: { start: 20, end: 66 },
};

afterEach(cleanup);

describe('citation-chip', () => {
  it('is a focusable button carrying data-citation and a label naming the paper', () => {
    render(<CitationChip n={2} source={source} />);
    const chip = screen.getByRole('button', { name: 'Citation 2: Attention Sinks Explained' });
    expect(chip.getAttribute('data-citation')).toBe('2');
    expect(chip.textContent).toBe('2');
    chip.focus();
    expect(document.activeElement).toBe(chip);
  });

  it('shows the cited passage with the exact supporting span highlighted when focused', async () => {
    const user = userEvent.setup();
    render(<CitationChip n={1} source={source} />);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.tab();
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toContain('Sinks appear early.');
    const marks = tooltip.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('The sink is a structural artefact of variance.');
    expect(screen.getByRole('button').getAttribute('aria-describedby')).toBe(tooltip.id);
  });

  it('shows the passage on hover and hides it when the pointer leaves', async () => {
    const user = userEvent.setup();
    render(<CitationChip n={1} source={source} />);
    await user.hover(screen.getByRole('button'));
    expect(screen.getByRole('tooltip').textContent).toContain(source.title);
    await user.unhover(screen.getByRole('button'));
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('hides the passage on Escape and keeps focus on the chip', async () => {
    const user = userEvent.setup();
    render(<CitationChip n={1} source={source} />);
    await user.tab();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button'));
  });

  it('reports its number when clicked or pressed with Enter', async () => {
    const user = userEvent.setup();
    const onActivate = vi.fn();
    render(<CitationChip n={3} source={source} onActivate={onActivate} />);
    await user.click(screen.getByRole('button'));
    await user.keyboard('{Enter}');
    expect(onActivate).toHaveBeenCalledTimes(2);
    expect(onActivate).toHaveBeenCalledWith(3);
  });

  it('says plainly when the citation resolves to no source', async () => {
    const user = userEvent.setup();
    render(<CitationChip n={9} source={undefined} />);
    const chip = screen.getByRole('button', { name: 'Citation 9: no matching source' });
    expect(chip.className).toContain('chip-unresolved');
    await user.hover(chip);
    expect(screen.getByRole('tooltip').textContent).toContain('does not match any source');
  });

  it('renders a title holding markup as text, never as HTML', async () => {
    const user = userEvent.setup();
    const title = '<img src=x onerror="window.__pwned=1">Title';
    render(<CitationChip n={1} source={{ ...source, title }} />);
    await user.hover(screen.getByRole('button'));
    expect(screen.getByRole('tooltip').querySelector('img')).toBeNull();
    expect(screen.getByRole('tooltip').textContent).toContain(title);
  });
});
