// Citation-Integrity read as a retrieval collection, for the fusion study: each citing sentence
// (citation markers removed) is a query, and the excerpts it cites are its relevant documents.
// No fusion setting was ever chosen on it, so it checks the rules on a collection of another kind.
// Usage: node citint-as-beir.mjs <citint-folder> <out-folder>
import fs from 'node:fs';
import path from 'node:path';

const [source, out] = process.argv.slice(2);
if (!source || !out) throw new Error('Usage: node citint-as-beir.mjs <citint-folder> <out-folder>');
fs.mkdirSync(path.join(out, 'qrels'), { recursive: true });
fs.copyFileSync(path.join(source, 'corpus.jsonl'), path.join(out, 'corpus.jsonl'));

// As server/eval/verify-sets.ts withoutCitationMarkers.
const withoutMarkers = (text) =>
  text
    .replace(/\s*[[(][^[\]()]*<\|(?:cit|multi_cit|other_cit)\|>[^[\]()]*[\])]/gu, '')
    .replace(/\s*<\|(?:cit|multi_cit|other_cit)\|>/gu, '')
    .replace(/\s+([.,;:])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();

const queries = [];
const qrels = ['query-id\tcorpus-id\tscore'];
for (const split of ['train', 'dev']) {
  for (const line of fs.readFileSync(path.join(source, `claims_${split}.jsonl`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const cited = new Set([...(row.cited_doc_ids ?? []), ...Object.keys(row.evidence ?? {})].map(String));
    if (cited.size === 0) continue;
    const id = `${split}-${row.id}`;
    queries.push(JSON.stringify({ _id: id, text: withoutMarkers(String(row.claim)) }));
    for (const doc of cited) qrels.push(`${id}\tci${doc}\t1`);
  }
}
fs.writeFileSync(path.join(out, 'queries.jsonl'), `${queries.join('\n')}\n`);
fs.writeFileSync(path.join(out, 'qrels', 'test.tsv'), `${qrels.join('\n')}\n`);
console.log(`${queries.length} queries, ${qrels.length - 1} judged pairs in ${out}`);
