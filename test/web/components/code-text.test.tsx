import { describe, expect, it } from 'vitest';
import { splitCode } from '../../../web/src/components/code-text.tsx';

describe('code-text', () => {
  it('turns text between backticks into code parts', () => {
    expect(splitCode('Build one with `citelens index <files> --index <dir>`.')).toEqual([
      { text: 'Build one with ', code: false },
      { text: 'citelens index <files> --index <dir>', code: true },
      { text: '.', code: false },
    ]);
  });

  it('leaves text with an unmatched backtick as it is', () => {
    expect(splitCode('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
    expect(splitCode('plain')).toEqual([{ text: 'plain', code: false }]);
  });
});
