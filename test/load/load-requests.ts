// The requests the load test sends, made from the library it serves: searches in every mode (with
// filters and paging), questions to answer, and texts whose citations name real library papers.
import { LOAD_TOPICS, type LoadPaper, seededRandom, skewedPick, vocabularyOf } from './load-corpus.ts';

/** The kinds of request in the mix. */
export type LoadKind = 'search' | 'ask' | 'verify';

/** One request as autocannon sends it. */
export type LoadRequest = { method: 'GET' | 'POST'; path: string; body?: string };

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Headers for a request of the mix. */
export function headersOf(request: LoadRequest): Record<string, string> {
  return request.body === undefined ? {} : JSON_HEADERS;
}

function searches(papers: readonly LoadPaper[], random: () => number): LoadRequest[] {
  const modes = ['hybrid', 'semantic', 'keyword'] as const;
  return Array.from({ length: 90 }, (_, i) => {
    const topic = LOAD_TOPICS[i % LOAD_TOPICS.length]!;
    const vocabulary = vocabularyOf(topic);
    const words = Array.from({ length: 1 + Math.floor(random() * 4) }, () => skewedPick(random, vocabulary));
    const q = i % 10 === 9 ? papers[Math.floor(random() * papers.length)]!.title : words.join(' ');
    const params = new URLSearchParams({ q, mode: modes[i % modes.length]!, k: String([5, 10, 20][i % 3]) });
    if (i % 4 === 1) params.set('offset', '10');
    if (i % 6 === 2) params.set('year_from', String(2010 + (i % 12)));
    if (i % 7 === 3) params.set('tag', topic.tag);
    return { method: 'GET', path: `/api/search?${params}` };
  });
}

function questions(random: () => number): LoadRequest[] {
  const forms = [
    (a: string, b: string) => `How does ${a} affect ${b}?`,
    (a: string, b: string) => `What is known about ${a} and ${b}?`,
    (a: string, b: string) => `Does ${a} improve ${b}?`,
  ];
  const modes = ['hybrid', 'hybrid', 'keyword', 'semantic'] as const;
  return Array.from({ length: 40 }, (_, i) => {
    const topic = LOAD_TOPICS[i % LOAD_TOPICS.length]!;
    const vocabulary = vocabularyOf(topic);
    const question = forms[i % forms.length]!(skewedPick(random, vocabulary), skewedPick(random, vocabulary));
    const body = { question, mode: modes[i % modes.length], ...(i % 5 === 4 ? { filters: { tag: topic.tag } } : {}) };
    return { method: 'POST', path: '/api/ask', body: JSON.stringify(body) };
  });
}

// A claim made from a sentence of the paper it cites (so some verdicts are "supported"), cited in
// one of the forms readers write: author–year, DOI, arXiv id, or a number into a reference list.
function citedClaim(paper: LoadPaper, n: number, style: number): { claim: string; reference?: string } {
  const sentence = paper.abstract
    .split('. ')[0]!
    .replace(/^We show that /, '')
    .replace(/\.$/, '');
  const claim = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  const surname = paper.authors[0]!.split(' ').at(-1)!;
  if (style === 0) return { claim: `${claim} (${surname}, ${paper.year}).` };
  if (style === 1 && paper.doi) return { claim: `${claim} (doi:${paper.doi}).` };
  if (style === 2 && paper.arxivId) return { claim: `${claim} (arXiv:${paper.arxivId}).` };
  return {
    claim: `${claim} [${n}].`,
    reference: `[${n}] ${paper.authors.join(', ')} (${paper.year}). ${paper.title}. ${paper.venue}.`,
  };
}

function texts(papers: readonly LoadPaper[], random: () => number): LoadRequest[] {
  return Array.from({ length: 40 }, (_, i) => {
    const claims: string[] = [];
    const references: string[] = [];
    for (let j = 0; j < 3 + (i % 3); j++) {
      const paper = papers[Math.floor(random() * papers.length)]!;
      const { claim, reference } = citedClaim(paper, references.length + 1, (i + j) % 4);
      claims.push(claim);
      if (reference) references.push(reference);
    }
    claims.push('Nothing in this library speaks to the migration of eels (Nobody, 1901).');
    const text =
      references.length > 0 ? `${claims.join(' ')}\n\nReferences\n${references.join('\n')}` : claims.join(' ');
    return { method: 'POST', path: '/api/verify', body: JSON.stringify({ text, suggestions: i % 4 }) };
  });
}

/** The requests of each kind, deterministic for a library and seed. */
export function requestMix(papers: readonly LoadPaper[], seed: number): Record<LoadKind, LoadRequest[]> {
  const random = seededRandom(seed ^ 0x5eed);
  return { search: searches(papers, random), ask: questions(random), verify: texts(papers, random) };
}
