import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairRefsOf } from '../../../server/eval/verify-pairs.ts';
import { loadVerifySet } from '../../../server/eval/verify-sets.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { writeClaimCollection } from './claim-collection.ts';

function writeJsonl(dir: string, name: string, rows: unknown[]): void {
  fs.writeFileSync(path.join(dir, name), `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
}

const sentences = [
  { doc_id: 7, title: '', abstract: ['Masks were worn by most.', 'Masks lowered infections by half.'] },
  { doc_id: 8, title: '', abstract: ['Tides follow the moon.'] },
];

describe('verify-sets', () => {
  it('reads a held-out split alone (claims_dev.jsonl, no training claims) as the collection its rows are', () => {
    const dir = tempDir();
    writeClaimCollection(dir);
    fs.renameSync(path.join(dir, 'claims_train.jsonl'), path.join(dir, 'claims_dev.jsonl'));
    const set = loadVerifySet(dir);
    expect(set.name).toBe('SciFact');
    expect(set.claims).toHaveLength(60);
    expect(set.claims.filter((c) => c.cited[0]!.label === 'contradict')).toHaveLength(20);
  });

  it('tells Citation-Integrity from SciFact by its citation markers, not by which splits are present', () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', sentences);
    writeJsonl(dir, 'claims_test.jsonl', [
      { id: 1, claim: 'Masks halve infections <|cit|>.', evidence: { 7: [{ label: 'SUPPORT' }] }, cited_doc_ids: [7] },
      { id: 2, claim: 'Masks double infections [<|multi_cit|>, 3].', evidence: { 7: [{ label: 'REFUTE' }] } },
    ]);
    const set = loadVerifySet(dir);
    expect(set.name).toBe('Citation-Integrity');
    expect(set.claims.map((c) => [c.id, c.claim, c.cited[0]!.label])).toEqual([
      ['test-1', 'Masks halve infections.', 'support'],
      ['test-2', 'Masks double infections.', 'contradict'],
    ]);
  });

  // Regression: the evaluation judged a Citation-Integrity citation on the whole text, markers
  // removed, where verify judges it on its clause and reads the sentence only for relevance.
  it('reads a Citation-Integrity citation as verify does: its clause as the claim, its sentence as the context', () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', sentences);
    writeJsonl(dir, 'claims_train.jsonl', [
      {
        id: 1,
        claim:
          'Masks were worn by most people (<|other_cit|>), while masks lowered infections by half [<|cit|>]. Tides follow the moon <|other_cit|>.',
        evidence: { 7: [{ label: 'SUPPORT' }] },
      },
      { id: 2, claim: 'Masks lowered infections by half [<|multi_cit|>, 3].', evidence: { 7: [{ label: 'SUPPORT' }] } },
    ]);
    const [split, whole] = loadVerifySet(dir).claims;
    expect(split).toMatchObject({
      claim: 'while masks lowered infections by half.',
      context: 'Masks were worn by most people, while masks lowered infections by half.',
    });
    expect(whole!.claim).toBe('Masks lowered infections by half.');
    expect(whole!.context).toBeUndefined();
  });

  it('keeps how many other works a Citation-Integrity citation is cited beside, and none for one cited alone', () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', sentences);
    writeJsonl(dir, 'claims_train.jsonl', [
      { id: 1, claim: 'Masks lowered infections by half [<|cit|>].', evidence: { 7: [{ label: 'SUPPORT' }] } },
      { id: 2, claim: 'Masks lowered infections by half <|multi_cit|>.', evidence: { 7: [{ label: 'REFUTE' }] } },
    ]);
    const [alone, grouped] = loadVerifySet(dir).claims;
    expect(alone!.cocited).toBeUndefined();
    expect(grouped).toMatchObject({ claim: 'Masks lowered infections by half.', cocited: 1 });
    expect(pairRefsOf(loadVerifySet(dir)).map((ref) => [ref.kind, ref.cocited])).toEqual([
      ['support', undefined],
      ['random', undefined],
      ['random', undefined],
      ['contradict', 1],
      ['random', 1],
      ['random', 1],
    ]);
  });

  it('reads Check-COVID claims of every split, keeping the variants of one news claim in one group', () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', [{ ...sentences[0], cord_id: 'abc' }]);
    writeJsonl(dir, 'claims_test.jsonl', [
      { id: 'n1_0', claim: 'Masks halve infections.', cord_id: 'abc', label: 'SUPPORT' },
      { id: 'n1_1', claim: 'Masks double infections.', cord_id: 'abc', label: 'REFUTE' },
    ]);
    writeJsonl(dir, 'claims_extra.jsonl', [{ id: 'n2_0', claim: 'Masks cure colds.', cord_id: 'abc', label: 'NEI' }]);
    const set = loadVerifySet(dir);
    expect(set.name).toBe('Check-COVID');
    expect(set.claims.map((c) => [c.id, c.group, c.cited[0]!.label])).toEqual([
      ['test-n1_0', 'n1', 'support'],
      ['test-n1_1', 'n1', 'contradict'],
      ['extra-n2_0', 'n2', 'cited'],
    ]);
  });

  it("keeps the annotated evidence sentences as indexes into the document's sentences, past an empty one", () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', [
      { doc_id: 7, title: '', abstract: ['Masks were worn by most.', ' ', 'Masks lowered infections by half.'] },
    ]);
    writeJsonl(dir, 'claims_train.jsonl', [
      { id: 1, claim: 'Masks halve infections.', evidence: { 7: [{ sentences: [2], label: 'SUPPORT' }] } },
    ]);
    const set = loadVerifySet(dir);
    const { rationale } = set.claims[0]!.cited[0]!;
    expect(rationale).toEqual([1]);
    expect(set.documents.get('7')!.sentences[rationale![0]!]!.text).toBe('Masks lowered infections by half.');
  });

  it("keeps Check-COVID's evidence sentences for supported and refuted claims, not for unverifiable ones", () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', [{ ...sentences[0], cord_id: 'abc' }]);
    const evidence_set = [{ sent_index: 1, type: 'PRIMARY' }];
    writeJsonl(dir, 'claims_dev.jsonl', [
      { id: 'n1_0', claim: 'Masks halve infections.', cord_id: 'abc', label: 'SUPPORT', evidence_set },
      { id: 'n1_1', claim: 'Masks halve infections.', cord_id: 'abc', label: 'NOTENOUGHINFO', evidence_set },
    ]);
    const set = loadVerifySet(dir);
    expect(set.claims.map((c) => c.cited[0]!.rationale)).toEqual([[1], undefined]);
  });

  it('names the folder that holds no claims file', () => {
    const dir = tempDir();
    writeJsonl(dir, 'corpus_sentences.jsonl', sentences);
    expect(() => loadVerifySet(dir)).toThrow(`${dir} holds no claims_<split>.jsonl`);
  });
});
