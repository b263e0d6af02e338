// Whether papers hold a phrase, read from their texts once per open index and remembered, so the next
// page of a phrase search (or the same search in another mode) reads no text again.
import type { IndexReader } from '../../indexer/index.ts';
import { type AnalyzedPhrase, paperHoldsPhrase } from './phrase-match.ts';

export const PHRASE_VERDICT_DEFAULTS = {
  /** Verdicts (paper × phrase) remembered per index before the memory is cleared. */
  maxKept: 200_000,
} satisfies Record<string, number>;

const kept = new WeakMap<IndexReader, { size: number; byPhrase: Map<string, Map<number, boolean>> }>();

function memoryOf(reader: IndexReader) {
  let memory = kept.get(reader);
  if (!memory || memory.size >= PHRASE_VERDICT_DEFAULTS.maxKept) {
    memory = { size: 0, byPhrase: new Map() };
    kept.set(reader, memory);
  }
  return memory;
}

function tablesOf(reader: IndexReader, phrases: readonly AnalyzedPhrase[]) {
  const memory = memoryOf(reader);
  const tables = phrases.map((phrase) => {
    const key = phrase.keys.join('\u0001');
    let table = memory.byPhrase.get(key);
    if (!table) {
      table = new Map();
      memory.byPhrase.set(key, table);
    }
    return table;
  });
  return { memory, tables };
}

/** How many of the papers have a verdict missing on one of the phrases (their text would be read). */
export function unreadCount(reader: IndexReader, docs: readonly number[], phrases: readonly AnalyzedPhrase[]): number {
  const { tables } = tablesOf(reader, phrases);
  let unread = 0;
  for (const doc of docs) if (tables.some((table) => !table.has(doc))) unread++;
  return unread;
}

/**
 * For each paper, whether its title or abstract holds each phrase (in the phrases' order). Texts are
 * read only for papers with a verdict missing; returns how many were read.
 */
export function phraseVerdicts(
  reader: IndexReader,
  docs: readonly number[],
  phrases: readonly AnalyzedPhrase[],
): { holds: (doc: number, phrase: number) => boolean; read: number } {
  const { memory, tables } = tablesOf(reader, phrases);
  const unread = docs.filter((doc) => tables.some((table) => !table.has(doc)));
  for (const paper of reader.papers.textsOf(unread)) {
    phrases.forEach((phrase, i) => {
      const table = tables[i]!;
      if (table.has(paper.doc)) return;
      table.set(paper.doc, paperHoldsPhrase(paper, phrase));
      memory.size++;
    });
  }
  return { holds: (doc, phrase) => tables[phrase]?.get(doc) ?? false, read: unread.length };
}
