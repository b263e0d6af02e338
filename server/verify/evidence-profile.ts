// Candidate evidence sentences (a paper's title and abstract sentences, or the passages a sentence
// cites) analyzed once: each sentence's terms and TF-IDF vector, the counts and vectors of the
// whole, and what the stance is read on. A claim is then compared with them (support-features.ts),
// so a paper judged against several claims, or twice, is read once.
import type { Abbreviation } from '../../indexer/text/abbreviations.ts';
import { terms, tokenize } from '../../indexer/text/analyze.ts';
import { caseless } from './caseless-pattern.ts';
import { type Cues, cuesOf, numbersOf } from './claim-cues.ts';
import type { EvidenceSentence } from './evidence-sentences.ts';
import { isFinding, STANCE_MAX_CHARS, VOTE_MAX_SENTENCES, type VoteSentence } from './judge/stance-features.ts';
import { spelledNumbersOf } from './number-forms.ts';
import type { TermStatistics } from './term-statistics.ts';
import { bagOf, type TermBag, type TermVector, tfidf } from './term-vectors.ts';

/** The longest run of words whose initials may form an abbreviation ("large language models", "LLMs"). */
export const INITIALISM_WORDS = 5;

/** One clause of a sentence and its distinct terms. */
export type EvidenceClause = { text: string; terms: ReadonlySet<string> };

// Clauses of a sentence: "X has no effect on Y, whereas Z raises W" holds two findings.
const CLAUSE_BREAK = caseless(
  /[;:]\s+|,?\s+(?:whereas|while|but|although|though|yet|however)\s+|,\s+(?:so|thus|hence|which means)\s+/giu,
);

/** The clauses of a sentence (none empty), each with its terms. */
export function clausesOf(sentence: string): EvidenceClause[] {
  return sentence
    .split(CLAUSE_BREAK.on(sentence))
    .filter((c) => c.trim())
    .map((text) => ({ text, terms: new Set(terms(text)) }));
}

/** Candidate sentences analyzed against a library's term statistics. Never mutated once read. */
export class EvidenceProfile {
  /** Each sentence's terms and counts, in sentence order. */
  readonly bags: readonly TermBag[];
  /** Each sentence's TF-IDF vector. */
  readonly vectors: readonly TermVector[];
  /** The index of the (first) title sentence, or −1. */
  readonly titleIndex: number;
  private whole?: {
    counts: Map<string, number>;
    vector: TermVector;
    abstractVector: TermVector;
    length: number;
    prefixes: Set<string>;
  };
  private numberList?: string[];
  private findingList?: boolean[];
  private voteList?: VoteSentence[];
  private initialismSet?: Set<string>;
  // Made on first use: answers analyze one sentence at a time and may never ask.
  private clauseLists?: Map<number, EvidenceClause[]>;
  private clauseCues?: Map<string, Cues>;

  constructor(
    readonly sentences: readonly EvidenceSentence[],
    readonly statistics: TermStatistics,
    /** The abbreviations the text defines, spelt out in `sentences` (a claim is read with them too). */
    readonly abbreviations: ReadonlyMap<string, Abbreviation> = new Map(),
  ) {
    this.bags = sentences.map((s) => bagOf(s.text));
    this.vectors = this.bags.map((bag) => tfidf(bag.counts, statistics));
    this.titleIndex = sentences.findIndex((s) => s.field === 'title');
  }

  // What the whole text holds, read when a claim first finds a text sentence in it.
  private wholeText() {
    if (this.whole) return this.whole;
    const counts = new Map<string, number>();
    for (const bag of this.bags)
      for (const [term, count] of bag.counts) counts.set(term, (counts.get(term) ?? 0) + count);
    const abstractCounts = new Map<string, number>();
    this.bags.forEach((bag, i) => {
      if (this.sentences[i]!.field === 'title') return;
      for (const [term, count] of bag.counts) abstractCounts.set(term, (abstractCounts.get(term) ?? 0) + count);
    });
    let length = 0;
    for (const count of counts.values()) length += count;
    const prefixes = new Set<string>();
    for (const term of counts.keys()) if (term.length >= 5) prefixes.add(term.slice(0, 5));
    this.whole = {
      counts,
      vector: tfidf(counts, this.statistics),
      abstractVector: tfidf(abstractCounts, this.statistics),
      length,
      prefixes,
    };
    return this.whole;
  }

  /** How often each term occurs in all the sentences together. */
  get counts(): ReadonlyMap<string, number> {
    return this.wholeText().counts;
  }

  /** The TF-IDF vector of all the sentences together. */
  get vector(): TermVector {
    return this.wholeText().vector;
  }

  /** The TF-IDF vector of the text sentences (all but the title). */
  get abstractVector(): TermVector {
    return this.wholeText().abstractVector;
  }

  /** How many terms all the sentences hold. */
  get length(): number {
    return this.wholeText().length;
  }

  /** The first five letters of every term of five letters or more. */
  get prefixes(): ReadonlySet<string> {
    return this.wholeText().prefixes;
  }

  /**
   * The initials of every run of two to INITIALISM_WORDS words within a sentence, lowercased: what
   * an abbreviation the text never defines may stand for ("key-value" for a claim's "KV").
   */
  get initialisms(): ReadonlySet<string> {
    if (!this.initialismSet) {
      const found = new Set<string>();
      for (const sentence of this.sentences) {
        const initials = tokenize(sentence.text).map((token) => token.word[0] ?? '');
        for (let start = 0; start < initials.length; start++)
          for (let end = start + 2; end <= Math.min(initials.length, start + INITIALISM_WORDS); end++)
            found.add(initials.slice(start, end).join(''));
      }
      this.initialismSet = found;
    }
    return this.initialismSet;
  }

  /** Whether each sentence reads as a finding (isFinding). */
  get findings(): readonly boolean[] {
    this.findingList ??= this.sentences.map((s) => isFinding(s.text));
    return this.findingList;
  }

  /** Every number stated in the sentences (numbersOf, then those written in words: spelledNumbersOf), sentence by sentence. */
  get numbers(): readonly string[] {
    this.numberList ??= this.sentences.flatMap((s) => [...numbersOf(s.text), ...spelledNumbersOf(s.text)]);
    return this.numberList;
  }

  /** The text sentences as the direction vote reads them (see voteSentencesOf), their terms already counted. */
  get voteSentences(): readonly VoteSentence[] {
    if (!this.voteList) {
      const voters: VoteSentence[] = [];
      this.sentences.forEach((sentence, i) => {
        if (sentence.field === 'title' || voters.length >= VOTE_MAX_SENTENCES) return;
        voters.push(
          sentence.text.length <= STANCE_MAX_CHARS
            ? { text: sentence.text, terms: this.bags[i]!.counts }
            : ((text) => ({ text, terms: new Set(terms(text)) }))(sentence.text.slice(0, STANCE_MAX_CHARS)),
        );
      });
      this.voteList = voters;
    }
    return this.voteList;
  }

  /** The clauses of sentence `i` (clausesOf). */
  clauses(i: number): readonly EvidenceClause[] {
    this.clauseLists ??= new Map();
    let list = this.clauseLists.get(i);
    if (!list) {
      list = clausesOf(this.sentences[i]!.text);
      this.clauseLists.set(i, list);
    }
    return list;
  }

  /** cuesOf a clause or sentence of this text. */
  cues(text: string): Cues {
    this.clauseCues ??= new Map();
    let cues = this.clauseCues.get(text);
    if (!cues) {
      cues = cuesOf(text);
      this.clauseCues.set(text, cues);
    }
    return cues;
  }
}
