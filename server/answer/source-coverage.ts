// Which retrieved papers hold what a question asks: each source's share of the question's key
// concepts in its best passage, and the names the question gives that papers' titles give too
// ("AgenticPrecoding", "EMO and SoftSAE"), which decide whose words answer for whom.
import { paperName, titleHead } from '../verify/paper-name.ts';
import type { NumberedSource } from './answer-sources.ts';
import {
  type Concept,
  conceptCoverage,
  conceptForms,
  holds,
  missingConcepts,
  writtenAsName,
} from './question-concepts.ts';

/**
 * How much of the question's key concepts each source holds in its best passage (title included),
 * leaving out, for each source, the names other sources' titles give (`othersNames`, by source number).
 */
export function sourceCoverage(
  concepts: readonly Concept[],
  sources: readonly NumberedSource[],
  othersNames: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): Array<{ source: NumberedSource; coverage: number; missing: Concept[] }> {
  return sources.map((source) => {
    const others = othersNames.get(source.n);
    const asked = others ? concepts.filter((c) => !others.has(c.form)) : concepts;
    let coverage = -1;
    let missing: Concept[] = asked.slice();
    for (const passage of source.passages) {
      const forms = conceptForms(`${source.paper.title}\n${passage.text}`);
      const share = conceptCoverage(asked, forms);
      if (share > coverage) {
        coverage = share;
        missing = missingConcepts(asked, forms);
      }
    }
    return { source, coverage: Math.max(0, coverage), missing };
  });
}

/**
 * For a question that names two papers by their titles' names ("Compare EMO and SoftSAE"), the
 * names each source leaves to the others: each paper answers for its own name, and is not short of
 * the question for lacking the other's. Empty when fewer than two names are given by titles.
 */
export function namesOfOthers(titleNames: ReadonlyMap<number, readonly Concept[]>): Map<number, Set<string>> {
  const all = new Set([...titleNames.values()].flat().map((c) => c.form));
  const others = new Map<number, Set<string>>();
  if (all.size < 2) return others;
  for (const [n, own] of titleNames) {
    // A paper whose title gives none of the names answers for none of them: it is short of all.
    if (own.length === 0) continue;
    const mine = new Set(own.map((c) => c.form));
    others.set(n, new Set([...all].filter((form) => !mine.has(form))));
  }
  return others;
}

// A title's name written with capitals in the question, every word of it ("Memory Inception" of
// "Memory Inception: Latent-Space…", "Feather" of "Feather: Batch Size vs. …"): the capitalised
// concepts it holds, or none when the question lacks one of its words (among all its concepts).
function writtenName(
  name: string | null | undefined,
  capitalised: readonly Concept[],
  concepts: readonly Concept[],
): Concept[] {
  if (!name) return [];
  const forms = conceptForms(name);
  const held = capitalised.filter((c) => holds(forms, c));
  const asked = new Set(concepts.filter((c) => holds(forms, c)).map((c) => c.form));
  return forms.size > 0 && [...forms].every((form) => asked.has(form)) ? held : [];
}

/**
 * The question's concepts that name a source, by source number: those written as names that its
 * title gives ("AgenticPrecoding", "EMO"), and, when the question writes them with capitals, the
 * one-word name a paper calls itself by ("Litespark", which opens both its title and its abstract)
 * or the name its title gives before its colon, of one or two words ("Feather", "Memory Inception").
 */
export function titleNamesOf(concepts: readonly Concept[], sources: readonly NumberedSource[]): Map<number, Concept[]> {
  const names = concepts.filter((c) => writtenAsName(c.word));
  const capitalised = concepts.filter((c) => /^\p{Lu}/u.test(c.word) && !writtenAsName(c.word));
  return new Map(
    sources.map((source) => {
      const forms = names.length > 0 ? conceptForms(source.paper.title) : new Set<string>();
      const own = capitalised.length > 0 ? paperName(source.paper) : null;
      const written = [
        ...writtenName(own && !/\s/u.test(own) ? own : null, capitalised, concepts),
        ...(capitalised.length > 0 ? writtenName(titleHead(source.paper.title), capitalised, concepts) : []),
      ];
      return [source.n, [...new Set([...names.filter((c) => holds(forms, c)), ...written])]];
    }),
  );
}

/** Whether a source names any of these in its title or passages. */
export function namesAny(source: NumberedSource, names: readonly Concept[]): boolean {
  const forms = conceptForms([source.paper.title, ...source.passages.map((p) => p.text)].join('\n'));
  return names.some((name) => holds(forms, name));
}

/**
 * The title names of the sources that name themselves (the abstract opens with the name: a digest's
 * "AgenticPrecoding coordinates…"), by source number; none for a paper whose title names its topic
 * ("The COPI complex regulates lipid storage" over an abstract opening "Lipid droplets…").
 */
export function selfNamedTitleNames(
  sources: readonly NumberedSource[],
  titleNames: ReadonlyMap<number, readonly Concept[]>,
): Map<number, readonly Concept[]> {
  return new Map(sources.map((s) => [s.n, paperName(s.paper) === null ? [] : (titleNames.get(s.n) ?? [])]));
}

/** When two quoted sources count as holding unconnected parts of a question (see unconnectedParts). */
export type UnconnectedSettings = {
  /** Only when no source holds this share of the question's key concepts. */
  maxConnectedCoverage: number;
  /** Each of the two holds at least this share of the question that the other lacks. */
  minUnconnectedPart: number;
  /** Together they hold at least this share of it. */
  minUnconnectedTogether: number;
};

/**
 * The parts of a question that two of the quoted sources hold apart, when no paper holds them
 * together ("Does speculative decoding reduce hallucination in summarization?" answered by a paper
 * on speculative decoding and another on hallucination in summaries): each part's concepts, in the
 * question's order. Null when a source holds most of the question or no two quoted sources split it.
 */
export function unconnectedParts(
  concepts: readonly Concept[],
  covered: ReadonlyArray<{ source: NumberedSource; coverage: number; missing: readonly Concept[] }>,
  quoted: ReadonlySet<number>,
  settings: UnconnectedSettings,
): [Concept[], Concept[]] | null {
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0 || Math.max(0, ...covered.map((c) => c.coverage)) >= settings.maxConnectedCoverage) return null;
  const share = (held: readonly Concept[]) => held.reduce((sum, c) => sum + c.weight, 0) / total;
  const cited = covered.filter((c) => quoted.has(c.source.n)).sort((a, b) => b.coverage - a.coverage);
  for (const [i, first] of cited.entries()) {
    for (const second of cited.slice(i + 1)) {
      const onlyFirst = concepts.filter((c) => !first.missing.includes(c) && second.missing.includes(c));
      const onlySecond = concepts.filter((c) => first.missing.includes(c) && !second.missing.includes(c));
      const together = concepts.filter((c) => !first.missing.includes(c) || !second.missing.includes(c));
      if (
        share(onlyFirst) >= settings.minUnconnectedPart &&
        share(onlySecond) >= settings.minUnconnectedPart &&
        share(together) >= settings.minUnconnectedTogether
      )
        return concepts.indexOf(onlyFirst[0]!) < concepts.indexOf(onlySecond[0]!)
          ? [onlyFirst, onlySecond]
          : [onlySecond, onlyFirst];
    }
  }
  return null;
}
