import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { createBuiltinJudge } from '../../../server/verify/judge/builtin.judge.ts';
import type { Judge, SelectiveRequest } from '../../../server/verify/judge/judge.ts';
import { libraryOfIndex } from '../../../server/verify/library.ts';
import { JUDGE_THRESHOLDS } from '../../../server/verify/support-verdicts.ts';
import { type VerifyRequest, zVerifyRequest } from '../../../server/verify/verify.schema.ts';
import { verifyText, verifyTextWith } from '../../../server/verify/verify.service.ts';
import { DRAFT, MODS_REFERENCES, ZOTERO_RDF_REFERENCES } from '../../support/reference-exports.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from './fixture-library.ts';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

const verify = (request: VerifyRequest) => verifyText(libraryOfIndex(fixture.reader), zVerifyRequest.parse(request));

describe('verify.service', () => {
  it('resolves every citation style to its library paper', () => {
    const text = [
      'Caffeine increased short-term memory recall in adults [1].',
      'Attention sinks arise from a variance discrepancy (Lin et al., 2026a) as arXiv:2601.04321 reports.',
      'Alpine glaciers lost mass faster between 2000 and 2020 (doi:10.5555/glacier.2022.7).',
      'BM25 remains a strong baseline for scientific passages, as Chen (2025) found [sparse-retrieval].',
      '',
      'References',
      '[1] Lindqvist, M. and Okafor, T. (2024). Caffeine and working memory in adults. J. Cogn. 12.',
    ].join('\n');
    const { claims } = verify({ text });
    const cited = claims.flatMap((claim) => claim.citations.map((c) => [c.kind, c.marker, c.paperId, c.resolvedBy]));
    expect(cited).toEqual([
      ['numeric', '[1]', 'caffeine-memory-trial', 'title'],
      ['author-year', 'Lin et al., 2026a', 'attention-sinks', 'author-year'],
      ['arxiv', 'arXiv:2601.04321', 'attention-sinks', 'arxiv'],
      ['doi', '10.5555/glacier.2022.7', 'glacier-melt', 'doi'],
      ['author-year', 'Chen, 2025', 'sparse-retrieval', 'author-year'],
      ['key', '[sparse-retrieval]', 'sparse-retrieval', 'id'],
    ]);
    for (const claim of claims) {
      for (const citation of claim.citations) expect(citation.verdict).toBe('supported');
    }
    expect(claims).toHaveLength(4);
  });

  it('resolves an author misspelt in the text and its list, through a list pasted with one entry on each line', () => {
    const text = [
      'Caffeine increased short-term memory recall in adults (Lindquist & Okafor, 2024).',
      'Alpine glaciers lost mass faster between 2000 and 2020 (Maier, 2022).',
      '',
      'Works Cited',
      'Lindquist, M., & Okafor, T. (2024). Caffeine and working memory in adults. J. Cogn. 12.',
      'Maier, H. (2022). Glacier melt rates in the Alps.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((claim) => claim.citations.map((c) => [c.marker, c.paperId, c.resolvedBy]))).toEqual([
      [['Lindquist & Okafor, 2024', 'caffeine-memory-trial', 'title']],
      [['Maier, 2022', 'glacier-melt', 'title']],
    ]);
  });

  it('reads caret superscripts as citations of the numbered list, a caret after the full stop closing its sentence', () => {
    const text = [
      'Caffeine increased short-term memory recall in adults, as shown previously.^1 Alpine glaciers lost mass',
      'faster between 2000 and 2020 than before^2,3.',
      '',
      'References',
      '1. Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.',
      '2. Meier H. Glacier melt rates in the Alps. 2022.',
      '3. Lin K, Chen W. Why attention sinks appear in transformers. arXiv:2601.04321.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((claim) => [claim.text, claim.citations.map((c) => [c.marker, c.paperId])])).toEqual([
      [
        'Caffeine increased short-term memory recall in adults, as shown previously.^1',
        [['[1]', 'caffeine-memory-trial']],
      ],
      [
        'Alpine glaciers lost mass\nfaster between 2000 and 2020 than before^2,3.',
        [
          ['[2]', 'glacier-melt'],
          ['[3]', 'attention-sinks'],
        ],
      ],
    ]);
  });

  it('resolves listed and ranged numeric citations entry by entry, judging each cited paper on its own', () => {
    const text = [
      'Caffeine increased short-term memory recall [1, 3].',
      'Attention sinks arise from a variance discrepancy [2–3].',
      '',
      'References',
      '1. Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.',
      '2. Lin K, Chen W. Why attention sinks appear in transformers. arXiv:2601.04321.',
      '3. Meier H. Glacier melt rates in the Alps. doi:10.5555/glacier.2022.7',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((claim) => claim.citations.map((c) => [c.marker, c.paperId, c.resolvedBy, c.verdict]))).toEqual([
      [
        ['[1]', 'caffeine-memory-trial', 'title', 'supported'],
        ['[3]', 'glacier-melt', 'doi', 'not_supported'],
      ],
      [
        ['[2]', 'attention-sinks', 'arxiv', 'supported'],
        ['[3]', 'glacier-melt', 'doi', 'not_supported'],
      ],
    ]);
  });

  it('gives each claim its exact span and each verdict the evidence sentence with its offsets', () => {
    const text = 'Intro line without citations.\nCaffeine increases short-term memory recall (Lindqvist et al., 2024).';
    const { claims } = verify({ text });
    const claim = claims.find((c) => c.citations.length > 0)!;
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    expect(claim.text).toBe('Caffeine increases short-term memory recall (Lindqvist et al., 2024).');
    const [citation] = claim.citations;
    expect(citation?.evidence?.text).toBe(
      'Caffeine intake increased short-term memory recall by 12% compared with placebo.',
    );
    const abstract = fixture.reader.getPaper('caffeine-memory-trial')!.paper.abstract;
    expect(abstract.slice(citation!.evidence!.start, citation!.evidence!.end)).toBe(citation!.evidence!.text);
  });

  it('reads a Markdown answer: list items without their bullets, and footnotes resolved through their definitions', () => {
    const text = [
      '## Findings',
      '',
      '- Caffeine increases short-term memory recall[^1].',
      '1. Alpine glaciers lost mass faster between 2000 and 2020 [2].',
      '',
      '[^1]: Lindqvist, M. and Okafor, T. (2024). Caffeine and working memory in adults. J. Cogn. 12.',
      '[2] Meier, H. (2022). Glacier melt rates in the Alps.',
    ].join('\n');
    const { claims } = verify({ text });
    const cited = claims.filter((c) => c.citations.length > 0);
    expect(cited.map((c) => c.text)).toEqual([
      'Caffeine increases short-term memory recall[^1].',
      'Alpine glaciers lost mass faster between 2000 and 2020 [2].',
    ]);
    for (const claim of cited) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    expect(cited.flatMap((c) => c.citations.map((citation) => [citation.marker, citation.paperId]))).toEqual([
      ['[^1]', 'caffeine-memory-trial'],
      ['[2]', 'glacier-melt'],
    ]);
  });

  it('resolves a Markdown link whose address the library does not know by its text, saying so, and drops a link that names no paper', () => {
    const text = [
      'Caffeine increases short-term memory recall ([Lindqvist et al. 2024](https://arxiv.org/abs/2409.00001)).',
      'Alpine glaciers lost mass faster between 2000 and 2020 ([Glacier melt rates in the Alps](https://doi.org/10.9999/x)).',
      'Glaciers hold steady ([Nobody 1901](https://arxiv.org/abs/1901.00001)).',
      'Caffeine improves recall ([Caffeine and working memory in adults](https://openreview.net/forum?id=x1)).',
      'See [our code](https://github.com/me/repo) for the scripts.',
    ].join('\n');
    const { claims } = verify({ text });
    const cited = claims.flatMap((claim) => claim.citations.map((c) => [c.paperId, c.resolvedBy, c.note]));
    expect(cited).toEqual([
      [
        'caffeine-memory-trial',
        'author-year',
        'No library paper has the link\'s arXiv id 2409.00001; its text, "Lindqvist et al. 2024", names this one.',
      ],
      [
        'glacier-melt',
        'title',
        'No library paper has the link\'s DOI 10.9999/x; its text, "Glacier melt rates in the Alps", names this one.',
      ],
      [null, null, 'No paper in the library has arXiv id 1901.00001.'],
      [
        'caffeine-memory-trial',
        'title',
        'No library paper has the link\'s address; its text, "Caffeine and working memory in adults", names this one.',
      ],
    ]);
  });

  it('reads a LaTeX draft, and gives a narrative citation that opens a sentence to that sentence', () => {
    const text = [
      'Caffeine increased short-term memory recall~\\cite{caffeine-memory-trial}.',
      'Lin and Chen (2026) trace attention sinks to a variance discrepancy.',
      '\\citet{sparse-retrieval} finds BM25 a strong baseline for scientific passages.',
    ].join(' ');
    const { claims } = verify({ text });
    expect(claims.map((claim) => [claim.text, claim.citations.map((c) => [c.paperId, c.verdict])])).toEqual([
      [
        'Caffeine increased short-term memory recall~\\cite{caffeine-memory-trial}.',
        [['caffeine-memory-trial', 'supported']],
      ],
      ['Lin and Chen (2026) trace attention sinks to a variance discrepancy.', [['attention-sinks', 'supported']]],
      [
        '\\citet{sparse-retrieval} finds BM25 a strong baseline for scientific passages.',
        [['sparse-retrieval', 'supported']],
      ],
    ]);
  });

  it('reads a LaTeX section: headings and comments are no claims, \\bibitem keys resolve through their entries', () => {
    const text = [
      '\\section{Background}\\label{sec:bg}',
      '% Ask Tom about the dose before submitting the draft.',
      'Caffeine \\emph{increased} short-term memory recall in adults~\\cite{tom24}.',
      '\\begin{thebibliography}{1}',
      '\\bibitem{tom24} M.~Lindqvist and T.~Okafor. \\newblock {\\em Caffeine and working memory in adults}. 2024.',
      '\\end{thebibliography}',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((c) => [c.text, c.citations.map((x) => [x.paperId, x.resolvedBy, x.verdict])])).toEqual([
      [
        'Caffeine \\emph{increased} short-term memory recall in adults~\\cite{tom24}.',
        [['caffeine-memory-trial', 'title', 'supported']],
      ],
    ]);
    expect(text.slice(claims[0]!.start, claims[0]!.end)).toBe(claims[0]!.text);
  });

  it('reads "(1)" as a citation of a numbered reference list, and not beside a list without numbers', () => {
    const cited = (text: string) =>
      verify({ text }).claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId]));
    const body = 'Caffeine increased short-term memory recall in adults (1).\n\nReferences\n';
    expect(cited(`${body}1. Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.`)).toEqual([
      ['[1]', 'caffeine-memory-trial'],
    ]);
    expect(cited(`${body}Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.`)).toEqual([]);
  });

  it('keeps "(ref. 1)" and "[1, Sec. 2]" inside the claim they close, resolved through the reference list', () => {
    const text = [
      'Caffeine increased short-term memory recall in adults (ref. 1). Recall rose most after a morning dose [1, Sec. 2].',
      '',
      'References',
      '1. Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((c) => [c.text, c.citations.map((x) => [x.marker, x.paperId])])).toEqual([
      ['Caffeine increased short-term memory recall in adults (ref. 1).', [['[1]', 'caffeine-memory-trial']]],
      ['Recall rose most after a morning dose [1, Sec. 2].', [['[1]', 'caffeine-memory-trial']]],
    ]);
  });

  it('ends a claim after a number glued to its full stop, as a superscript copied out of a PDF reads', () => {
    const text = [
      'Caffeine increased short-term memory recall in adults.1 Alpine glaciers lost mass faster between 2000 and 2020.',
      '',
      'References',
      '1. Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((c) => [c.text, c.citations.map((x) => x.paperId)])).toEqual([
      ['Caffeine increased short-term memory recall in adults.1', ['caffeine-memory-trial']],
      ['Alpine glaciers lost mass faster between 2000 and 2020.', []],
    ]);
  });

  it("skips a Markdown draft's front matter: its lines are no claims and its bibliography line is no reference list", () => {
    const text = [
      '---',
      'title: Caffeine notes',
      'bibliography:',
      '  - refs.bib',
      '---',
      'Caffeine increased short-term memory recall in adults [1].',
      '',
      'References',
      '[1] Lindqvist M, Okafor T. Caffeine and working memory in adults. 2024.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((c) => [text.slice(c.start, c.end), c.citations.map((x) => x.paperId)])).toEqual([
      ['Caffeine increased short-term memory recall in adults [1].', ['caffeine-memory-trial']],
    ]);
  });

  it('reads an acronym alone before a year as an author only when the library or the reference list names one', () => {
    const text = [
      'Alpine glaciers lost mass faster between 2000 and 2020 (MEIER 2022).',
      'Remote work grew quickly during the pandemic (COVID 2020).',
      'Vaccines were given to health workers first (WHO 2021).',
      '',
      'References',
      'WHO (2021). Interim recommendations for the use of vaccines. Geneva.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((c) => [text.slice(c.start, c.end), c.citations.map((x) => [x.marker, x.paperId])])).toEqual([
      ['Alpine glaciers lost mass faster between 2000 and 2020 (MEIER 2022).', [['MEIER, 2022', 'glacier-melt']]],
      ['Remote work grew quickly during the pandemic (COVID 2020).', []],
      ['Vaccines were given to health workers first (WHO 2021).', [['WHO, 2021', null]]],
    ]);
  });

  // Regression: "(WHO 2020)" cited nothing, since the entry's surname reads as "world" and an acronym alone needs a known author.
  it('reads an acronym before a year as the group a reference entry names by it, and links that entry', () => {
    const text = [
      'Vaccines were given to health workers first (WHO 2020).',
      'Sea levels rose faster after 2010 (NASA 2019).',
      'Remote work grew quickly during the pandemic (COVID 2020).',
      '',
      'References',
      'World Health Organization (WHO). (2020). Guidelines on vaccine allocation. Geneva.',
      'National Aeronautics and Space Administration. (2019). Sea level report. Washington.',
    ].join('\n');
    const { claims } = verify({ text });
    expect(claims.map((c) => c.citations.map((x) => [x.marker, x.reference?.slice(0, 20) ?? null]))).toEqual([
      [['WHO, 2020', 'World Health Organiz']],
      [['NASA, 2019', 'National Aeronautics']],
      [],
    ]);
  });

  it("reads MLA's author and page through the works cited or the library, and not a capitalized word and a number", () => {
    const text = [
      'Caffeine increased short-term memory recall in adults (Lindqvist and Okafor 3).',
      'Alpine glaciers lost mass faster between 2000 and 2020 (Meier 12–14).',
      'Recall was tested again in the second phase (Phase 2).',
      'Attention sinks arise from a variance discrepancy (Lin 5).',
      '',
      'Works Cited',
      'Lindqvist, Maria, and Tom Okafor. "Caffeine and Working Memory in Adults." 2024.',
    ].join('\n');
    const cited = verify({ text }).claims.flatMap((c) =>
      c.citations.map((x) => [x.marker, x.paperId, x.resolvedBy, x.note]),
    );
    expect(cited).toEqual([
      ['Lindqvist and Okafor 3', 'caffeine-memory-trial', 'title', null],
      ['Meier 12–14', 'glacier-melt', 'author-year', null],
      ['Lin 5', null, null, 'The library holds 2 papers by Lin: add a year or a short title to tell them apart.'],
    ]);
  });

  it('reads APA\'s undated citations ("n.d.", "in press", "forthcoming") by their author, and keeps an unknown one as not in the library', () => {
    const text = [
      'Alpine glaciers lost mass faster between 2000 and 2020 (Meier, n.d.).',
      'As Lindqvist and Okafor (in press) found, caffeine increased short-term memory recall in adults.',
      'Fired tiles record the kiln curve (Nobody et al., forthcoming).',
    ].join(' ');
    const cited = verify({ text }).claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId, x.verdict]));
    expect(cited).toEqual([
      ['Meier, n.d.', 'glacier-melt', expect.any(String)],
      ['Lindqvist and Okafor, in press', 'caffeine-memory-trial', expect.any(String)],
      ['Nobody et al., forthcoming', null, 'not_in_library'],
    ]);
  });

  it('reads a name of several words and a year as a citation only when the library or the list knows it', () => {
    const text = [
      'Adult obesity rose by a third (United States, 2020).',
      'Most of the added heat went into the oceans (World Meteorological Organization, 2021).',
      '',
      'References',
      'World Meteorological Organization (2021). State of the Global Climate 2021. Geneva.',
    ].join('\n');
    const cited = verify({ text }).claims.flatMap((c) => c.citations.map((x) => [x.marker, x.verdict]));
    expect(cited).toEqual([['World Meteorological Organization, 2021', 'not_in_library']]);
  });

  it('reads references given as a BibTeX export, each keyed by its citation key and resolved by its fields', () => {
    const references = [
      '@article{okafor24,',
      '  author = {Lindqvist, Maria and Okafor, Tom},',
      '  title = {Caffeine and Working Memory in Adults},',
      '  year = {2024}',
      '}',
      '@misc{meier22, title = {Glacier melt rates in the Alps}, author = {Meier, Hans}, doi = {10.5555/glacier.2022.7}}',
    ].join('\n');
    const text =
      'Caffeine increased short-term memory recall [@okafor24]. Alpine glaciers lost mass faster [@meier22].';
    const response = verify({ text, references });
    expect(response.claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId, x.resolvedBy]))).toEqual([
      ['[okafor24]', 'caffeine-memory-trial', 'title'],
      ['[meier22]', 'glacier-melt', 'doi'],
    ]);
    expect(response.references.map((r) => [r.n, r.paperId])).toEqual([
      [1, 'caffeine-memory-trial'],
      [2, 'glacier-melt'],
    ]);
  });

  it('reads references given as a MODS or Zotero RDF export, one entry a record, resolved by their fields', () => {
    for (const references of [MODS_REFERENCES, ZOTERO_RDF_REFERENCES]) {
      const response = verify({ text: DRAFT, references });
      expect(response.references.map((r) => [r.n, r.text, r.paperId])).toEqual([
        [1, 'Maria Lindqvist, Tom Okafor (2024) Caffeine and working memory in adults.', 'caffeine-memory-trial'],
        [2, 'Hans Meier (2022) Glacier melt rates in the Alps.', 'glacier-melt'],
      ]);
      expect(response.claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId, x.resolvedBy]))).toEqual([
        ['[1]', 'caffeine-memory-trial', 'doi'],
        ['Meier, 2022', 'glacier-melt', 'title'],
      ]);
    }
  });

  it('reads an export pasted under the References heading after the claims as its records, as one given apart', () => {
    for (const export_ of [MODS_REFERENCES, ZOTERO_RDF_REFERENCES]) {
      const response = verify({ text: `${DRAFT}\n\nReferences\n${export_}` });
      expect(response.references.map((r) => [r.n, r.paperId])).toEqual([
        [1, 'caffeine-memory-trial'],
        [2, 'glacier-melt'],
      ]);
      expect(response.claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId, x.resolvedBy]))).toEqual([
        ['[1]', 'caffeine-memory-trial', 'doi'],
        ['Meier, 2022', 'glacier-melt', 'title'],
      ]);
    }
    const bibtex =
      '@article{okafor24,\n  author = {Lindqvist, Maria and Okafor, Tom},\n  title = {Caffeine and Working Memory in Adults},\n  year = {2024}\n}';
    const cited = verify({
      text: `Caffeine increased short-term memory recall [@okafor24].\n\n## References\n${bibtex}\n`,
    });
    expect(cited.claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId, x.resolvedBy]))).toEqual([
      ['[okafor24]', 'caffeine-memory-trial', 'title'],
    ]);
  });

  it('judges each citation of a sentence against the clause it is attached to, and says which part that was', () => {
    const text =
      'Caffeine increased short-term memory recall [caffeine-memory-trial], while alpine glaciers lost mass faster between 2000 and 2020 [glacier-melt].';
    const [claim] = verify({ text }).claims;
    expect(claim!.citations.map((c) => [c.paperId, c.verdict, c.part?.text])).toEqual([
      ['caffeine-memory-trial', 'supported', 'Caffeine increased short-term memory recall [caffeine-memory-trial],'],
      ['glacier-melt', 'supported', 'while alpine glaciers lost mass faster between 2000 and 2020 [glacier-melt].'],
    ]);
    const part = claim!.citations[1]!.part!;
    expect(text.slice(part.start, part.end)).toBe(part.text);
    const single = verify({ text: 'Caffeine increased short-term memory recall [1, 2].', references: ['x', 'y'] });
    expect(single.claims[0]!.citations.map((c) => c.part)).toEqual([null, null]);
    // A "sentence" of more citation groups than any prose has is judged whole.
    const listed = verify({ text: `${'Caffeine raised recall [caffeine-memory-trial], '.repeat(30)}in adults.` });
    expect(listed.claims[0]!.citations.every((c) => c.part === null)).toBe(true);
  });

  // Regression: a clause was read alone for relevance too, so a clause that leaves the sentence's
  // topic to the other clause ("this change") was judged as not bearing on its paper at all.
  it('reads whether a cited paper bears on its clause in the whole sentence, and its stance in the clause', () => {
    const text =
      'Alpine glaciers lost mass more slowly after 2000 [wing-loads], though this change came mostly with summer heat [glacier-melt].';
    const clause = 'though this change came mostly with summer heat.';
    const [claim] = verify({ text, suggestions: 0 }).claims;
    const cited = claim!.citations[1]!;
    expect(cited.part?.text).toBe(`${clause.slice(0, -1)} [glacier-melt].`);
    // Read on the whole sentence, "more slowly" would contradict "lost mass faster"; read on its
    // clause alone, the paper would not bear on it at all.
    const judge = createBuiltinJudge(libraryOfIndex(fixture.reader).statistics);
    const paper = sentencesOfPaper(FIXTURE_PAPERS.find((p) => p.id === 'glacier-melt')!);
    expect(judge.judgeNow(claim!.text, paper).verdict).toBe('contradicted');
    expect(judge.scorer.relevance(clause, paper)).toBeLessThan(JUDGE_THRESHOLDS.relevant);
    expect(cited).toMatchObject({ paperId: 'glacier-melt', verdict: 'supported', conflicts: [] });
    expect(cited.evidence?.text).toBe('Summer heat waves explain most of the acceleration.');
  });

  it('reports citations that resolve to nothing as not in the library, saying why', () => {
    const text = [
      'Caffeine increases short-term memory recall [2].',
      'Glaciers are retreating (doi:10.9999/missing.1).',
      'Sinks carry no semantic content (Nobody et al., 1999).',
      '',
      'References',
      '[1] Lindqvist, M. (2024). Caffeine and working memory in adults.',
    ].join('\n');
    const citations = verify({ text }).claims.flatMap((c) => c.citations);
    expect(citations.map((c) => [c.marker, c.paperId, c.verdict, c.score, c.evidence])).toEqual([
      ['[2]', null, 'not_in_library', 0, null],
      ['10.9999/missing.1', null, 'not_in_library', 0, null],
      ['Nobody et al., 1999', null, 'not_in_library', 0, null],
    ]);
    expect(citations[0]?.note).toMatch(/no entry 2/);
    expect(citations[1]?.note).toMatch(/DOI 10\.9999\/missing\.1/);
    expect(citations[2]?.note).toMatch(/by Nobody from 1999/);
  });

  it('judges a claim cited to the wrong paper as not supported, and suggests the paper that backs it', () => {
    const wrong = verify({
      text: 'Caffeine increases short-term memory recall [1].',
      references: ['Ruiz, A. (2019). A history of caffeine consumption.'],
    });
    const right = verify({
      text: 'Caffeine increases short-term memory recall [1].',
      references: ['Lindqvist, M. (2024). Caffeine and working memory in adults.'],
    });
    const [wrongCitation] = wrong.claims[0]!.citations;
    const [rightCitation] = right.claims[0]!.citations;
    expect(wrongCitation).toMatchObject({ paperId: 'caffeine-history', verdict: 'not_supported' });
    expect(rightCitation).toMatchObject({ paperId: 'caffeine-memory-trial', verdict: 'supported' });
    expect(rightCitation!.score).toBeGreaterThan(wrongCitation!.score + 0.5);
    expect(wrong.claims[0]!.suggestions.map((s) => s.paperId)).toEqual(['caffeine-memory-trial']);
    expect(right.claims[0]!.suggestions).toEqual([]);
  });

  it('judges evidence that reverses the claimed direction as contradicting the claim, not as support', () => {
    const { claims } = verify({ text: 'Caffeine decreases short-term memory recall [caffeine-memory-trial].' });
    const citation = claims[0]!.citations[0]!;
    expect(citation).toMatchObject({ verdict: 'contradicted', conflicts: ['direction'], judge: 'builtin' });
    expect(citation.contradiction).toBeGreaterThan(citation.support);
    expect(citation.evidence?.text).toBe(
      'Caffeine intake increased short-term memory recall by 12% compared with placebo.',
    );
  });

  it('chooses, among papers by the same first author and year, the one that backs the claim', () => {
    const { claims } = verify({
      text: 'Quantizing the cache to four bits keeps perplexity close to full precision (Lin et al., 2026).',
    });
    expect(claims[0]!.citations[0]).toMatchObject({ paperId: 'kv-cache-compression', verdict: 'supported' });
    expect(claims[0]!.citations[0]!.note).toMatch(/2 library papers match/);
  });

  it('lists the reference list with the paper each entry resolved to', () => {
    const { references } = verify({
      text: 'A claim about glaciers [1]. Another [2].',
      references: '[1] Meier H. Glacier melt rates in the Alps. 2022.\n[2] Someone. A paper the library lacks. 2020.',
    });
    expect(references.map((r) => [r.n, r.paperId, r.resolvedBy])).toEqual([
      [1, 'glacier-melt', 'title'],
      [2, null, null],
    ]);
  });

  it('suggests supporting papers for a claim that cites nothing', () => {
    const { claims } = verify({ text: 'Summer heat waves explain most of the acceleration of glacier melt.' });
    expect(claims[0]!.citations).toEqual([]);
    expect(claims[0]!.suggestions[0]?.paperId).toBe('glacier-melt');
  });

  it('hands the judge one sentence list per paper, and each suggestion candidate marked as one', async () => {
    const library = libraryOfIndex(fixture.reader);
    const seen: SelectiveRequest[] = [];
    const builtin = createBuiltinJudge(library.statistics);
    const recording: Judge = {
      ...builtin,
      judgeSelectively: async (requests) => {
        seen.push(...requests);
        return builtin.judgeSelectively(requests);
      },
    };
    const request = zVerifyRequest.parse({
      text: 'Caffeine increased short-term memory recall in adults [caffeine-memory-trial]. Heat waves drive Alpine glacier melt.',
      suggestions: 3,
    });
    const response = await verifyTextWith(library, request, recording);
    expect(response).toEqual({ ...verifyText(library, request), tookMs: response.tookMs });
    const byText = new Map<string, Set<unknown>>();
    for (const { sentences } of seen) {
      const key = sentences.map((s) => s.text).join(' ');
      byText.set(key, (byText.get(key) ?? new Set()).add(sentences));
    }
    expect(seen.length).toBeGreaterThan(byText.size);
    for (const lists of byText.values()) expect(lists.size).toBe(1);
    // The cited paper is judged for its citation, then once more as a suggestion candidate.
    expect(seen.filter((r) => !r.suggestion)).toHaveLength(1);
    expect(seen.filter((r) => r.suggestion).length).toBeGreaterThan(1);
  });
});

