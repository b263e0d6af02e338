import { describe, expect, it } from 'vitest';
import { fold, isAscii } from '../../../indexer/text/fold.ts';

describe('fold', () => {
  it('writes a word the same with or without its accents, in any case', () => {
    expect(new Set(['naïve', 'naive', 'NAÏVE', 'nai\u0308ve'].map(fold))).toEqual(new Set(['naive']));
    expect(fold('Krüppel Pérez Łódź Ångström')).toBe('kruppel perez lodz angstrom');
  });

  it('expands ligatures and fullwidth and other compatibility forms', () => {
    expect(fold('ﬁne-tuning')).toBe('fine-tuning');
    expect(fold('ＢＥＲＴ １２')).toBe('bert 12');
    expect(fold('x²')).toBe('x2');
  });

  it('spells the letters that carry no separable accent as a reader without them writes them', () => {
    expect(fold('Ørsted Łukasz Đorđe Straße Æsir Œuvre ıs')).toBe('orsted lukasz dorde strasse aesir oeuvre is');
  });

  it('keeps marks that belong to letters of other scripts, such as Hangul syllables and voiced kana', () => {
    expect(fold('한국어 がぎ')).toBe('한국어 がぎ');
  });

  it('lowercases ASCII text and nothing more', () => {
    expect(isAscii('Plain TEXT, 42.')).toBe(true);
    expect(isAscii('naïve')).toBe(false);
    expect(fold('Plain TEXT, 42.')).toBe('plain text, 42.');
  });
});
