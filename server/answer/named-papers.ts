// Which retrieved sources may answer a question that names a paper ("Is RangeGuard a scheduler for
// LLM serving?"): only those that name it, whatever else another paper holds; and when the paper so
// named is no answer: to a "which" question whose kind of thing no paper mentions, or to a yes/no
// question none of its sentences holds more of than its name.
import { namesInTitle, paperName } from '../verify/paper-name.ts';
import type { NumberedSource } from './answer-sources.ts';
import { type Concept, conceptForms, conceptName, holds } from './question-concepts.ts';
import { askedKindWord } from './question-type.ts';
import type { SelectionOptions } from './selection-settings.ts';
import { namesAny } from './source-coverage.ts';

type Covered = { source: NumberedSource; coverage: number };

// "Which papers other than RangeGuard…": the names after such words are papers the answer is not from.
const EXCLUDED_NAMES =
  /\b(?:other\s+than|besides|apart\s+from|except(?:\s+for)?|excluding|unlike)\s+((?:[\p{Lu}\p{N}][\p{L}\p{N}-]*(?:\s+|,\s*|\s+(?:and|or)\s+)?)+)/gu;
// "Which papers…", "What studies…": a question asking for papers, which a paper it names is not all of.
const ASKS_FOR_PAPERS = /^\s*(?:which|what)\s+(?:other\s+)?(?:papers|studies|articles|works|publications)\b/iu;

/**
 * The title names (titleNamesOf) that limit which papers answer, by source number: none for a question
 * asking which papers ("Which papers other than RangeGuard are about LLM inference?"), and never a
 * name the question sets aside ("other than", "besides", "apart from", "except", "excluding", "unlike").
 */
export function limitingNames(
  question: string,
  titleNames: ReadonlyMap<number, readonly Concept[]>,
): Map<number, readonly Concept[]> {
  if (ASKS_FOR_PAPERS.test(question)) return new Map([...titleNames.keys()].map((n) => [n, []]));
  const excluded = new Set(
    [...question.matchAll(EXCLUDED_NAMES)].flatMap((m) => m[1]!.split(/[\s,]+/u).filter((w) => w !== '')),
  );
  return new Map(
    [...titleNames].map(([n, names]) => [
      n,
      names.filter((c) => !excluded.has(c.word) && !excluded.has(conceptName(c))),
    ]),
  );
}

/**
 * The question's title names (titleNamesOf) that are a retrieved paper's own name: the name it calls
 * itself by or its title gives it ("RangeGuard", "Feather" of "Feather: Batch Size vs. …", "NeWTral"
 * of "Neural Weight Translation (NeWTral)"); not a name its title only uses ("LLM" of "… in LLM
 * Inference", "KV" of "… KV Cache Manipulation…"), which many papers use.
 */
export function ownNamesAsked(
  sources: readonly NumberedSource[],
  titleNames: ReadonlyMap<number, readonly Concept[]>,
): Concept[] {
  return [...new Set(ownNameGroups(sources, titleNames).flat())];
}

/**
 * The same, one group per name, holding the concepts of its words ("Memory" and "Inception" of
 * "Memory Inception"): a paper names it only by all of them, not by "memory" alone.
 */
export function ownNameGroups(
  sources: readonly NumberedSource[],
  titleNames: ReadonlyMap<number, readonly Concept[]>,
): Concept[][] {
  const groups = new Map<string, Concept[]>();
  for (const source of sources) {
    const own = [...namesInTitle(source.paper.title), paperName(source.paper) ?? []].flat();
    for (const name of own) {
      const forms = conceptForms(name);
      const held = (titleNames.get(source.n) ?? []).filter((concept) => holds(forms, concept));
      if (held.length > 0) groups.set(held.map((c) => c.form).join(' '), held);
    }
  }
  return [...groups.values()];
}

