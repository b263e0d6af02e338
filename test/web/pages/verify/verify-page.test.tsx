// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { readDraft } from '../../../../web/src/pages/verify/verify-draft.ts';
import { VerifyPage } from '../../../../web/src/pages/verify/verify-page.tsx';

const showPage = () =>
  render(
    <MemoryRouter>
      <VerifyPage />
    </MemoryRouter>,
  );

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('verify-page', () => {
  it('keeps the draft text and reference list when the page is left and opened again', () => {
    const first = showPage();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text with citations' }), {
      target: { value: 'Sinks are structural [1].' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Reference list (optional)' }), {
      target: { value: '[1] Why attention sinks appear in transformers. 2026.' },
    });
    first.unmount();

    showPage();
    expect((screen.getByRole('textbox', { name: 'Text with citations' }) as HTMLTextAreaElement).value).toBe(
      'Sinks are structural [1].',
    );
    expect((screen.getByRole('textbox', { name: 'Reference list (optional)' }) as HTMLTextAreaElement).value).toBe(
      '[1] Why attention sinks appear in transformers. 2026.',
    );
    expect(screen.getByRole('button', { name: 'Verify' })).toHaveProperty('disabled', false);
  });

  it('forgets the draft once both boxes are emptied, and reads a damaged saved draft as empty', () => {
    showPage();
    const box = screen.getByRole('textbox', { name: 'Text with citations' });
    fireEvent.change(box, { target: { value: 'x' } });
    expect(sessionStorage.length).toBe(1);
    fireEvent.change(box, { target: { value: '' } });
    expect(sessionStorage.length).toBe(0);

    sessionStorage.setItem('citelens.verify.draft', '{not json');
    expect(readDraft()).toEqual({ text: '', references: '' });
  });
});
