import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer } from '../../../server/mcp/mcp-server.ts';
import { holderFor, sampleIndex, testConfig } from '../../support/sample-index.ts';

let client: Client;
beforeAll(async () => {
  const server = createMcpServer({ holder: await holderFor(await sampleIndex()), config: testConfig(), log: () => {} });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = new Client({ name: 'test', version: '0' });
  await client.connect(clientSide);
  // Listing the tools makes the client check every structured result against the tool's outputSchema.
  await client.listTools();
});
afterAll(() => client.close());

async function call(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content[0];
  if (text?.type !== 'text') throw new Error('a tool result has text content');
  return { isError: result.isError ?? false, body: JSON.parse(text.text), structured: result.structuredContent };
}

describe('tool-arguments', () => {
  it('refuses a misspelt filter with the names the filters take, rather than searching unfiltered', async () => {
    const { isError, body } = await call('search_papers', { query: 'attention', filters: { year_from: 2030 } });
    expect(isError).toBe(true);
    expect(body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        "Argument 'filters.year_from' is not one search_papers takes. Did you mean 'yearFrom'? Argument 'filters' takes yearFrom, yearTo, author, tag, venue.",
      details: { field: 'filters.year_from' },
    });
  });

  it('refuses an unknown argument of every tool, naming the arguments the tool takes', async () => {
    const search = await call('search_papers', { query: 'attention', limit: 3 });
    expect(search.body.error.message).toBe(
      "Argument 'limit' is not one search_papers takes. search_papers takes query, mode, sort, k, offset, filters, maxChars.",
    );
    const ask = await call('ask_library', { question: 'What causes attention sinks?', max_sentences: 1 });
    expect(ask.body.error.message).toBe(
      "Argument 'max_sentences' is not one ask_library takes. Did you mean 'maxSentences'? ask_library takes question, k, mode, filters, maxSentences.",
    );
    const verify = await call('verify_citations', { text: 'Sinks [1].', refs: ['A title'] });
    expect(verify.body.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'refs' } });
    const paper = await call('get_paper', { paperId: 'feather-prefix-homogeneity' });
    // The unknown name is the news, not the missing id it was meant as.
    expect(paper.body.error.message).toBe("Argument 'paperId' is not one get_paper takes. get_paper takes id.");
    expect((await call('similar_papers', { id: 'feather-prefix-homogeneity', n: 2 })).isError).toBe(true);
  });

  it('lists every tool argument schema as closed, so a client sees that other names are refused', async () => {
    const { tools } = await client.listTools();
    for (const tool of tools) expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
    const search = tools.find((tool) => tool.name === 'search_papers')!;
    expect((search.inputSchema.properties!.filters as { additionalProperties?: unknown }).additionalProperties).toBe(
      false,
    );
  });

  it('words the rules between arguments by the arguments as the agent sent them', async () => {
    const deep = await call('search_papers', { query: 'attention', offset: 990, k: 20 });
    expect(deep.body.error).toMatchObject({
      message: "Argument 'offset' must be at most 980 when k is 20 (offset + k may not pass 1000).",
      details: { field: 'offset' },
    });
    const years = await call('ask_library', { question: 'sinks?', filters: { yearFrom: 2030, yearTo: 2020 } });
    expect(years.body.error).toMatchObject({
      message: "Argument 'filters.yearFrom' must not be after filters.yearTo (2030 > 2020).",
      details: { field: 'filters.yearFrom' },
    });
  });

  it('says why a search found nothing when the query itself is the reason, as the API does', async () => {
    const { isError, structured } = await call('search_papers', { query: '-attention' });
    expect(isError).toBe(false);
    expect(structured).toMatchObject({ results: [], total: 0, notice: expect.stringContaining('only exclusions') });
    const stopWords = await call('search_papers', { query: 'the of and' });
    expect(stopWords.structured).toMatchObject({ notice: expect.stringContaining('stop words') });
    const found = await call('search_papers', { query: 'attention sinks' });
    expect(found.structured).not.toHaveProperty('notice');
  });

  it('tells an agent, for an unknown paper id, which tools give ids', async () => {
    const { body } = await call('get_paper', { id: 'no-such-paper' });
    expect(body.error).toMatchObject({ code: 'PAPER_NOT_FOUND', message: "No paper has the id 'no-such-paper'." });
    expect(body.error.hint).toContain('search_papers');
    expect(body.error.hint).not.toContain('GET /api/search');
  });
});
