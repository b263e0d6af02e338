import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { holderFor, sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';

const papers = samplePapers();
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  app = createApp({ holder: await holderFor(await sampleIndex()), config: testConfig() });
});

async function search(query: string) {
  const res = await app.request(`/api/search?${query}`);
  return { status: res.status, body: await res.json() };
}

async function expectInvalid(query: string, field: string, message: string) {
  const { status, body } = await search(query);
  expect(status, query).toBe(400);
  expect(body.error, query).toMatchObject({ code: 'INVALID_INPUT', message, details: { field } });
}

describe('search.route', () => {
  it('answers a query with a page of papers and the passages that matched', async () => {
    const { status, body } = await search('q=attention+sink+super+neurons');
    expect(status).toBe(200);
    expect(body).toMatchObject({ query: 'attention sink super neurons', mode: 'hybrid', k: 10, offset: 0 });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(10);
    expect(typeof body.hasMore).toBe('boolean');
    const ids = new Set(papers.map((p) => p.id));
    for (const result of body.results) {
      expect(ids.has(result.paper.id)).toBe(true);
      expect(result.passages.length).toBeGreaterThan(0);
    }
  });

  it('finds a paper by its own title first', async () => {
    const target = papers[3]!;
    const { body } = await search(`q=${encodeURIComponent(target.title)}&k=5`);
    expect(body.results[0].paper.id).toBe(target.id);
  });

  it('pages with k and offset without repeating a paper', async () => {
    const first = await search('q=language+models&k=3&offset=0&mode=semantic');
    const second = await search('q=language+models&k=3&offset=3&mode=semantic');
    expect(first.body.results).toHaveLength(3);
    expect(second.body).toMatchObject({ k: 3, offset: 3, mode: 'semantic' });
    const a = first.body.results.map((r: { paper: { id: string } }) => r.paper.id);
    const b = second.body.results.map((r: { paper: { id: string } }) => r.paper.id);
    expect(a.filter((id: string) => b.includes(id))).toEqual([]);
  });

  it('applies the tag and year filters given as snake_case parameters', async () => {
    const tagged = await search('q=models&tag=interpretability&k=20');
    expect(tagged.body.results.length).toBeGreaterThan(0);
    for (const r of tagged.body.results)
      expect(r.paper.tags.map((t: string) => t.toLowerCase())).toContain('interpretability');
    const years = papers.map((p) => p.year).filter((y): y is number => typeof y === 'number');
    const newest = Math.max(...years);
    const recent = await search(`q=models&year_from=${newest}&year_to=${newest}&k=20&mode=keyword`);
    for (const r of recent.body.results) expect(r.paper.year).toBe(newest);
  });

  it('names the parameter and its bound when a limit is broken', async () => {
    await expectInvalid('q=x&k=1000', 'k', "Query parameter 'k' must be at most 100.");
    await expectInvalid('q=x&k=0', 'k', "Query parameter 'k' must be at least 1.");
    await expectInvalid('q=x&k=ten', 'k', "Query parameter 'k' must be a number.");
    await expectInvalid('q=x&k=2.5', 'k', "Query parameter 'k' must be a whole number.");
    await expectInvalid('q=x&offset=-1', 'offset', "Query parameter 'offset' must be at least 0.");
    await expectInvalid(
      'q=x&offset=995&k=10',
      'offset',
      "Query parameter 'offset' must be at most 990 when k is 10 (offset + k may not pass 1000).",
    );
    await expectInvalid('q=x&ef=5', 'ef', "Query parameter 'ef' must be at least 10.");
    await expectInvalid('q=x&mode=fuzzy', 'mode', "Query parameter 'mode' must be one of hybrid, semantic, keyword.");
    await expectInvalid('q=x&year_from=-3', 'year_from', "Query parameter 'year_from' must be at least 0.");
  });

  it('refuses a parameter name written differently from the one it means, instead of searching unfiltered', async () => {
    await expectInvalid(
      'q=models&yearFrom=2030',
      'yearFrom',
      "Query parameter 'yearFrom' is not a name this request takes (did you mean 'year_from'?).",
    );
    await expectInvalid(
      'q=models&Year-To=2020',
      'Year-To',
      "Query parameter 'Year-To' is not a name this request takes (did you mean 'year_to'?).",
    );
    // Other names are still ignored (a client may send more than the search needs).
    expect((await search('q=models&debug=1')).status).toBe(200);
  });

  it('says that q is given twice when a query string repeats it', async () => {
    await expectInvalid('q=a&q=b', 'q', "Query parameter 'q' is given twice; give it once.");
    await expectInvalid('q=x&k=2&k=3&k=4', 'k', "Query parameter 'k' is given three times; give it once.");
  });

  it('names year_from and year_to when the years are the wrong way round', async () => {
    await expectInvalid(
      'q=x&year_from=2020&year_to=2010',
      'year_from',
      "Query parameter 'year_from' must not be after year_to (2020 > 2010).",
    );
  });

  it('says that nothing in a query of stop words or symbols can be searched for', async () => {
    const stopWords = await search('q=the+of+and');
    expect(stopWords.status).toBe(200);
    expect(stopWords.body.results).toEqual([]);
    expect(stopWords.body.notice).toBe(
      'Nothing in the query can be searched for: it holds only stop words (the, of, and), which are not indexed.',
    );
    const symbols = await search(`q=${encodeURIComponent('🚀')}`);
    expect(symbols.body.notice).toBe('Nothing in the query can be searched for: it has no letters or digits.');
    const found = await search('q=attention');
    expect(found.body.results.length).toBeGreaterThan(0);
    expect(found.body).not.toHaveProperty('notice');
  });

  it('refuses a missing, blank or too long query', async () => {
    await expectInvalid('k=3', 'q', "Query parameter 'q' is required.");
    await expectInvalid('q=%20%20', 'q', "Query parameter 'q' must not be empty.");
    await expectInvalid(`q=${'a'.repeat(20_001)}`, 'q', "Query parameter 'q' must be at most 20000 characters long.");
  });

  it('reports the total and the facets of the matching papers', async () => {
    const { body } = await search('q=models&mode=keyword&k=2');
    expect(body.results).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(body.totalIsLowerBound).toBe(false);
    expect(body.hasMore).toBe(true);
    const all = await search('q=models&mode=keyword&k=100');
    expect(all.body.results).toHaveLength(body.total);
    const years = new Map<string, number>();
    for (const { paper } of all.body.results) {
      if (paper.year !== null) years.set(String(paper.year), (years.get(String(paper.year)) ?? 0) + 1);
    }
    expect(new Map(body.facets.year.map((f: { value: string; count: number }) => [f.value, f.count]))).toEqual(years);
    for (const facet of ['tag', 'author', 'venue']) expect(Array.isArray(body.facets[facet])).toBe(true);
  });

  it('sorts the matching papers newest first with sort=year', async () => {
    const { body } = await search('q=models&mode=keyword&k=100&sort=year');
    expect(body.sort).toBe('year');
    const years = body.results.map((r: { paper: { year: number | null } }) => r.paper.year ?? -1);
    expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
    await expectInvalid('q=x&sort=title', 'sort', "Query parameter 'sort' must be one of relevance, year.");
  });
});

