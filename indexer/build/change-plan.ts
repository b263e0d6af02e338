// Stage 1 of an `index` run, what changes: which papers are new, changed, unchanged or gone.
import { createHash } from 'node:crypto';
import type { Paper } from '../paper.schema.ts';
import type { PaperFilesRead } from '../readers/index.ts';
import type { StoredKey } from '../store/papers-writer.repo.ts';

/**
 * The run's input, with the published papers' keys (by id) it was compared with, and the stored ids whose
 * papers a record of the run replaces under a new id (stored-works.ts), which go without --prune too.
 */
export type RunInput = PaperFilesRead & { stored: Map<string, StoredKey>; replaced?: readonly string[] };

/** A paper to embed and store, with its content hash and source record fingerprint. */
export type Work = { paper: Paper; hash: string; fingerprint: string | null };

/** Content hash of a paper: a changed title, text or field gives a new hash, so the paper is re-embedded. */
export function contentHash(paper: Paper): string {
  return createHash('sha1').update(JSON.stringify(paper)).digest('hex');
}

/** What a run changes: papers to (re-)embed, docs to delete, records whose fingerprint alone changed. */
export type ChangePlan = {
  toEmbed: Work[];
  toDelete: number[];
  refingerprinted: StoredKey[];
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
};

/**
 * Stage 1, what changes: new and changed papers are (re-)embedded; with --prune, papers absent from the
 * input go, and so, always, do papers a record replaced under a new id (input.replaced). Records the index
 * holds byte for byte are unchanged without a look; a parsed paper is unchanged when its content hash is, and
 * then only its record's new fingerprint is written.
 */
export function planChanges(input: RunInput, opts: { prune: boolean }): ChangePlan {
  const { stored } = input;
  const plan: ChangePlan = {
    toEmbed: [],
    toDelete: [],
    refingerprinted: [],
    added: 0,
    updated: 0,
    unchanged: input.indexed.length,
    removed: 0,
  };
  const inputIds = new Set<string>(input.indexed.map(({ id }) => id));
  for (const { paper, fingerprint } of input.papers) {
    inputIds.add(paper.id);
    const hash = contentHash(paper);
    const old = stored.get(paper.id);
    if (old && old.contentHash === hash) {
      plan.unchanged++;
      if (old.fingerprint !== fingerprint) {
        old.fingerprint = fingerprint;
        plan.refingerprinted.push(old);
      }
      continue;
    }
    if (old) {
      plan.updated++;
      plan.toDelete.push(old.doc);
    } else plan.added++;
    plan.toEmbed.push({ paper, hash, fingerprint });
  }
  const gone = opts.prune ? [...stored.keys()] : (input.replaced ?? []);
  for (const id of gone) {
    const old = stored.get(id);
    if (old && !inputIds.has(id)) {
      plan.toDelete.push(old.doc);
      plan.removed++;
    }
  }
  return plan;
}
