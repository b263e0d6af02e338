import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

// A file of its own: node:fs answers ENOENT for the shipped word list, as in an install that lost it.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const missing = (file: unknown) => String(file).endsWith('english-words.txt');
  const enoent = (file: unknown) =>
    Object.assign(new Error(`ENOENT: no such file or directory, open '${String(file)}'`), { code: 'ENOENT' });
  const readFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (missing(file)) throw enoent(file);
    return (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  const readFile = (async (file: unknown, ...rest: unknown[]) => {
    if (missing(file)) throw enoent(file);
    return (fs.promises.readFile as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.promises.readFile;
  const mocked = { ...fs, readFileSync, promises: { ...fs.promises, readFile } };
  return { ...mocked, default: mocked };
});

const texts = ['Speculative decoding drafts tokens with a small model.'];
const concepts = conceptStatisticsOfTexts(texts);
const library = { vocabulary: concepts.vocabulary, concepts, statistics: statisticsOfTexts(texts) };

// Each test reads the list afresh (the module keeps what it read, or failed to read, for the process).
beforeEach(() => vi.resetModules());
afterEach(() => vi.restoreAllMocks());

describe('english-words: the shipped list missing', () => {
  it('leaves a misspelt question word as written, saying why once in the log, instead of failing the question', async () => {
    const logged: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    const { readQuestion } = await import('../../../server/answer/question-spelling.ts');
    expect(readQuestion('Is speculative decodng fast?', library)).toEqual({
      question: 'Is speculative decodng fast?',
      readings: [],
    });
    expect(readQuestion('Is speculative decodng slow?', library).readings).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /english-words\.txt cannot be read \(ENOENT.*npm run build:english-words.*left as written/u,
    );
  });

  it('is a coded error (INTERNAL) naming the file and how to rebuild it, for a caller that needs the words', async () => {
    const { englishWords } = await import('../../../server/english/english-words.ts');
    expect(() => englishWords()).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: expect.stringContaining('npm run build:english-words') }),
    );
  });

  it('is reported to the warm-up notice when the server starts, and the first question then reads nothing', async () => {
    const { warmEnglishWords } = await import('../../../server/english/english-words.ts');
    const { readQuestion } = await import('../../../server/answer/question-spelling.ts');
    const notices: string[] = [];
    await warmEnglishWords((message) => notices.push(message));
    expect(notices).toEqual([expect.stringMatching(/english-words\.txt cannot be read .*left as written/u)]);
    expect(readQuestion('Is speculative decodng fast?', library).readings).toEqual([]);
    expect(notices).toHaveLength(1);
  });
});
