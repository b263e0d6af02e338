// The library's words as written (lower-cased, letters only) with how many papers use each, kept in
// buckets by length, so that the library word a typing slip from a misspelt one (typing-slips.ts) is
// found by comparing it only with words of about its length, each comparison cut short past the distance.

/** A library word close to another word: how many papers use it and how many edits away it is. */
export type VocabularyMatch = { word: string; documentFrequency: number; distance: number };

/** The words of a library, looked up by spelling. */
export type LibraryVocabulary = {
  /** How many distinct words it holds. */
  readonly size: number;
  /** How many papers use the word (lower-cased, as written). */
  documentFrequency(word: string): number;
  /**
   * The library word nearest `word` within `maxDistance`, as `distance` measures it (the question
   * reader's typing slips, typing-slips.ts); among the nearest, the one most papers use, then the
   * first alphabetically. Null when none is that close.
   */
  nearest(word: string, maxDistance: number, distance: WordDistance): VocabularyMatch | null;
};

/** How far apart two words are, or any number above `max` once they are known to be further. */
export type WordDistance = (word: string, libraryWord: string, max: number) => number;

/** The shortest word kept: a word is read as a library word from seven letters, one slip away (question-spelling.ts). */
export const SHORTEST_VOCABULARY_WORD = 6;

const LETTERS = /^\p{Ll}+$/u;

/** Whether a lower-cased word is kept in a vocabulary: letters only, at least six of them. */
export const isVocabularyWord = (word: string): boolean =>
  word.length >= SHORTEST_VOCABULARY_WORD && LETTERS.test(word);

type Bucket = { words: string[]; frequencies: number[] };

/** A vocabulary of words with their document frequencies (words that are not letters only are left out). */
export function vocabularyOf(frequency: ReadonlyMap<string, number>): LibraryVocabulary {
  const buckets = new Map<number, Bucket>();
  const kept = new Map<string, number>();
  for (const [word, df] of frequency) {
    if (!isVocabularyWord(word)) continue;
    kept.set(word, df);
    let bucket = buckets.get(word.length);
    if (!bucket) {
      bucket = { words: [], frequencies: [] };
      buckets.set(word.length, bucket);
    }
    bucket.words.push(word);
    bucket.frequencies.push(df);
  }
  return {
    size: kept.size,
    documentFrequency: (word) => kept.get(word) ?? 0,
    nearest(word, maxDistance, distanceOf) {
      let best: VocabularyMatch | null = null;
      for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
        const bucket = buckets.get(length);
        if (!bucket) continue;
        for (let i = 0; i < bucket.words.length; i++) {
          const candidate = bucket.words[i]!;
          const limit = best ? Math.min(best.distance, maxDistance) : maxDistance;
          const distance = distanceOf(word, candidate, limit);
          if (distance > limit) continue;
          const df = bucket.frequencies[i]!;
          if (
            !best ||
            distance < best.distance ||
            df > best.documentFrequency ||
            (df === best.documentFrequency && candidate < best.word)
          ) {
            best = { word: candidate, documentFrequency: df, distance };
          }
        }
      }
      return best;
    },
  };
}
