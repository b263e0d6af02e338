// Questions that a paper's record answers, not its abstract: who wrote it, when it appeared, where,
// and its DOI ("Who wrote EMO?", "When was Feather published?"). The paper is the retrieved one the
// question names, by the name its title gives or words of its title; the answer is one sentence
// made from the record, citing the paper's title.
import { terms } from '../../indexer/text/analyze.ts';
import { paperName } from '../verify/paper-name.ts';
import { nameOfTitle } from '../verify/resolve-reference.ts';
import type { AnswerSentence } from './answer.schema.ts';
import type { NumberedSource } from './answer-sources.ts';
import { answerText } from './answer-text.ts';
import type { Draft } from './draft.ts';

type RecordField = 'authors' | 'year' | 'venue' | 'doi';

const QUESTIONS: ReadonlyArray<{ field: RecordField; pattern: RegExp }> = [
  {
    field: 'authors',
    pattern:
      /^\s*(?:who\s+(?:wrote|authored|are\s+the\s+authors\s+of|is\s+the\s+author\s+of|were\s+the\s+authors\s+of)|what\s+are\s+the\s+authors\s+of|(?:list\s+)?the\s+authors\s+of)\s+(.+?)\s*\??\s*$/iu,
  },
  {
    field: 'year',
    pattern:
      /^\s*(?:when|(?:in\s+)?(?:what|which)\s+year)\s+(?:was|were|did)\s+(.+?)\s+(?:published|released|written|come\s+out|appear(?:ed)?|posted)\s*\??\s*$/iu,
  },
  {
    field: 'venue',
    pattern: /^\s*where\s+(?:was|were)\s+(.+?)\s+(?:published|presented|accepted|released)\s*\??\s*$/iu,
  },
  { field: 'doi', pattern: /^\s*what\s+is\s+the\s+doi\s+(?:of|for)\s+(.+?)\s*\??\s*$/iu },
];

/** The question's words for the paper without their frame: "the EMO paper" → "EMO". */
const bare = (written: string) =>
  written
    .replace(/^["'“‘]+|["'”’]+$/gu, '')
    .replace(/^(?:the|this|that)\s+(?:paper|article|study|preprint|work)\s+/iu, '')
    .replace(/^(?:the|this|that)\s+/iu, '')
    .replace(/\s+(?:paper|article|study|preprint)$/iu, '')
    .trim();

const spaced = (words: readonly string[]) => ` ${words.join(' ')} `;

/** The retrieved paper a question names: by the name its title gives, else the one title that holds its words. */
function namedSource(name: string, sources: readonly NumberedSource[]): NumberedSource | undefined {
  const wanted = terms(name);
  if (wanted.length === 0) return undefined;
  const key = wanted.join(' ');
  const named = sources.find(({ paper }) =>
    [nameOfTitle(paper.title), paperName(paper), paper.title].some((n) => n !== null && terms(n).join(' ') === key),
  );
  if (named) return named;
  const holding = sources.filter(({ paper }) => spaced(terms(paper.title)).includes(spaced(wanted)));
  return holding.length === 1 ? holding[0] : undefined;
}

/** "A", "A and B", "A, B and C"; past six names, the first three and how many others. */
function listOfNames(names: readonly string[]): string {
  if (names.length > 6) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} others`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The record's answer, or null when the record does not hold the field. */
function statement(field: RecordField, source: NumberedSource): string | null {
  const { title, authors, year, venue, doi } = source.paper;
  const when = year === null ? '' : ` (${year})`;
  switch (field) {
    case 'authors':
      return authors.length > 0 ? `“${title}”${when} is by ${listOfNames(authors)}.` : null;
    case 'year':
      return year === null ? null : `“${title}” is from ${year}${venue ? `, in ${venue}` : ''}.`;
    case 'venue':
      return venue ? `“${title}” appeared in ${venue}${when}.` : null;
    case 'doi':
      return doi ? `The DOI of “${title}” is ${doi}.` : null;
  }
}

const WHAT: Record<RecordField, string> = { authors: 'authors', year: 'year', venue: 'venue', doi: 'DOI' };

/** A record's answer to a question about a retrieved paper's authors, year, venue or DOI. */
export type RecordAnswer =
  | { sentence: AnswerSentence; source: NumberedSource }
  | { reason: string; source: NumberedSource };

/** The answer a paper's record gives the question, or null when it asks no such thing of a retrieved paper. */
export function recordAnswer(question: string, sources: readonly NumberedSource[]): RecordAnswer | null {
  for (const { field, pattern } of QUESTIONS) {
    const written = pattern.exec(question)?.[1];
    if (written === undefined) continue;
    const source = namedSource(bare(written), sources);
    if (!source) return null;
    const text = statement(field, source);
    if (text === null)
      return { reason: `The library's record of “${source.paper.title}” gives no ${WHAT[field]}.`, source };
    const passage = source.passages[0];
    return {
      source,
      sentence: {
        text,
        // It restates the library's record, which holds it as it was given.
        support: 1,
        supported: true,
        citations: [
          {
            n: source.n,
            paperId: source.paper.id,
            passageId: passage?.id ?? 0,
            field: 'title',
            start: 0,
            end: source.paper.title.length,
          },
        ],
      },
    };
  }
  return null;
}

// The answer a paper's record gives ("Who wrote EMO?"): one sentence citing the paper, or why it cannot.
function draftOf(record: RecordAnswer): Draft {
  const closest = [{ paperId: record.source.paper.id, title: record.source.paper.title, score: 1, missing: [] }];
  if ('reason' in record) {
    return {
      abstained: true,
      reason: record.reason,
      mode: 'extractive',
      answer: { text: record.reason, sentences: [] },
      closest,
      cited: new Set(),
      nearest: closest,
      fromRecord: true,
    };
  }
  return {
    abstained: false,
    mode: 'extractive',
    answer: { text: answerText([record.sentence]), sentences: [record.sentence] },
    cited: new Set([record.source.n]),
    nearest: closest,
    fromRecord: true,
  };
}

/** The draft answer a paper's record gives the question, or null when it asks no such thing of a retrieved paper. */
export function recordDraft(question: string, sources: readonly NumberedSource[]): Draft | null {
  const record = recordAnswer(question, sources);
  return record ? draftOf(record) : null;
}
