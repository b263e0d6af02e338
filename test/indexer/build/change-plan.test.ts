import { describe, expect, it } from 'vitest';
import { contentHash, planChanges, type RunInput } from '../../../indexer/build/change-plan.ts';
import type { Paper } from '../../../indexer/paper.schema.ts';
import type { StoredKey } from '../../../indexer/store/papers-writer.repo.ts';
import { paperWith } from '../../support/paper.ts';

const location = { file: 'papers.jsonl', line: 1, record: 1 };
const kept = paperWith({ id: 'kept', title: 'Kept as it was' });
const edited = paperWith({ id: 'edited', title: 'Edited since' });
const fresh = paperWith({ id: 'fresh', title: 'New to the library' });

/** The published index holds `kept` (doc 1), the old `edited` (doc 2) and `gone` (doc 3). */
function stored(): Map<string, StoredKey> {
  return new Map([
    ['kept', { doc: 1, contentHash: contentHash(kept), fingerprint: 'kept-v1' }],
    ['edited', { doc: 2, contentHash: contentHash(paperWith({ id: 'edited', title: 'Before' })), fingerprint: null }],
    ['gone', { doc: 3, contentHash: 'old', fingerprint: null }],
  ]);
}

function input(papers: Array<{ paper: Paper; fingerprint: string | null }>, indexed: string[] = []): RunInput {
  return {
    papers: papers.map(({ paper, fingerprint }) => ({ paper, fingerprint, location })),
    indexed: indexed.map((id) => ({ id, location })),
    problems: [],
    repairs: [],
    notices: [],
    stored: stored(),
  };
}

describe('planChanges', () => {
  it('embeds new and changed papers, deletes the old row of a changed one, and counts the rest unchanged', () => {
    const plan = planChanges(
      input([
        { paper: kept, fingerprint: 'kept-v1' },
        { paper: edited, fingerprint: null },
        { paper: fresh, fingerprint: null },
      ]),
      { prune: false },
    );
    expect(plan.toEmbed.map((work) => work.paper.id)).toEqual(['edited', 'fresh']);
    expect(plan.toDelete).toEqual([2]);
    expect([plan.added, plan.updated, plan.unchanged, plan.removed]).toEqual([1, 1, 1, 0]);
  });

  it('only rewrites the fingerprint of a paper whose record bytes changed but whose content did not', () => {
    const plan = planChanges(input([{ paper: kept, fingerprint: 'kept-v2' }]), { prune: false });
    expect(plan.toEmbed).toEqual([]);
    expect(plan.refingerprinted).toEqual([{ doc: 1, contentHash: contentHash(kept), fingerprint: 'kept-v2' }]);
  });

  it('with prune, deletes the papers the input no longer has, counting records known by fingerprint as present', () => {
    const plan = planChanges(input([{ paper: edited, fingerprint: null }], ['kept']), { prune: true });
    expect(plan.toDelete.sort()).toEqual([2, 3]);
    expect([plan.updated, plan.unchanged, plan.removed]).toEqual([1, 1, 1]);
  });
});