describe('search.route operators', () => {
  const ids = (body: { results: Array<{ paper: { id: string } }> }) => body.results.map((r) => r.paper.id);

  it('returns only papers holding a quoted phrase from GET, and marks the phrase', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('"kv cache" eviction')}&mode=keyword&k=20`);
    expect(status).toBe(200);
    expect(ids(body).sort()).toEqual(['feather-prefix-homogeneity', 'memory-inception-kv-steering']);
    expect(body).toMatchObject({ query: '"kv cache" eviction', total: 2, totalIsLowerBound: false });
    const marked = body.results.flatMap(
      (r: { passages: Array<{ text: string; highlights: Array<{ start: number; end: number }> }> }) =>
        r.passages.flatMap((p) => p.highlights.map((h) => p.text.slice(h.start, h.end).toLowerCase())),
    );
    expect(marked).toContain('kv cache');
  });

  it('leaves out a paper holding an excluded word from GET, in hybrid mode', async () => {
    const plain = await search('q=attention+sink&k=20');
    expect(ids(plain.body)).toContain('attention-sink-structural-origin');
    const excluding = await search(`q=${encodeURIComponent('attention -sink')}&k=20`);
    expect(excluding.status).toBe(200);
    expect(ids(excluding.body)).not.toContain('attention-sink-structural-origin');
    expect(excluding.body.results.length).toBeGreaterThan(0);
  });

  it('describes the operators in the OpenAPI description of q', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const q = doc.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'q');
    expect(q.description).toContain('"a phrase"');
    expect(q.description).toContain('-word');
    const body = doc.paths['/api/search'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('-word');
  });
});

describe('POST /api/search', () => {
  async function post(body: unknown) {
    const res = await app.request('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  it('answers a 20,000-character query (an abstract pasted whole) like the same words in GET', async () => {
    const target = papers[3]! as { title: string; abstract?: string };
    // The paper's text, then words no paper holds (such as a long list of reference codes).
    let q = `${target.title}. ${target.abstract ?? ''} `;
    for (let i = 0; q.length < 20_000; i++) q += `ref${i.toString(36)}x `;
    q = q.slice(0, 20_000);
    const { status, body } = await post({ q, k: 5, mode: 'hybrid' });
    expect(status).toBe(200);
    expect(body.results[0].paper.id).toBe(papers[3]!.id);
    expect(body.query).toHaveLength(20_000);
  });

  it('takes exactly the query-string names, numbers as JSON numbers', async () => {
    const viaGet = await search('q=language+models&k=3&offset=1&mode=semantic&sort=relevance');
    const viaPost = await post({ q: 'language models', k: 3, offset: 1, mode: 'semantic', sort: 'relevance' });
    expect(viaPost.status).toBe(200);
    const ids = (r: { body: { results: Array<{ paper: { id: string } }> } }) => r.body.results.map((x) => x.paper.id);
    expect(ids(viaPost)).toEqual(ids(viaGet));
    const years = papers.map((p) => p.year).filter((y): y is number => typeof y === 'number');
    const newest = Math.max(...years);
    const filtered = await post({ q: 'models', mode: 'keyword', k: 20, year_from: newest, year_to: newest });
    for (const r of filtered.body.results) expect(r.paper.year).toBe(newest);
  });

  it('reads quoted phrases and exclusions in the body as GET reads them', async () => {
    const q = '"attention sink" -vision';
    const viaPost = await post({ q, mode: 'semantic', k: 20 });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body.results.map((r: { paper: { id: string } }) => r.paper.id)).toEqual([
      'attention-sink-structural-origin',
    ]);
    expect(viaPost.body.total).toBe(1);
    const viaGet = await search(`q=${encodeURIComponent(q)}&mode=semantic&k=20`);
    expect(viaGet.body.results).toEqual(viaPost.body.results);
  });

  it('refuses an unknown name, naming it, instead of ignoring a misspelt filter', async () => {
    const { status, body } = await post({ q: 'models', yearFrom: 2020 });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        "Field 'yearFrom' of the JSON body is not a name this request takes (did you mean 'year_from'?); it takes q, k, offset, mode, year_from, year_to, author, tag, venue, ef, sort.",
      details: { field: 'yearFrom' },
    });
  });

  it('answers a body over the size limit with 413, as its OpenAPI entry says it may', async () => {
    const res = await app.request('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'x'.repeat(600 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/search'].post.responses)).toContain('413');
    expect(Object.keys(doc.paths['/api/search'].get.responses)).not.toContain('413');
  });

  it('names the field of the body at fault', async () => {
    const { status, body } = await post({ q: 'a'.repeat(20_001) });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Field 'q' of the JSON body must be at most 20000 characters long.",
      details: { field: 'q' },
    });
  });
});
