// A small SciFact-shaped claim collection for the evaluation tests, written here.
import fs from 'node:fs';
import path from 'node:path';

// A small SciFact-shaped collection written here: each claim has a supporting, a contradicting
// or an unrelated cited abstract, and twenty filler abstracts serve as random citations.
const TOPICS = [
  'caffeine',
  'exercise',
  'sleep',
  'sugar',
  'sunlight',
  'noise',
  'reading',
  'music',
  'fasting',
  'walking',
];
const OUTCOMES = ['memory', 'mood', 'focus', 'pressure', 'stamina', 'anxiety'];

/** Writes the collection into `dir` (claims_train.jsonl, corpus_sentences.jsonl). */
export function writeClaimCollection(dir: string): void {
  const claims: string[] = [];
  const sentences: string[] = [];
  let doc = 1;
  let id = 0;
  for (const topic of TOPICS) {
    for (const outcome of OUTCOMES) {
      const kind = id % 3;
      const finding =
        kind === 0
          ? `We found that ${topic} raised ${outcome} in adults.`
          : kind === 1
            ? `We found that ${topic} lowered ${outcome} in adults.`
            : `Tides follow the moon near ${topic === 'caffeine' ? 'harbours' : 'coasts'}.`;
      sentences.push(
        JSON.stringify({
          doc_id: doc,
          title: `${topic} study ${doc}`,
          abstract: [`A trial of ${doc} adults.`, finding],
        }),
      );
      const evidence = kind === 2 ? {} : { [doc]: [{ sentences: [1], label: kind === 0 ? 'SUPPORT' : 'REFUTE' }] };
      claims.push(JSON.stringify({ id, claim: `${topic} increases ${outcome}.`, evidence, cited_doc_ids: [doc] }));
      doc++;
      id++;
    }
  }
  for (let i = 0; i < 20; i++)
    sentences.push(
      JSON.stringify({ doc_id: doc++, title: `filler ${i}`, abstract: [`Glaciers and rocks number ${i}.`] }),
    );
  fs.writeFileSync(path.join(dir, 'claims_train.jsonl'), `${claims.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'corpus_sentences.jsonl'), `${sentences.join('\n')}\n`);
}
