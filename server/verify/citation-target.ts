// What a parsed citation is: the item it points at before it is resolved to a paper, and where it
// stands in the text. parse-citations.ts finds them; resolve-citation.ts resolves them.

/** What a citation points at, before it is resolved to a paper. */
export type CitationTarget =
  | { kind: 'numeric'; n: number }
  /** `year` is '' for MLA's author and page, "(Lin 12)": then the author alone names the paper. */
  | { kind: 'author-year'; surname: string; year: string; etAl: boolean; group?: true; undated?: true }
  | { kind: 'arxiv'; arxivId: string }
  | { kind: 'doi'; doi: string }
  /**
   * A bracketed paper id or citation key; `explicit` when written [@key], so it is surely a citation;
   * `leadIn` when a paper's name after "see", "cf." or "e.g." ("(see Dropout)"), which names the paper
   * though it is a word (named-citations.ts).
   */
  | { kind: 'key'; key: string; explicit: boolean; leadIn?: true };

/** One cited item: a group like "[1, 3]" gives two, each with the span of its group. */
export type ParsedCitation = {
  /** The item as a reader would name it: "[3]", "Lin et al., 2026", "arXiv:2401.01234", a DOI. */
  marker: string;
  target: CitationTarget;
  /** Span of the whole citation group in the text. */
  start: number;
  end: number;
  /** The text of a Markdown link whose address is the identifier ("Lin et al. 2026" of "[Lin et al. 2026](https://arxiv.org/abs/…)"). */
  label?: string;
  /** A number glued to a sentence's full stop ("more.3 Negative"): the sentence ends after it. */
  closesSentence?: true;
  /** A citation that is part of its sentence's wording ("Lin (2026) shows", "\citet{lin2026} shows",
   *  "@lin2026 shows"): it belongs to the sentence it opens, never to the one before. */
  narrative?: true;
};

/**
 * Whether the reference list or the library holds an author of this surname. An acronym alone before
 * its year, without "et al." or a comma ("(COVID 2020)", "BERT (2019)"), names a thing as often as an
 * organization, so it is read as an author only when this says it is one.
 */
export type KnowsAuthor = (surname: string) => boolean;

/**
 * Whether the reference list or the library holds a paper that calls itself by this name, written
 * exactly so ("LeakDojo", "VHG"): then "[LeakDojo]", "(see LeakDojo)" and "(EMO)" cite it.
 */
export type KnowsName = (name: string) => boolean;

export type ParseOptions = {
  /**
   * The text's reference list is numbered up to this: then "(3)" and "(1, 4–6)" are citations
   * (Vancouver style with parentheses), and so is a number glued to a word's full stop, "leak
   * more.3 Negative …" (a superscript that lost its formatting in a copy from a PDF), when every
   * number is at most this. Only where a citation stands: "(1) first, (2) second" enumerates.
   */
  numberedUpTo?: number;
  /** Whether an author of this surname is known (KnowsAuthor); without it, an acronym alone before a year is no author. */
  knowsAuthor?: KnowsAuthor;
  /** Whether a paper of this name is known (KnowsName); without it, a name alone in a bracket or parenthesis cites nothing. */
  knowsName?: KnowsName;
};
