import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { holderFor, sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';

const papers = samplePapers();
const target = papers[0]!;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  app = createApp({ holder: await holderFor(await sampleIndex()), config: testConfig() });
});

async function get(url: string) {
  const res = await app.request(url);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

describe('papers.route', () => {
  it('answers a paper with its passages, each an exact slice of its title or abstract', async () => {
    const { status, body } = await get(`/api/papers/${encodeURIComponent(target.id)}`);
    expect(status).toBe(200);
    expect(body.paper).toMatchObject({ id: target.id, title: target.title, abstract: target.abstract });
    expect(body.passages.length).toBeGreaterThan(0);
    for (const passage of body.passages) {
      expect(passage.paperId).toBe(target.id);
      const field = passage.field === 'title' ? body.paper.title : body.paper.abstract;
      expect(field.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it('answers 404 PAPER_NOT_FOUND naming an id that is not in the index', async () => {
    const { status, body } = await get('/api/papers/no-such-paper');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'PAPER_NOT_FOUND', message: "No paper has the id 'no-such-paper'." });
  });

  it('treats a path-traversal id as an id like any other (a JSON 404, never a file)', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2F..%2Fpackage.json', '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd']) {
      const { status, type, body } = await get(`/api/papers/${id}`);
      expect(status, id).toBe(404);
      expect(type).toMatch(/application\/json/);
      expect(JSON.stringify(body)).not.toMatch(/root:|"dependencies"/);
    }
  });

  it('answers ids that are not valid text with a JSON 400 or 404', async () => {
    const control = await get('/api/papers/abc%00def');
    expect(control.status).toBe(400);
    expect(control.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Path parameter 'id' must not contain control characters.",
      details: { field: 'id' },
    });
    const badUtf8 = await get('/api/papers/%FF%FE');
    expect([400, 404]).toContain(badUtf8.status);
    expect(badUtf8.body.error.code).toMatch(/INVALID_INPUT|PAPER_NOT_FOUND/);
    const tooLong = await get(`/api/papers/${'x'.repeat(201)}`);
    expect(tooLong.body.error.message).toBe("Path parameter 'id' must be at most 200 characters.");
  });

  it('answers the papers most similar to a paper, without the paper itself', async () => {
    const { status, body } = await get(`/api/papers/${encodeURIComponent(target.id)}/similar?k=3`);
    expect(status).toBe(200);
    expect(body.paperId).toBe(target.id);
    expect(body.results).toHaveLength(3);
    const ids = body.results.map((r: { paper: { id: string } }) => r.paper.id);
    expect(ids).not.toContain(target.id);
    const scores = body.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('validates k of similar papers and answers 404 for an unknown paper', async () => {
    const tooMany = await get(`/api/papers/${encodeURIComponent(target.id)}/similar?k=1000`);
    expect(tooMany.body.error.message).toBe("Query parameter 'k' must be at most 100.");
    const unknown = await get('/api/papers/no-such-paper/similar');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('PAPER_NOT_FOUND');
  });

  it('words an unknown paper alike on both paper routes, naming it in details.id', async () => {
    const paper = await get('/api/papers/nope');
    const similar = await get('/api/papers/nope/similar');
    for (const { status, body } of [paper, similar]) {
      expect(status).toBe(404);
      expect(body.error).toMatchObject({
        code: 'PAPER_NOT_FOUND',
        message: "No paper has the id 'nope'.",
        details: { id: 'nope' },
      });
    }
  });
});
