// Verify study, reading by hand: prints seeded random pairs of one kind from a dump (dump-pairs.mts)
// with the citing text, what the judge read, the TF-IDF cosine and the excerpt's sentences; or,
// with --top / --bottom, the pairs of that kind the cosine ranks highest or lowest.
// Usage: npx tsx bench/verify-study/read-pairs.mts <dump-file> <support|contradict|cited|random> [count] [--top|--bottom]
import fs from 'node:fs';
import { createSeededRandom } from '../../core/seeded-random.ts';
import { loadVerifySet } from '../../server/eval/verify-sets.ts';
import type { DumpedPair } from './dump-pairs.mts';

const [file, kind, count = '40', order] = process.argv.slice(2);
const { folder, pairs } = JSON.parse(fs.readFileSync(file!, 'utf8')) as { folder: string; pairs: DumpedPair[] };
const set = loadVerifySet(folder);
const ofKind = pairs.filter((p) => p.kind === kind);
let chosen: DumpedPair[];
if (order === '--top' || order === '--bottom') {
  const sign = order === '--top' ? -1 : 1;
  chosen = [...ofKind].sort((a, b) => sign * (a.baseline - b.baseline)).slice(0, Number(count));
} else {
  const random = createSeededRandom(7).uniform;
  const shuffled = [...ofKind];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  chosen = shuffled.slice(0, Number(count));
}
for (const pair of chosen) {
  console.log(`\n=== ${pair.kind} ${pair.group} doc ${pair.docId} cosine ${pair.baseline.toFixed(3)}`);
  if (pair.raw) console.log(`citing: ${pair.raw}`);
  console.log(`clause: ${pair.claim}`);
  if (pair.context) console.log(`sentence${pair.relevanceOnContext ? ' (relevance read here)' : ''}: ${pair.context}`);
  const document = set.documents.get(pair.docId)!;
  if (document.title) console.log(`  [title] ${document.title}`);
  document.sentences.forEach((s, i) => {
    console.log(`  [${i}] ${s.text}`);
  });
}