describe('verify.service grouped citations', () => {
  it('tells the judge how many other works each citation is cited beside, and nothing of it for a suggestion', async () => {
    const library = libraryOfIndex(fixture.reader);
    const seen: SelectiveRequest[] = [];
    const builtin = createBuiltinJudge(library.statistics);
    const recording: Judge = {
      ...builtin,
      judgeSelectively: async (requests) => {
        seen.push(...requests);
        return builtin.judgeSelectively(requests);
      },
    };
    const text =
      'Caffeine increased short-term memory recall in adults [caffeine-memory-trial, caffeine-history]. Attention sinks arise from a variance discrepancy [attention-sinks].';
    const response = await verifyTextWith(library, zVerifyRequest.parse({ text, suggestions: 3 }), recording);
    expect(seen.filter((r) => !r.suggestion).map((r) => r.cocited)).toEqual([1, 1, 0]);
    expect(seen.filter((r) => r.suggestion).every((r) => r.cocited === undefined)).toBe(true);
    // The paper cited in a group is read with less support than the same paper cited alone.
    const supportOf = (answer: typeof response, paperId: string) =>
      answer.claims.flatMap((c) => c.citations).find((c) => c.paperId === paperId)!.support;
    const alone = verify({ text: 'Caffeine increased short-term memory recall in adults [caffeine-memory-trial].' });
    expect(supportOf(response, 'caffeine-memory-trial')).toBeLessThan(supportOf(alone, 'caffeine-memory-trial'));
  });
});

