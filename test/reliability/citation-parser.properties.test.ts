// Property tests of citation checking under arbitrary and adversarial text: the citation parser, the
// reference-list reader, the verify service and POST /api/verify never fail with anything but an
// AppError, answer fast, and every offset they return points into the text that was sent.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.ts';
import { createApp } from '../../server/app.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { type Library, libraryOfIndex } from '../../server/verify/library.ts';
import { parseCitations } from '../../server/verify/parse-citations.ts';
import { parseReferenceEntries, splitReferences } from '../../server/verify/reference-list.ts';
import { zVerifyRequest, zVerifyResponse } from '../../server/verify/verify.schema.ts';
import { verifyText } from '../../server/verify/verify.service.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from '../server/verify/fixture-library.ts';
import { holderFor, testConfig } from '../support/sample-index.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Pieces of citations, references and identifiers, so random text reaches deep into the parser. */
const TOKENS = [
  '[',
  ']',
  '(',
  ')',
  '[[',
  ']]',
  '((',
  '))',
  '[1]',
  '[2, 3]',
  '[5–2]',
  '[1-999999]',
  '[1–500]',
  '[0]',
  '[9999]',
  '[1; 4–6]',
  '[@',
  '[sic]',
  '](http://x)',
  'caffeine-memory-trial',
  'glacier-melt',
  'Lindqvist',
  'Lin',
  'Chen',
  'Meier',
  'van der',
  'De la',
  'Müller',
  'O’Brien',
  '(Lin, 2026)',
  'Lin et al. (2026)',
  '(Lindqvist and Okafor 2024a)',
  '(see Meier, 2022; Chen, 2025, 2026)',
  'Lin & Chen (2026)',
  'et al.',
  ' et al',
  ' and ',
  ' & ',
  ', ',
  '; ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '.',
  '. ',
  '?',
  '2024',
  '2026',
  '2020a',
  '1961',
  'see ',
  'e.g. ',
  'cf. ',
  'Table ',
  'January ',
  'arXiv:',
  'arxiv: ',
  '2601.04321',
  '2401.01234v2',
  'hep-th/9901001',
  'https://arxiv.org/abs/',
  'doi:',
  '10.5555/caf.2024.001',
  '10.5555/glacier.2022.7',
  '10.1234/',
  'https://doi.org/',
  'References\n',
  '## Bibliography\n',
  '**Sources:**\n',
  'Notes\n',
  'ref. ',
  'refs ',
  ', Sec. 4',
  ', pp. 3–5',
  '<sup>1,2</sup>',
  '[1]–[3]',
  '(Lindqvist 12)',
  '2026a, b',
  'for a review, see ',
  '](https://openreview.net/x)',
  '¹',
  '.3 ',
  '[1] ',
  '1. ',
  '- ',
  '"A quoted title of a paper"',
  'Caffeine increases memory recall',
  'Heat waves drive glacier melt',
  'Attention sinks carry no meaning',
  '—',
  '–',
  '-',
  '\u0000',
  '\ud800',
  '\u200b',
  '😀',
  'ǅ',
];

/** Text made of citation-like pieces and arbitrary characters. */
const structuredText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string() }), {
    maxLength: 80,
  })
  .map((pieces) => pieces.join(''));

/** Any text: arbitrary code points (astral ones included), citation-like pieces, or both. */
const anyText = fc.oneof(structuredText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));

// A fixed seed keeps the suite deterministic; known counterexamples are pinned as examples.
const SEED = 20_261_125;
const RUNS = { numRuns: 300, seed: SEED };

