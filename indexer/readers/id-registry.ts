// Hands out paper ids across one index run: the first record of an id keeps it; a record of the same
// work (the same DOI, arXiv id, PubMed id or database record id, by its id or by the identifiers it holds)
// is merged into the paper kept for it; an exact repeat is merged; another paper under a taken id is renamed "id-2".
import type { Paper } from '../paper.schema.ts';
import type { PaperFilesRead } from './index.ts';
import { problemAt } from './locate.ts';
import type { IndexedRecord, InputProblem, LocatedPaper, RecordLocation } from './reader.ts';
import { filledFrom, worksOf } from './same-work.ts';

/**
 * Ids made from an identifier of the work itself (a DOI, an arXiv id, a PubMed id) or of a database's record of
 * it (a Web of Science UT, an OpenAlex work, a Semantic Scholar paper): records sharing one are one paper, also
 * when two exports of it differ (a citation count that grew between them).
 */
const WORK_ID = /^(?:doi|arxiv|pmid|wos|openalex|s2):/u;

/** An id handed out: where, and the paper as returned (null for a record the index holds, which is not parsed). */
type Claimed = { location: RecordLocation; paper: Paper | null; kept?: LocatedPaper };

/** Hands out paper ids across a run: the first paper keeps its id; a repeat is merged, renamed or refused. */
export class IdRegistry {
  /** Each id handed out (a later record of the same work can still fill its paper in). */
  private readonly seen = new Map<string, Claimed>();
  /** The same entries by the work an id names, in lower case (a DOI's case does not matter). */
  private readonly works = new Map<string, Claimed>();

  private remember(id: string, entry: Claimed): void {
    this.seen.set(id, entry);
    // A paper kept under its own id ("lin2026sinks") is found by the DOI or arXiv id it holds too, when
    // records are repaired (under --strict only an id names a work).
    this.rememberWorks(entry, [id, ...(this.repair && entry.paper ? worksOf(entry.paper) : [])]);
  }

  private rememberWorks(entry: Claimed, works: readonly string[]): void {
    for (const work of works) {
      if (WORK_ID.test(work) && !this.works.has(work.toLowerCase())) this.works.set(work.toLowerCase(), entry);
    }
  }

  private earlier(id: string): Claimed | undefined {
    return this.seen.get(id) ?? (WORK_ID.test(id) ? this.works.get(id.toLowerCase()) : undefined);
  }

  constructor(
    private readonly repair: boolean,
    private readonly read: PaperFilesRead,
  ) {}

  claimIndexed(record: IndexedRecord): boolean {
    if (!this.seen.has(record.id)) {
      this.remember(record.id, { location: record.location, paper: null });
      return true;
    }
    this.read.problems.push(this.duplicate(record.id, record.location));
    return false;
  }

  /** The paper to keep (perhaps under a new id), or null when it repeats one already kept. */
  claim(located: LocatedPaper): LocatedPaper | null {
    const { paper, location } = located;
    const earlier = this.earlier(paper.id);
    if (!earlier) {
      // A record under its own id that holds the DOI (arXiv id) of a paper kept in this run is that
      // paper: a BibTeX entry "lin2026sinks" and an RIS record of its DOI are one paper, not two.
      const sameWork = this.repair
        ? worksOf(paper)
            .map((w) => this.works.get(w))
            .find((e) => e?.kept)
        : undefined;
      if (sameWork) return this.merge(sameWork, paper, location);
      this.remember(paper.id, { location, paper, kept: located });
      return located;
    }
    if (!this.repair) {
      this.read.problems.push(this.duplicate(paper.id, location));
      return null;
    }
    const fix = (message: string) => this.repaired(location, message);
    if (earlier.paper !== null && samePaper(earlier.paper, paper)) {
      fix(`repeats the paper "${paper.id}" at ${where(earlier.location)} exactly; the two were merged`);
      return null;
    }
    // The same DOI (arXiv id, PubMed id) from two exports is one paper, not two: the first record is
    // kept, filled in with what only this one holds.
    if (WORK_ID.test(paper.id)) {
      if (!earlier.kept) {
        fix(
          `names the same work as "${paper.id}" at ${where(earlier.location)}, which the index already holds; this record was left out`,
        );
        return null;
      }
      return this.merge(earlier, paper, location);
    }
    let suffix = 2;
    while (this.seen.has(`${paper.id}-${suffix}`)) suffix++;
    const id = `${paper.id}-${suffix}`;
    fix(`the id "${paper.id}" is also used at ${where(earlier.location)}; this paper was kept as "${id}"`);
    this.seen.set(id, { location, paper });
    // A renamed paper's id depends on the records before it, so its record's fingerprint cannot stand for it.
    return { paper: { ...paper, id }, location, fingerprint: null };
  }

  // Merges a record into the paper kept for the same work, filling in what only this record holds.
  private merge(earlier: Claimed, paper: Paper, location: RecordLocation): null {
    const kept = earlier.kept!;
    const { paper: merged, added } = filledFrom(kept.paper, paper);
    kept.paper = merged;
    earlier.paper = merged;
    // The kept paper now depends on this record too, so its own record's fingerprint no longer
    // stands for it; nor does it when its id does not name the work (the next run must read its DOI).
    if (added.length > 0 || !WORK_ID.test(merged.id)) kept.fingerprint = null;
    // A DOI or arXiv id the kept paper took from this record finds it too.
    this.rememberWorks(earlier, worksOf(merged));
    this.read.merged ??= [];
    this.read.merged.push({ id: paper.id, into: merged.id, location });
    const took = added.length > 0 ? `, taking its ${added.join(', ')} from this record` : '';
    this.repaired(
      location,
      `names the same work as "${merged.id}" at ${where(earlier.location)}; the two were merged${took}`,
    );
    return null;
  }

  private repaired(location: RecordLocation, message: string): void {
    this.read.repairs.push(problemAt(location.file, location.line, location.record, 'id', message));
  }

  private duplicate(id: string, location: RecordLocation): InputProblem {
    const earlier = this.seen.get(id);
    return {
      ...location,
      field: 'id',
      message: `duplicate id "${id}": also at ${earlier ? where(earlier.location) : '?'}`,
    };
  }
}

/** Two records are the same paper when everything but where they came from is equal (zod fixes the key order). */
function samePaper(first: Paper, second: Paper): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}

function where(location: RecordLocation): string {
  return location.line === null
    ? `${location.file} record ${location.record}`
    : `${location.file} line ${location.line}`;
}
