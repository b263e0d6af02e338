import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  baseForms,
  decodeWords,
  ENGLISH_WORDS_FILE,
  encodeWords,
  englishWords,
  isEnglishWord,
} from '../../../server/english/english-words.ts';

describe('english-words', () => {
  it('writes a sorted list as the letters each word shares with the one before, and reads it back', () => {
    const words = ['decode', 'decoder', 'decoding', 'morality', 'mortality', 'transformational', 'transformer'];
    const text = encodeWords(words, ['a comment']);
    expect(text).toBe('# a comment\n0decode\n6r\n5ing\n0morality\n3tality\n0transformational\n9er\n');
    expect([...decodeWords(text)]).toEqual(words);
  });

  it('offers the base forms of plain English inflections, with a final e dropped or a consonant doubled', () => {
    const cases: Array<[string, string]> = [
      ['defenders', 'defender'],
      ['statins', 'statin'],
      ['approaches', 'approach'],
      ['studies', 'study'],
      ['resected', 'resect'],
      ['compared', 'compare'],
      ['stopped', 'stop'],
      ['applied', 'apply'],
      ['sharing', 'share'],
      ['running', 'run'],
      ['retraining', 'retrain'],
      ['smaller', 'small'],
      ['happiest', 'happy'],
      ['quickly', 'quick'],
      ['probably', 'probable'],
      ['basically', 'basic'],
      ['steadily', 'steady'],
    ];
    for (const [word, base] of cases) expect(baseForms(word), word).toContain(base);
    expect(baseForms('mortality')).toEqual([]);
    expect(baseForms('process')).toEqual([]);
  });

  it('knows English words and their inflections from the shipped list, and not misspellings', () => {
    for (const word of ['mortality', 'morality', 'dangerous', 'defenders', 'statins', 'sharing', 'infection'])
      expect(isEnglishWord(word), word).toBe(true);
    for (const word of ['decodng', 'atention', 'transfomer', 'prospcts', 'abstreact', 'compuyter', 'suybsystem'])
      expect(isEnglishWord(word), word).toBe(false);
  });

  it('knows the irregular plurals of the groups questions ask about ("children", "women", "mice")', () => {
    for (const [plural, singular] of [
      ['children', 'child'],
      ['women', 'woman'],
      ['mice', 'mouse'],
      ['geese', 'goose'],
    ]) {
      expect(baseForms(plural!), plural).toContain(singular);
      expect(isEnglishWord(plural!), plural).toBe(true);
    }
  });

  it('knows the capitalised words WordNet writes, as it writes them, and not coined names', () => {
    for (const word of [
      'English',
      'Bayesian',
      'Gaussian',
      'Markov',
      'Poisson',
      'Boolean',
      'Fourier',
      'Spanish',
      'Europe',
      'Europeans',
    ])
      expect(isEnglishWord(word), word).toBe(true);
    for (const word of ['english', 'Fooformer', 'Kalman']) expect(isEnglishWord(word), word).toBe(false);
  });

  it('knows no name WordNet lists only among people, gods or stars, or inside the name of one', () => {
    for (const word of ['Claude', 'Gemini', 'Pythia', 'Minerva', 'Athena', 'Watson', 'Galactica'])
      expect(isEnglishWord(word), word).toBe(false);
  });

  it('ships a compact list of lower-case words and capitalised ones as WordNet writes them', () => {
    const text = fs.readFileSync(ENGLISH_WORDS_FILE, 'utf8');
    expect(text.length).toBeLessThan(500_000);
    const words = englishWords();
    expect(words.size).toBeGreaterThan(60_000);
    expect([...words].every((word) => /^(?:[a-z]{3,}|[A-Z][a-z]{2,})$/.test(word))).toBe(true);
    expect(words.has('washington')).toBe(false);
    expect(words.has('Washington')).toBe(true);
  });

  it('is read off the request path by the warm-up a server starts, once however often it is asked', async () => {
    vi.resetModules();
    const fresh = await import('../../../server/english/english-words.ts');
    expect(fresh.englishWordsLoaded()).toBe(false);
    const notices: string[] = [];
    await Promise.all([fresh.warmEnglishWords(notices.push.bind(notices)), fresh.warmEnglishWords()]);
    expect(fresh.englishWordsLoaded()).toBe(true);
    expect(notices).toEqual([]);
    expect(fresh.isEnglishWord('mortality')).toBe(true);
    expect(fresh.englishWords().size).toBe(englishWords().size);
  });
});
