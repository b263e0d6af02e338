// The claim-verification collections the judge is measured on, read into one shape: SciFact claims
// (full corpus), Citation-Integrity (citing sentences read as verify reads them) and Check-COVID. Each
// claim lists its cited documents with their label: evidence that supports, evidence that
// contradicts, or a cited document without evidence, and the sentences annotated as the evidence.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { citingClaimOf } from './citing-sentence.ts';

export type SetDocument = {
  title: string;
  abstract: string;
  sentences: EvidenceSentence[];
  /** For each sentence of the collection's own list, its index in `sentences` (−1: empty, dropped); absent when the collection gave none. */
  keptIndex?: number[];
};
export type CitedLabel = 'support' | 'contradict' | 'cited';
export type SetClaim = {
  /** Unique within the set. */
  id: string;
  /** Claims of one group are never split between folds (Check-COVID writes variants of one claim). */
  group: string;
  claim: string;
  /** The whole sentence when `claim` is the clause of it the citation is judged on (JudgeRequest's `context`). */
  context?: string;
  /** Other works cited in the judged citation's group (JudgeRequest's `cocited`); absent when none. */
  cocited?: number;
  cited: Array<{
    docId: string;
    label: CitedLabel;
    /** The sentences the collection's annotators marked as the evidence (indexes into the document's `sentences`). */
    rationale?: number[];
  }>;
};
export type VerifySet = { name: string; folder: string; documents: Map<string, SetDocument>; claims: SetClaim[] };

function readJsonl(file: string, what: string): Array<Record<string, unknown>> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('UNREADABLE_FILE', `Cannot read ${file}; ${what}.`);
  }
  const rows: Array<Record<string, unknown>> = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      rows.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      throw new AppError('INVALID_INPUT', `${file}:${i + 1} is not JSON.`);
    }
  });
  return rows;
}

// The abstract as the collection split it into sentences (corpus_sentences.jsonl), with exact offsets.
function documentOfSentences(title: string, list: readonly string[]): SetDocument {
  const sentences: EvidenceSentence[] = [];
  const keptIndex: number[] = [];
  let abstract = '';
  for (const raw of list) {
    const text = raw.trim();
    keptIndex.push(text ? sentences.length : -1);
    if (!text) continue;
    if (abstract) abstract += ' ';
    sentences.push({ field: 'abstract', start: abstract.length, end: abstract.length + text.length, text });
    abstract += text;
  }
  return { title, abstract, sentences, keptIndex };
}

/** The annotated evidence sentences of a document, as indexes into its `sentences` (absent when unknown). */
function rationaleOf(document: SetDocument | undefined, indexes: readonly unknown[]): number[] | undefined {
  if (!document?.keptIndex || indexes.length === 0) return undefined;
  const kept = indexes.map((i) => document.keptIndex![Number(i)] ?? -1).filter((i) => i >= 0);
  return kept.length > 0 ? [...new Set(kept)].sort((a, b) => a - b) : undefined;
}

function documentOfText(title: string, abstract: string): SetDocument {
  const sentences = sentenceSpans(abstract).map(({ start, end }) => ({
    field: 'abstract' as const,
    start,
    end,
    text: abstract.slice(start, end),
  }));
  return { title, abstract, sentences };
}

// Documents by id: from corpus_sentences.jsonl when the folder has it, else corpus.jsonl split here.
function readDocuments(folder: string, what: string, idOf: (row: Record<string, unknown>) => string) {
  const documents = new Map<string, SetDocument>();
  const sentencesFile = path.join(folder, 'corpus_sentences.jsonl');
  if (fs.existsSync(sentencesFile)) {
    for (const row of readJsonl(sentencesFile, what)) {
      const list = Array.isArray(row.abstract) ? row.abstract.map(String) : [];
      documents.set(idOf(row), documentOfSentences(String(row.title ?? ''), list));
    }
    return documents;
  }
  for (const row of readJsonl(path.join(folder, 'corpus.jsonl'), what)) {
    documents.set(String(row._id).replace(/^ci/u, ''), documentOfText(String(row.title ?? ''), String(row.text ?? '')));
  }
  return documents;
}

function evidenceClaims(
  rows: Array<Record<string, unknown>>,
  documents: ReadonlyMap<string, SetDocument>,
  prefix: string,
  read: (text: string) => Pick<SetClaim, 'claim' | 'context' | 'cocited'>,
) {
  return rows.map((row): SetClaim => {
    const evidence = (row.evidence ?? {}) as Record<string, Array<{ label: string; sentences?: unknown[] }>>;
    const cited = ((row.cited_doc_ids ?? []) as unknown[]).map(String);
    for (const docId of Object.keys(evidence)) if (!cited.includes(docId)) cited.push(docId);
    const id = `${prefix}${row.id}`;
    return {
      id,
      group: id,
      ...read(String(row.claim)),
      cited: cited.map((docId) => {
        const label = evidence[docId]?.[0]?.label;
        const rationale = rationaleOf(
          documents.get(docId),
          (evidence[docId] ?? []).flatMap((e) => e.sentences ?? []),
        );
        return {
          docId,
          label:
            label === 'SUPPORT' ? 'support' : label === 'REFUTE' || label === 'CONTRADICT' ? 'contradict' : 'cited',
          ...(rationale ? { rationale } : {}),
        };
      }),
    };
  });
}