let fixture: FixtureIndex;
let library: Library;
let app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> };
const logged: string[] = [];

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  library = libraryOfIndex(fixture.reader);
  app = createApp({
    holder: await holderFor(fixture.indexDir),
    config: testConfig(),
    log: (message) => logged.push(message),
  });
});
afterAll(() => fixture.close());
afterEach(() => {
  expect(logged.splice(0), 'unexpected errors logged by the server').toEqual([]);
});

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('parseCitations', () => {
  it('meets every kind of citation in the generated text, so the properties below reach the whole parser', () => {
    const kinds = new Set(
      fc.sample(structuredText, { numRuns: 300, seed: 7 }).flatMap((t) => parseCitations(t).map((c) => c.target.kind)),
    );
    expect([...kinds].sort()).toEqual(['arxiv', 'author-year', 'doi', 'key', 'numeric']);
  });

  it('never throws, and every citation spans characters of the text, in order of position', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { value: citations, ms } = timed(() => parseCitations(text));
        expect(ms).toBeLessThan(250);
        let previous = 0;
        for (const c of citations) {
          expect(Number.isInteger(c.start) && Number.isInteger(c.end)).toBe(true);
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeGreaterThan(c.start);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeGreaterThanOrEqual(previous);
          previous = c.start;
          expect(c.marker.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('gives citation groups that never overlap one another', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const groups = [...new Map(parseCitations(text).map((c) => [`${c.start}:${c.end}`, c])).values()];
        for (let i = 1; i < groups.length; i++) expect(groups[i]!.start).toBeGreaterThanOrEqual(groups[i - 1]!.end);
      }),
      RUNS,
    );
  });

  it('reads what each kind promises from the span it reports', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const c of parseCitations(text)) {
          const span = text.slice(c.start, c.end);
          switch (c.target.kind) {
            case 'numeric': {
              // "[1, 3]", "[1]–[3]", "[1](https://…)", "(ref. 2)", "ref. 2", "<sup>1</sup>", "【3】", "¹", "^1".
              expect(
                /^\[[\s\S]*[\])]$|^\([\s\S]*\)$|^refs?\b|^<sup>[\s\S]*<\/sup>$|^【[\s\S]*】$|^[\d⁰¹²³⁴⁵⁶⁷⁸⁹^]/iu.test(
                  span,
                ),
                span,
              ).toBe(true);
              expect(Number.isInteger(c.target.n) && c.target.n >= 0 && c.target.n <= 9999, span).toBe(true);
              break;
            }
            case 'key':
              // "[key]", "[@key; …]", LaTeX's "\cite{key}" (after a tie "~"), or Pandoc's in-text "@key".
              if (span.startsWith('@')) expect(span.slice(1).startsWith(c.target.key), span).toBe(true);
              else if (/^~?\\/u.test(span)) expect(span.endsWith('}'), span).toBe(true);
              // "[key]", or a Markdown link "[text](address)" whose text is the key.
              else expect(span.startsWith('[') && (span.endsWith(']') || span.endsWith(')')), span).toBe(true);
              expect(span, span).toContain(c.target.key);
              break;
            case 'author-year':
              // '' for MLA's author and page, "(Lin 12)", which names no year.
              expect(c.target.year, span).toMatch(/^(?:\d{4}[a-z]?)?$/);
              expect(span, span).toContain(c.target.year);
              expect(span.endsWith(')') || span.endsWith(']'), span).toBe(true);
              break;
            case 'arxiv':
              expect(span.toLowerCase(), span).toContain(c.target.arxivId);
              break;
            case 'doi':
              expect(span.toLowerCase(), span).toContain(c.target.doi);
              break;
          }
        }
      }),
      RUNS,
    );
  });

  it('never expands a numeric group into more than 50 numbers per range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(99_999), fc.nat(99_999), fc.constantFrom('-', '–', '—', ',', ';')), {
          minLength: 1,
          maxLength: 6,
        }),
        (parts) => {
          const inner = parts.map(([a, b, sep]) => (sep === ',' || sep === ';' ? `${a}${sep} ${b}` : `${a}${sep}${b}`));
          const text = `A claim [${inner.join(', ')}].`;
          const numbers = parseCitations(text).filter((c) => c.target.kind === 'numeric');
          expect(numbers.length).toBeLessThanOrEqual(parts.length * 50);
          for (const c of numbers) expect(c.target.kind === 'numeric' && c.target.n <= 9999).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('reads [5–2] as two citations, [1–500] as no run of 500, and [1-999999] as no numeric citation', () => {
    const numbers = (text: string) =>
      parseCitations(text).flatMap((c) => (c.target.kind === 'numeric' ? [c.target.n] : []));
    expect(numbers('Sinks appear [5–2].')).toEqual([5, 2]);
    expect(numbers('Sinks appear [1–500].').length).toBeLessThanOrEqual(2);
    expect(numbers('Sinks appear [1-999999].')).toEqual([]);
  });

  it('parses 50 KB of adversarial text within a second', () => {
    const inputs = [
      '('.repeat(25_000) + ')'.repeat(25_000),
      '[Lin and '.repeat(5_000),
      '(Aand'.repeat(10_000),
      `(${'Lin and Chen and '.repeat(17)}x) `.repeat(170),
      `(${'van der '.repeat(36)}Lin 2020x) `.repeat(170),
      'Lin et al. (2020, '.repeat(3_000),
      `[${'1, '.repeat(99)}1] `.repeat(170),
      'doi:10.1234/'.repeat(4_000),
      'arXiv:2401.0123'.repeat(3_000),
      'Lindqvist (2024) '.repeat(3_000),
    ];
    for (const text of inputs) {
      const { ms } = timed(() => parseCitations(text));
      expect(ms, text.slice(0, 40)).toBeLessThan(1_000);
    }
  });
  // Regression (issue 14, item 2): the narrative pattern backtracked over every start in a long
  // word, so one 99 KB word took 4–17 s; the parenthetical one grew exponentially on "(AandAand…x)".
  const WORD_SHAPES = {
    'one capital letter': 'A',
    'one accented capital': 'Ä',
    'hyphenated capitals': 'A-',
    'a repeated particle': 'van ',
    'joined names': 'Aand',
    'an apostrophe name': 'O’B',
  };

  it('parses 50 KB of one long word, or of a particle repeated, within a second, alone or before a year', () => {
    for (const [name, unit] of Object.entries(WORD_SHAPES)) {
      const word = unit.repeat(Math.ceil(50_000 / unit.length));
      for (const text of [
        word,
        `${word} (2020)`,
        `(${word} 2020)`,
        `${word} et al. (2020)`,
        `Lin and ${word} (2020)`,
      ]) {
        const { ms } = timed(() => parseCitations(text));
        expect(ms, `${name}: ${text.slice(-30)}`).toBeLessThan(1_000);
      }
    }
  });

  it('parses any single unbroken word of 50 KB within a second', () => {
    const unit = fc.string({
      unit: fc.constantFrom('A', 'Ä', 'a', 'z', '-', "'", '’', '.', '&', 'É', 'ǅ', '1', '2'),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(unit, fc.constantFrom('', ' (2020)', ' 2020)'), (piece, tail) => {
        const text = `(${piece.repeat(Math.ceil(50_000 / piece.length))}${tail}`;
        const { ms } = timed(() => parseCitations(text));
        expect(ms, piece).toBeLessThan(1_000);
      }),
      { numRuns: 40, seed: SEED },
    );
  });

  it('reads every group of 300 characters of joined names without exponential backtracking', () => {
    const text = `(${'Aand'.repeat(74)}x) `.repeat(150);
    const { ms } = timed(() => parseCitations(text));
    expect(ms).toBeLessThan(1_000);
  });
});