// Papers that text written with a model cites by name: a title's head before its colon, a short
// name closing the title in parentheses, a one-word title.
const NAMED_PAPERS = [
  {
    id: 'leakdojo',
    title: 'LeakDojo: Decoding the Leakage Threats of RAG Systems',
    authors: ['Mei Tanaka'],
    year: 2026,
    abstract:
      'We present LeakDojo, a benchmark that measures how often RAG systems reveal private documents from their knowledge base. Across twelve systems, making RAG more faithful to its retrieved documents brings a higher leakage risk. Filtering queries before retrieval reduces leakage.',
  },
  {
    id: 'emo',
    title: 'EMO: Pretraining Mixture of Experts for Emergent Modularity',
    authors: ['Ravi Iyer'],
    year: 2026,
    abstract:
      'EMO pretrains a mixture of experts whose experts specialise by domain without labels. Removing one module of experts hurts only its own domain.',
  },
  {
    id: 'vhg',
    title: 'Verifier-Backed Hard Problem Generation (VHG)',
    authors: ['Lena Vogt'],
    year: 2026,
    abstract:
      'We generate hard math problems whose answers a verifier checks. The generated problems lower the accuracy of frontier models by thirty points.',
  },
  {
    id: 'glazybench',
    title: 'GlazyBench',
    authors: ['Omar Haddad'],
    year: 2025,
    abstract:
      'GlazyBench measures sycophancy in chat assistants. Assistants agree with false beliefs of their users in forty percent of turns.',
  },
  {
    id: 'moe-scale',
    title: 'MoE: Sparse Experts at Scale',
    authors: ['Jun Park'],
    year: 2024,
    abstract: 'Sparse mixtures of experts train faster than dense models of equal compute.',
  },
];

