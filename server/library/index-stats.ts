// What a served index holds and which embedder built it: one description for the HTTP stats
// route, the MCP library_info tool and `citelens info`.
import { z } from '@hono/zod-openapi';
import { zEmbedderInfo } from '../../indexer/embedders/index.ts';
import type { IndexReader } from '../../indexer/index.ts';

export const zStatsResponse = z
  .object({
    papers: z.number().int(),
    passages: z.number().int(),
    embedder: zEmbedderInfo,
    builtAt: z.string(),
    generation: z.number().int(),
    sizeBytes: z.number().int(),
    /** True when the index uses the builtin embedder (no model download; lower quality). */
    builtinEmbedder: z.boolean(),
    /**
     * Why the stored embedder model is out of date (fitted by an older Citelens), or null. It still
     * searches as it did; the next `citelens index` run refits it.
     */
    embedderOutdated: z.string().nullable(),
  })
  .meta({ id: 'StatsResponse' });
export type StatsResponse = z.infer<typeof zStatsResponse>;

export function indexStats(reader: IndexReader): StatsResponse {
  const { manifest } = reader;
  return {
    papers: manifest.papers,
    passages: manifest.passages,
    embedder: manifest.embedder,
    builtAt: manifest.builtAt,
    generation: reader.generation,
    sizeBytes: reader.sizeBytes(),
    builtinEmbedder: manifest.embedder.kind === 'builtin',
    embedderOutdated: reader.embedder.outdated ?? null,
  };
}