// Every claims file of the folder: claims.jsonl or claims_<split>.jsonl (train, dev and test first,
// then any other split by name), so a held-out split is read like the training one.
const CLAIMS_FILE = /^claims(?:_([\w-]+))?\.jsonl$/u;
const SPLIT_ORDER = ['train', 'dev', 'test'];

type ClaimsFile = { split: string; file: string };

function claimsFilesOf(folder: string): ClaimsFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    throw new AppError('UNREADABLE_FILE', `Cannot read the folder ${folder}.`);
  }
  const rank = (split: string) => (SPLIT_ORDER.includes(split) ? SPLIT_ORDER.indexOf(split) : SPLIT_ORDER.length);
  return names
    .flatMap((name) => {
      const match = CLAIMS_FILE.exec(name);
      return match ? [{ split: match[1] ?? '', file: path.join(folder, name) }] : [];
    })
    .sort((a, b) => rank(a.split) - rank(b.split) || a.split.localeCompare(b.split));
}

const FILES_OF =
  'a claims folder holds claims_<split>.jsonl (or claims.jsonl) and corpus_sentences.jsonl or corpus.jsonl';

type ClaimsRows = ClaimsFile & { rows: Array<Record<string, unknown>> };

/** SciFact claims (their ids are unique across splits) against the full corpus. */
export function loadSciFactClaims(folder: string, files: ClaimsRows[]): VerifySet {
  const documents = readDocuments(folder, FILES_OF, (row) => String(row.doc_id));
  const claims = files.flatMap(({ rows }) => evidenceClaims(rows, documents, '', (claim) => ({ claim })));
  return { name: 'SciFact', folder, documents, claims };
}

/** A citing sentence without its citation markers: "[<|multi_cit|>,7]", "(<|cit|>)", "<|other_cit|>". */
export function withoutCitationMarkers(text: string): string {
  return text
    .replace(/\s*[[(][^[\]()]*<\|(?:cit|multi_cit|other_cit)\|>[^[\]()]*[\])]/gu, '')
    .replace(/\s*<\|(?:cit|multi_cit|other_cit)\|>/gu, '')
    .replace(/\s+([.,;:])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

// A citing text as verify reads its judged citation (citing-sentence.ts): the sentence that holds
// it, its clause when that sentence cites other papers for other clauses, and the works cited beside it.
function readCitingText(text: string): Pick<SetClaim, 'claim' | 'context' | 'cocited'> {
  const read = citingClaimOf(text);
  if (!read) return { claim: withoutCitationMarkers(text) };
  const { claim, context, cocited } = read;
  return { claim, ...(claim !== context ? { context } : {}), ...(cocited > 0 ? { cocited } : {}) };
}

/**
 * Citation-Integrity, every split together (folds are drawn over all of them; ids repeat across
 * splits). Each citing text is read as verify reads it for the judged citation.
 */
export function loadCitationIntegrity(folder: string, files: ClaimsRows[]): VerifySet {
  const documents = readDocuments(folder, FILES_OF, (row) => String(row.doc_id));
  const claims = files.flatMap(({ split, rows }) => evidenceClaims(rows, documents, `${split}-`, readCitingText));
  return { name: 'Citation-Integrity', folder, documents, claims };
}

/** Check-COVID, every split; the variants of one news claim ("…_0", "…_1") form a group. */
export function loadCheckCovid(folder: string, files: ClaimsRows[]): VerifySet {
  const documents = readDocuments(folder, FILES_OF, (row) => String(row.cord_id));
  const claims = files.flatMap(({ split, rows }) =>
    rows.map((row): SetClaim => {
      const id = String(row.id);
      const label = String(row.label);
      const docId = String(row.cord_id);
      const evidenceSet = Array.isArray(row.evidence_set) ? (row.evidence_set as Array<{ sent_index?: unknown }>) : [];
      // Unverifiable claims list sentences too; they are not evidence.
      const rationale =
        label === 'SUPPORT' || label === 'REFUTE'
          ? rationaleOf(
              documents.get(docId),
              evidenceSet.map((e) => e.sent_index),
            )
          : undefined;
      return {
        id: `${split}-${id}`,
        group: id.replace(/_\d+$/u, ''),
        claim: String(row.claim).trim(),
        cited: [
          {
            docId,
            label: label === 'SUPPORT' ? 'support' : label === 'REFUTE' ? 'contradict' : 'cited',
            ...(rationale ? { rationale } : {}),
          },
        ],
      };
    }),
  );
  return { name: 'Check-COVID', folder, documents, claims };
}

const CITATION_MARKER = /<\|(?:cit|multi_cit|other_cit)\|>/u;

/**
 * Reads a folder as the collection its rows say it is: claims against one CORD-19 abstract
 * (`cord_id`) are Check-COVID, citing sentences with citation markers are Citation-Integrity, and
 * claims with `evidence` by document are SciFact.
 */
export function loadVerifySet(folder: string): VerifySet {
  const files = claimsFilesOf(folder).map((f) => ({ ...f, rows: readJsonl(f.file, FILES_OF) }));
  if (files.length === 0) {
    throw new AppError(
      'UNREADABLE_FILE',
      `${folder} holds no claims_<split>.jsonl; give a SciFact claims, Citation-Integrity or Check-COVID folder.`,
    );
  }
  const rows = files.flatMap((f) => f.rows);
  if (rows.some((row) => 'cord_id' in row)) return loadCheckCovid(folder, files);
  if (rows.some((row) => CITATION_MARKER.test(String(row.claim ?? '')))) return loadCitationIntegrity(folder, files);
  return loadSciFactClaims(folder, files);
}