describe('verify.service named citations', () => {
  let named: FixtureIndex;
  beforeAll(async () => {
    named = await buildFixtureIndex(NAMED_PAPERS);
  });
  afterAll(() => named.close());
  const verifyNamed = (request: VerifyRequest) =>
    verifyText(libraryOfIndex(named.reader), zVerifyRequest.parse(request));
  const citedIn = (text: string, references?: string) =>
    verifyNamed({ text, ...(references ? { references } : {}) }).claims.map((claim) => [
      claim.text,
      claim.citations.map((c) => [text.slice(c.start, c.end), c.paperId, c.verdict]),
    ]);

  // Regression: a paper cited by its name alone ("[LeakDojo]", "(see LeakDojo)", "(EMO)") was not read.
  it('resolves a paper cited by its name alone to the library paper of that name, and judges it', () => {
    const text = [
      'Making RAG more faithful to its documents reduces leakage [LeakDojo].',
      'Filtering queries before retrieval reduces leakage (see LeakDojo).',
      'Experts specialise by domain without labels (EMO).',
      'Generated problems lower the accuracy of frontier models by thirty points [LeakDojo; EMO].',
      'Generated problems lower the accuracy of frontier models by thirty points (cf. VHG).',
      'Assistants agree with false beliefs of their users in forty percent of turns (e.g., GlazyBench).',
    ].join('\n');
    expect(citedIn(text)).toEqual([
      [
        'Making RAG more faithful to its documents reduces leakage [LeakDojo].',
        [['[LeakDojo]', 'leakdojo', 'contradicted']],
      ],
      [
        'Filtering queries before retrieval reduces leakage (see LeakDojo).',
        [['(see LeakDojo)', 'leakdojo', 'supported']],
      ],
      ['Experts specialise by domain without labels (EMO).', [['(EMO)', 'emo', 'supported']]],
      [
        'Generated problems lower the accuracy of frontier models by thirty points [LeakDojo; EMO].',
        [
          ['[LeakDojo; EMO]', 'leakdojo', 'not_supported'],
          ['[LeakDojo; EMO]', 'emo', 'not_supported'],
        ],
      ],
      [
        'Generated problems lower the accuracy of frontier models by thirty points (cf. VHG).',
        [['(cf. VHG)', 'vhg', 'supported']],
      ],
      [
        'Assistants agree with false beliefs of their users in forty percent of turns (e.g., GlazyBench).',
        [['(e.g., GlazyBench)', 'glazybench', 'supported']],
      ],
    ]);
  });

  it('reads no abbreviation the words before it spell out, no unknown name and no aside as a citation', () => {
    const text = [
      'Sparse layers route tokens to a mixture of experts (MoE) for speed.',
      'Assistants agree with the false beliefs of users [Foo] (Foo) [sic] (n = 12) (Fig. 2).',
      'Sparse experts train faster than dense models (see MoE).',
    ].join('\n');
    expect(citedIn(text)).toEqual([
      ['Sparse layers route tokens to a mixture of experts (MoE) for speed.', []],
      ['Assistants agree with the false beliefs of users [Foo] (Foo) [sic] (n = 12) (Fig. 2).', []],
      ['Sparse experts train faster than dense models (see MoE).', [['(see MoE)', 'moe-scale', 'supported']]],
    ]);
  });

  it('reads a name the reference list gives as a citation of its entry, though the library lacks the paper', () => {
    const text = 'Allocating compute by difficulty saves tokens (see DAPRO).';
    const { claims } = verifyNamed({
      text,
      references: '[1] DAPRO: Dynamic Allocation of Compute for Reasoning. arXiv 2026.',
    });
    expect(claims[0]!.citations).toMatchObject([
      { marker: '[DAPRO]', paperId: null, verdict: 'not_in_library', reference: expect.stringContaining('DAPRO') },
    ]);
    expect(citedIn(text)).toEqual([[text, []]]);
  });

  // Regression: since any lower-case lead-in was allowed, "(trained on ImageNet 2012)" was read as
  // a citation of an author ImageNet and showed as unresolved.
  it('reads a name after a lead-in as an author only when the lead-in says who reported it or the library knows one', () => {
    const text = [
      'The encoder was pretrained on labelled photographs (trained on ImageNet 2012).',
      'The effect of filtering on leakage held up (published in Nature 2020).',
      'The effect of filtering on retrieval held up (published in Nature, 2020).',
      'The effect of filtering on leakage held up (a finding replicated by Rathi, 2026).',
      'Filtering queries before retrieval reduces leakage (as shown by Tanaka 2026).',
    ].join('\n');
    expect(citedIn(text)).toEqual([
      ['The encoder was pretrained on labelled photographs (trained on ImageNet 2012).', []],
      ['The effect of filtering on leakage held up (published in Nature 2020).', []],
      ['The effect of filtering on retrieval held up (published in Nature, 2020).', []],
      [
        'The effect of filtering on leakage held up (a finding replicated by Rathi, 2026).',
        [['(a finding replicated by Rathi, 2026)', null, 'not_in_library']],
      ],
      [
        'Filtering queries before retrieval reduces leakage (as shown by Tanaka 2026).',
        [['(as shown by Tanaka 2026)', 'leakdojo', 'supported']],
      ],
    ]);
  });
});

