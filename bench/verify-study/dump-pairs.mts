// Verify study, step 1: every (claim, cited or random document) pair eval-verify builds, with the
// features it computes (the same code path as server/eval/verify-pairs.ts pairsOf, the same seed),
// plus what a study needs to add features later: the texts read, which of claim and context the
// relevance features were read on, and for Citation-Integrity the raw citing text with its markers.
// Writes <out-dir>/pairs-<collection>.json (outside the repository: it holds the collections' text).
// Usage: npx tsx bench/verify-study/dump-pairs.mts <out-dir> <claims-folder>...
import fs from 'node:fs';
import path from 'node:path';
import { checkQuote } from '../../server/eval/evidence-quotes.ts';
import { readingOf } from '../../server/eval/product-verdicts.ts';
import { type EvalPair, pairRefsOf, sentencesOf, statisticsOfSet } from '../../server/eval/verify-eval.ts';
import { loadVerifySet } from '../../server/eval/verify-sets.ts';
import { RELEVANCE_FEATURES, relevanceInputsOf, tfidfCosine } from '../../server/verify/support-features.ts';
import { STANCE_INPUTS, SupportScorer } from '../../server/verify/support-scorer.ts';

/** A pair as eval-verify computes it, with the texts it was computed from. */
export type DumpedPair = EvalPair & {
  claim: string;
  context?: string;
  /** Whether the relevance features were read on the context (the whole citing sentence) rather than the clause. */
  relevanceOnContext: boolean;
  /** Citation-Integrity only: the citing text as the collection wrote it, markers and all. */
  raw?: string;
};

// The raw citing texts of a Citation-Integrity folder, by the claim ids verify-sets.ts gives them.
function rawCitingTexts(folder: string): Map<string, string> {
  const raw = new Map<string, string>();
  for (const name of fs.readdirSync(folder)) {
    const match = /^claims_([\w-]+)\.jsonl$/u.exec(name);
    if (!match) continue;
    for (const line of fs.readFileSync(path.join(folder, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { id: unknown; claim: unknown };
      raw.set(`${match[1]}-${row.id}`, String(row.claim));
    }
  }
  return raw;
}

const [outDir, ...folders] = process.argv.slice(2);
fs.mkdirSync(outDir!, { recursive: true });
for (const folder of folders) {
  const started = Date.now();
  const set = loadVerifySet(folder);
  const raw = set.name === 'Citation-Integrity' ? rawCitingTexts(folder) : new Map<string, string>();
  const statistics = statisticsOfSet(set);
  const scorer = new SupportScorer(statistics);
  const pairs: DumpedPair[] = pairRefsOf(set).map(({ claim, context, cocited, group, docId, kind, rationale }) => {
    // As server/eval/verify-pairs.ts pairsOf builds each pair (keep the two alike), plus the texts.
    const document = set.documents.get(docId)!;
    const sentences = sentencesOf(document);
    const result = scorer.score(claim, sentences, context, cocited);
    const evidence = kind === 'support' || kind === 'contradict';
    return {
      group,
      kind,
      docId,
      relevance: ((inputs) => RELEVANCE_FEATURES.map((name) => inputs[name]))(
        relevanceInputsOf(result.relevanceFeatures),
      ),
      stance: STANCE_INPUTS.map((name) => ({ ...result.features, ...result.stance })[name]),
      reading: readingOf(result, result.score > 0 ? scorer.unaddressed(claim, sentences) : result.unaddressed),
      baseline: tfidfCosine(context ?? claim, document.abstract, statistics),
      ...(evidence && rationale ? { quoted: checkQuote(claim, document, rationale, result.evidence, statistics) } : {}),
      claim,
      ...(context !== undefined ? { context } : {}),
      // support-scorer.ts returns the claim's own feature object unless the context's scored higher.
      relevanceOnContext: result.relevanceFeatures !== result.features,
      ...(raw.has(group) ? { raw: raw.get(group)! } : {}),
    };
  });
  const file = path.join(outDir!, `pairs-${set.name}.json`);
  fs.writeFileSync(file, JSON.stringify({ name: set.name, folder, pairs }));
  console.log(`${set.name}: ${pairs.length} pairs in ${((Date.now() - started) / 1000).toFixed(0)} s → ${file}`);
}