/**
 * The sources whose sentences may answer, by source number: those holding nearly as much of the
 * question as the best of them (the first retrieved with a looser cut: retrieval, which reads whole
 * passages and by meaning too, ranked it first, and concept coverage misses what a paper words
 * differently, "contextual" for "context"). When the question names a paper by its own name, found
 * among all the sources (`own`, ownNameGroups), they are chosen among those that name it; else, when
 * the closest sources' titles give a name the question asks about, only those that name it answer.
 */
export function answeringSources(
  covered: readonly Covered[],
  titleNames: ReadonlyMap<number, readonly Concept[]>,
  own: ReadonlyArray<readonly Concept[]>,
  settings: Pick<SelectionOptions, 'minRelativeFirstSourceCoverage' | 'minRelativeSourceCoverage'>,
): Set<number> {
  const closeAmong = (pool: readonly Covered[]) => {
    const best = Math.max(0, ...pool.map((c) => c.coverage));
    return pool.filter(
      (c, rank) =>
        c.coverage >=
        (rank === 0 ? settings.minRelativeFirstSourceCoverage : settings.minRelativeSourceCoverage) * best,
    );
  };
  const namesOwn = (source: NumberedSource) => own.some((group) => group.every((name) => namesAny(source, [name])));
  if (own.length > 0) return new Set(closeAmong(covered.filter((c) => namesOwn(c.source))).map((c) => c.source.n));
  const close = closeAmong(covered);
  const named = [...new Set(close.flatMap((c) => titleNames.get(c.source.n) ?? []))];
  return new Set(close.filter((c) => named.length === 0 || namesAny(c.source, named)).map((c) => c.source.n));
}

/**
 * Why a paper the question names is no answer to it: "Which optimizer was used to train UE-DPO?"
 * asks which kind of thing (askedKindWord) no paper mentions, of the paper it names, which holds the
 * rest of the question because it is what the question is about (libraryGap lets a paper holding the
 * rest answer when the question names none: "Which algorithm runs ternary networks on consumer
 * CPUs?" is answered by Litespark). Null when the question names no paper (`own`, ownNamesAsked) or
 * the kind is known.
 */
export function unknownKindOfNamed(
  question: string,
  concepts: readonly Concept[],
  own: readonly Concept[],
): string | null {
  if (own.length === 0) return null;
  const kind = askedKindWord(question)?.toLowerCase();
  const unknown = concepts.find((c) => !c.known && !own.includes(c) && c.word.toLowerCase() === kind);
  return unknown
    ? `The library holds no answer: the question asks which ${conceptName(unknown)}, and no paper in it mentions "${conceptName(unknown)}".`
    : null;
}

// "Is RangeGuard a scheduler for LLM serving?": a yes/no question asking what a paper is, which the
// sentence saying what it is answers ("RangeGuard is an error-correcting code scheme…").
const ASKS_WHAT_IT_IS = /^\s*(?:is|are|was|were)\s+[^\s?]+(?:\s+[^\s?]+)?\s+(?:a|an|the|one)\b/iu;

/**
 * Why a yes/no question about a paper it names gets no answer from that paper ("Does UE-DPO use a
 * fixed K?"), when each sentence that could be quoted holds nothing of the question but the paper's
 * name (`onlyNames`): saying what the paper is does not say yes or no to what the question asks of
 * it (`missing`, what the paper lacks). Null when the question asks what the paper is, or names two.
 */
export function unaddressedByNamed(
  question: string,
  own: readonly Concept[],
  missing: readonly Concept[],
  onlyNames: boolean,
): string | null {
  // A question naming two papers ("Is EMO better than SoftSAE?") is answered by what each is.
  const names = [...new Set(own.map(conceptName))];
  if (names.length !== 1 || !onlyNames || ASKS_WHAT_IT_IS.test(question)) return null;
  const asked = [...new Set(missing.map(conceptName))].map((name) => `"${name}"`).join(', ');
  return `The library holds no answer: the abstract of ${names[0]}, which the question asks about, says nothing of what it asks${asked ? ` (${asked})` : ''}.`;
}
