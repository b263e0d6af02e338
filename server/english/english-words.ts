// The English words a misspelling is told apart from: a question word that a library lacks but that
// is English ("mortality", or "defenders" by its base form "defender") is a word the library lacks,
// not a slip, and is never read as another ("morality"); and a capitalised word a dictionary knows
// ("Bayesian") is no name of the question's own. The words (english-words.txt, built from
// WordNet by build-english-words.ts) are read when a server starts serving (warmEnglishWords), or
// else on first need, and kept in memory after; without them no word is read as another.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.ts';

/** The word list shipped with the code (see encodeWords for its form). */
export const ENGLISH_WORDS_FILE = new URL('./english-words.txt', import.meta.url);

/** The shortest word kept: "running" (seven letters, the shortest a question word read) is "run" and "-ning". */
export const SHORTEST_ENGLISH_WORD = 3;

/** A prefix shared with the word before is written as one digit, so it is counted up to nine letters. */
const LONGEST_SHARED_PREFIX = 9;

/**
 * A sorted list of words as text: each line is the number of letters (0–9) the word shares with the
 * word before it, then the rest of the word ("decode", "decoder" → "0decode", "6r"), which writes
 * WordNet's words in about half the bytes of one word a line. Lines starting with # are comments.
 */
export function encodeWords(sorted: readonly string[], comments: readonly string[] = []): string {
  const lines = comments.map((comment) => `# ${comment}`);
  let previous = '';
  for (const word of sorted) {
    let shared = 0;
    const most = Math.min(previous.length, word.length, LONGEST_SHARED_PREFIX);
    while (shared < most && previous[shared] === word[shared]) shared++;
    lines.push(`${shared}${word.slice(shared)}`);
    previous = word;
  }
  return `${lines.join('\n')}\n`;
}

/** The words of a list written by encodeWords. */
export function decodeWords(text: string): Set<string> {
  const words = new Set<string>();
  let previous = '';
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const word = previous.slice(0, Number(line[0])) + line.slice(1);
    words.add(word);
    previous = word;
  }
  return words;
}

let loaded: Set<string> | undefined;
/** Why the list could not be read: remembered, so it is neither read again nor reported again. */
let unreadable: AppError | undefined;
let warming: Promise<void> | undefined;
/** Where the list's absence is reported (the server's notices once it warms the list up). */
let report: (message: string) => void = (message) => process.stderr.write(`${message}\n`);

function unreadableError(error: unknown): AppError {
  return new AppError(
    'INTERNAL',
    `The English word list ${fileURLToPath(ENGLISH_WORDS_FILE)} cannot be read (${(error as Error).message}); rebuild it with \`npm run build:english-words\`.`,
    undefined,
    { cause: error },
  );
}

function failed(error: unknown): AppError {
  if (!unreadable) {
    unreadable = unreadableError(error);
    report(`${unreadable.message} Misspelt question words are left as written until it is.`);
  }
  return unreadable;
}

/**
 * The shipped English words, read from ENGLISH_WORDS_FILE on the first call (at once, when
 * warmEnglishWords has not read them yet). Throws INTERNAL naming the file when it cannot be read.
 */
export function englishWords(): ReadonlySet<string> {
  if (unreadable) throw unreadable;
  if (!loaded) {
    try {
      loaded = decodeWords(fs.readFileSync(ENGLISH_WORDS_FILE, 'utf8'));
    } catch (error) {
      throw failed(error);
    }
  }
  return loaded;
}

/**
 * The English words, or undefined when the list cannot be read: reported once (to the warm-up's
 * notices, else standard error), and no question word is then read as another.
 */
export function englishWordsIfReadable(): ReadonlySet<string> | undefined {
  try {
    return englishWords();
  } catch {
    return undefined;
  }
}

/**
 * Reads the list without blocking (a server calls it as it starts serving), so that the first
 * question that needs it does not wait the 50–200 ms of a synchronous read. A list that cannot be
 * read is reported to `onNotice`, which later reports go to as well; never rejects.
 */
export function warmEnglishWords(onNotice?: (message: string) => void): Promise<void> {
  if (onNotice) report = onNotice;
  warming ??= fs.promises.readFile(ENGLISH_WORDS_FILE, 'utf8').then(
    (text) => {
      loaded ??= decodeWords(text);
    },
    (error: unknown) => {
      if (!loaded) failed(error);
    },
  );
  return warming;
}

/** Whether the shipped word list has been read yet (it is read only when a question needs it). */
export const englishWordsLoaded = (): boolean => loaded !== undefined;

// A consonant doubled before a suffix ("running", "stopped", "bigger") is written once in the base.
const undoubled = (stem: string): string[] =>
  stem.length > 2 && stem.at(-1) === stem.at(-2) && !'aeiou'.includes(stem.at(-1)!) ? [stem.slice(0, -1)] : [];

/**
 * Plurals that no ending rule undoes, of the groups and animals questions ask about ("in children",
 * "among women", "in mice"), each with its singular. The word list holds some of them ("men") but
 * not others ("children", "women", "mice").
 */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['mice', 'mouse'],
  ['lice', 'louse'],
  ['geese', 'goose'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
]);

/** The singular of an irregular plural ("children" → "child"), or undefined. */
export const singularOfIrregular = (word: string): string | undefined => IRREGULAR_PLURALS.get(word);

/**
 * The words a lower-case word may be an inflection of, by plain English rules: plurals (-s, -es,
 * -ies, and the irregular ones: "children", "women", "mice"), past forms (-ed, -ied), -ing,
 * comparatives (-er, -est, -ier, -iest) and adverbs (-ly, -ily, -ally, "simply" from "simple"), each
 * with a final e dropped or a consonant doubled. Candidates only: a word is English when one of them
 * is in the list, never because it has a suffix.
 */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  const singular = IRREGULAR_PLURALS.get(word);
  if (singular !== undefined) forms.push(singular);
  const cut = (n: number) => word.slice(0, -n);
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(cut(1));
  if (word.endsWith('es')) forms.push(cut(2));
  if (word.endsWith('ies')) forms.push(`${cut(3)}y`);
  if (word.endsWith('ed')) forms.push(cut(2), cut(1), ...undoubled(cut(2)));
  if (word.endsWith('ied')) forms.push(`${cut(3)}y`);
  if (word.endsWith('ing')) forms.push(cut(3), `${cut(3)}e`, ...undoubled(cut(3)));
  if (word.endsWith('er')) forms.push(cut(2), cut(1), ...undoubled(cut(2)));
  if (word.endsWith('ier')) forms.push(`${cut(3)}y`);
  if (word.endsWith('est')) forms.push(cut(3), cut(2), ...undoubled(cut(3)));
  if (word.endsWith('iest')) forms.push(`${cut(4)}y`);
  if (word.endsWith('ly')) forms.push(cut(2), `${cut(1)}e`);
  if (word.endsWith('ily')) forms.push(`${cut(3)}y`);
  if (word.endsWith('ally')) forms.push(cut(4));
  return forms.filter((form) => form.length >= SHORTEST_ENGLISH_WORD);
}

/**
 * Whether a word, or a base form of it (baseForms), is an English word: a lower-case word, or a
 * capitalised one as WordNet writes it ("Bayesian", "Europeans"); "english" is not "English".
 */
export function isEnglishWord(word: string, words: ReadonlySet<string> = englishWords()): boolean {
  return words.has(word) || baseForms(word).some((form) => words.has(form));
}