describe('reference lists', () => {
  // BUG (reported): an entry line with a number and nothing after it ("[1] ") gets end < start.
  it('split a text into a body that is a prefix of it and entries whose spans lie after the body', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { body, references } = splitReferences(text);
        expect(text.startsWith(body)).toBe(true);
        for (const entry of references) {
          expect(entry.start).toBeGreaterThanOrEqual(body.length);
          expect(entry.end).toBeGreaterThanOrEqual(entry.start);
          expect(entry.end).toBeLessThanOrEqual(text.length);
          expect(Number.isInteger(entry.n)).toBe(true);
        }
      }),
      { ...RUNS, examples: [['A claim [1].\nReferences\n[1] ']] },
    );
  });

  // BUG (reported): as above, "[1] " alone gives an entry that ends before it starts.
  it('read any list given on its own without throwing, with spans inside it', () => {
    fc.assert(
      fc.property(anyText, (list) => {
        for (const entry of parseReferenceEntries(list)) {
          expect(entry.start).toBeGreaterThanOrEqual(0);
          expect(entry.end).toBeLessThanOrEqual(list.length);
          expect(entry.end).toBeGreaterThanOrEqual(entry.start);
        }
      }),
      { ...RUNS, examples: [['[1] ']] },
    );
  });
  // Regression: merging the initials of "J. Smith. Title." into the name re-tested an ever longer
  // string, so an entry of nothing but "A. A. A. …" took 12 s at 99 KB.
  it('read 50 KB lists of initials, quotes, years, particles and long words within a second', () => {
    const shapes = [
      'A. ',
      'A. B, ',
      `“${'a'.repeat(300)}`,
      '(2020) ',
      'A',
      'van ',
      ', ',
      'V. T. Agekyan, ',
      '10.1000/(a)',
    ];
    for (const unit of shapes) {
      const body = unit.repeat(Math.ceil(50_000 / unit.length));
      for (const text of [`Claim [1].\n\nReferences\n[1] ${body}`, `Claim [1].\nReferences\n${body}`]) {
        const { ms } = timed(() => splitReferences(text));
        expect(ms, unit).toBeLessThan(1_000);
      }
    }
  });
});