// Papers whose names are English words ("Transformers", "Dropout"), or whose abstracts open with one
// ("Memory is consolidated…", "Attention concentrates…"), beside two that cite by a coined name.
const WORD_NAMED_PAPERS = [
  NAMED_PAPERS[0]!,
  NAMED_PAPERS[1]!,
  {
    id: 'memory-sleep',
    title: 'Memory Consolidation During Sleep',
    authors: ['Ada Brandt'],
    year: 2019,
    abstract: 'Memory is consolidated during slow-wave sleep. Recall improves after a night of sleep.',
  },
  {
    id: 'attention-sinks-lm',
    title: 'Attention Sinks in Language Models',
    authors: ['Kai Moreno'],
    year: 2024,
    abstract: 'Attention concentrates on the first token of a sequence. Removing that token degrades long inputs.',
  },
  {
    id: 'transformers-library',
    title: 'Transformers: State-of-the-Art Natural Language Processing',
    authors: ['Thomas Wolf'],
    year: 2020,
    abstract: 'Transformers is an open-source library of pretrained models for natural language processing.',
  },
  {
    id: 'dropout',
    title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
    authors: ['Nitish Srivastava'],
    year: 2014,
    abstract: 'Dropout randomly drops units during training, which prevents neural networks from overfitting.',
  },
];