describe('verifyText', () => {
  const request = fc.record(
    {
      text: anyText,
      references: fc.oneof(anyText, fc.array(anyText, { maxLength: 8 })),
      suggestions: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: ['text'] },
  );

  it('throws nothing but an AppError for any request the schema accepts', () => {
    fc.assert(
      fc.property(request, (raw) => {
        const parsed = zVerifyRequest.safeParse(raw);
        if (!parsed.success) return;
        try {
          const response = zVerifyResponse.parse(verifyText(library, parsed.data));
          for (const claim of response.claims) {
            expect(claim.suggestions.length).toBeLessThanOrEqual(parsed.data.suggestions);
          }
        } catch (error) {
          expect(isAppError(error), String((error as Error).stack)).toBe(true);
        }
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});

describe('POST /api/verify', () => {
  async function verify(body: unknown) {
    const res = await app.request('/api/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  const realCitations = FIXTURE_PAPERS.map((p) => `(${p.authors[0]!.split(' ').at(-1)}, ${p.year})`);

  it('answers any text with 200 and a valid response, or 400 when it is blank, and never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          fc.constantFrom(...realCitations).map((c) => `Claims hold ${c}.`),
        ),
        async (text) => {
          const { status, body } = await verify({ text });
          if (text.trim() === '') {
            expect(status).toBe(400);
            return;
          }
          expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
          const parsed = zVerifyResponse.parse(body);
          for (const claim of parsed.claims) {
            expect(claim.start).toBeGreaterThanOrEqual(0);
            expect(claim.end).toBeGreaterThan(claim.start);
            expect(claim.end).toBeLessThanOrEqual(text.length);
            for (const citation of claim.citations) {
              expect(citation.start).toBeGreaterThanOrEqual(claim.start);
              expect(citation.end).toBeLessThanOrEqual(claim.end);
            }
          }
        },
      ),
      { numRuns: 150, seed: SEED },
    );
  });

  it('gives claim offsets that slice the claim out of a text that starts and ends with a word', async () => {
    const trimmed = anyText.map((t) => `Caffeine ${t} works.`);
    await fc.assert(
      fc.asyncProperty(trimmed, async (text) => {
        const { status, body } = await verify({ text });
        expect(status).toBe(200);
        for (const claim of zVerifyResponse.parse(body).claims) {
          expect(text.slice(claim.start, claim.end)).toBe(claim.text);
          for (const c of claim.citations) expect(c.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  // BUG (reported): zVerifyRequest trims `text`, so with leading white space every offset counts
  // from the trimmed text and points the web UI at the wrong characters of what was pasted.
  it('gives claim and citation offsets into the text as sent, leading white space included', async () => {
    const text = '\n\n  Caffeine increases short-term memory recall (Lindqvist, 2024).\n';
    const { status, body } = await verify({ text });
    expect(status).toBe(200);
    const [claim] = zVerifyResponse.parse(body).claims;
    expect(text.slice(claim!.start, claim!.end)).toBe(claim!.text);
    expect(text.slice(claim!.citations[0]!.start, claim!.citations[0]!.end)).toBe('(Lindqvist, 2024)');
  });
});

describe('POST /api/verify over a real socket', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      config: testConfig({ CITELENS_PORT: '0' }),
      indexDir: fixture.indexDir,
      webDir: tempDir('citelens-no-web-ui'),
      log: (message) => logged.push(message),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function timedFetch(path: string, init?: RequestInit): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, init);
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  }

  // Issue 14, item 2: one 99 KB word took 4–17 s to verify and a health check waited behind it.
  it('answers a 100 KB text of one long word within a second, and a health check sent meanwhile within 100 ms', async () => {
    const shapes = ['A', 'Ä', 'A-', 'van ', 'Aand', 'Lin and A'];
    // A server that has answered once: the first request also compiles the request path.
    await timedFetch('/api/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Caffeine improves recall (Lindqvist, 2024).' }),
    });
    for (const unit of shapes) {
      const text = `${unit.repeat(Math.floor(99_000 / unit.length))} (2020)`;
      // Best of five: the machine is shared, and one slow moment is not what this test looks for
      // (before the fix every attempt took 4–17 s).
      let best = { verify: Number.POSITIVE_INFINITY, health: Number.POSITIVE_INFINITY };
      for (let attempt = 0; attempt < 5 && (best.verify >= 1_000 || best.health >= 100); attempt++) {
        const verify = timedFetch('/api/verify', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        });
        await new Promise((resolve) => setTimeout(resolve, 5));
        const health = await timedFetch('/api/health');
        const answered = await verify;
        expect(answered.status, unit).toBe(200);
        expect(health.status, unit).toBe(200);
        if (answered.ms + health.ms < best.verify + best.health) best = { verify: answered.ms, health: health.ms };
      }
      expect(best.verify, unit).toBeLessThan(1_000);
      expect(best.health, unit).toBeLessThan(100);
    }
  });
});