describe('verify.service names that are words', () => {
  let words: FixtureIndex;
  beforeAll(async () => {
    words = await buildFixtureIndex(WORD_NAMED_PAPERS);
  });
  afterAll(() => words.close());
  const citedIn = (text: string) =>
    verifyText(libraryOfIndex(words.reader), zVerifyRequest.parse({ text })).claims.map((claim) =>
      claim.citations.map((c) => [text.slice(c.start, c.end), c.paperId]),
    );

  // Regression: a library paper's title head ("Transformers", "Dropout") or the word its abstract
  // opens with ("Memory", "Attention") made that word alone in a parenthesis or bracket a citation,
  // and the sentence was flagged as not supported by a paper it never cited.
  it('reads an English word alone in a parenthesis or bracket as no citation, though a paper goes by it', () => {
    const text = [
      'Sleep helps the brain keep what it learned (Memory) overnight, we argue.',
      'Recall improves after a night of rest [Memory] in most adults.',
      'Language models weigh the first token heavily (Attention) in long inputs.',
      'Pretrained encoders (Transformers) replaced recurrent networks in most systems.',
      'They [Transformers] scale with data.',
      'We fine-tune this Llama (2023) checkpoint on our data.',
      'The model keeps its Transformer (2017) backbone unchanged.',
    ].join('\n');
    expect(citedIn(text)).toEqual([[], [], [], [], [], [], []]);
  });

  it('still resolves a coined name alone and a word-like name after a lead-in', () => {
    const text = [
      'Making RAG more faithful to its documents reduces leakage [LeakDojo].',
      'Experts specialise by domain without labels (EMO).',
      'Randomly dropping units prevents overfitting (see Dropout).',
    ].join('\n');
    expect(citedIn(text)).toEqual([[['[LeakDojo]', 'leakdojo']], [['(EMO)', 'emo']], [['(see Dropout)', 'dropout']]]);
  });
});
