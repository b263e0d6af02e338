import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../../server/verify/parse-citations.ts';

const markersOf = (text: string) => parseCitations(text).map((c) => c.marker);

describe('parse-citations', () => {
  it('reads single, listed and ranged numeric citations with the span of their group', () => {
    const text = 'Sinks are structural [1]. Valence is asymmetric [1, 3], as is depth [2–4].';
    const citations = parseCitations(text);
    expect(citations.map((c) => c.marker)).toEqual(['[1]', '[1]', '[3]', '[2]', '[3]', '[4]']);
    expect(text.slice(citations[1]!.start, citations[1]!.end)).toBe('[1, 3]');
    expect(text.slice(citations[3]!.start, citations[3]!.end)).toBe('[2–4]');
    expect(citations[0]!.target).toEqual({ kind: 'numeric', n: 1 });
  });

  it('reads a bracketed citation with a pinpoint, as IEEE and mathematics write it, keeping the span of the group', () => {
    const text =
      'Faithful RAG leaks more [2, Sec. 4]. Kernels run on CPUs [1, pp. 3–5]. Sinks are structural [3, Thm. 2.1]. ' +
      'See [7, §4.1], [Knu84, Ch. 2] and [2, Fig. 3; 1, Sec. 2].';
    const citations = parseCitations(text);
    expect(citations.map((c) => c.marker)).toEqual(['[2]', '[1]', '[3]', '[7]', '[Knu84]', '[2]', '[1]']);
    expect(text.slice(citations[0]!.start, citations[0]!.end)).toBe('[2, Sec. 4]');
    expect(citations[4]!.target).toEqual({ kind: 'key', key: 'Knu84', explicit: false });
  });

  it('does not take an interval for a citation, and reads HTML superscripts as citations', () => {
    expect(markersOf('Scores lie in [0, 1], normalized to [0,1] [3].')).toEqual(['[3]']);
    expect(markersOf('As shown<sup>1,2</sup>, it works<sup>4–5</sup>.')).toEqual(['[1]', '[2]', '[4]', '[5]']);
  });

  it('reads a zero-width space or a no-break space as the space it stands for', () => {
    const text = 'Shown (Lin\u200B et al., 2026) and (Chen et\u00A0al., 2025), as in [1\u200B].';
    const citations = parseCitations(text);
    expect(citations.map((c) => c.marker)).toEqual(['Lin et al., 2026', 'Chen et al., 2025', '[1]']);
    expect(text.slice(citations[0]!.start, citations[0]!.end)).toBe('(Lin\u200B et al., 2026)');
  });

  it("reads IEEE's range of bracketed numbers as every paper in it", () => {
    const text = 'Three studies agree [1]–[3], and two more [5] - [6].';
    const citations = parseCitations(text);
    expect(citations.map((c) => c.marker)).toEqual(['[1]', '[2]', '[3]', '[5]', '[6]']);
    expect(text.slice(citations[1]!.start, citations[1]!.end)).toBe('[1]–[3]');
  });

  it('reads "ref. 2" and "refs 3–5 and 7", in parentheses or in running text, but not a measurement', () => {
    const text =
      'Leakage grows (ref. 2). Sinks are structural (refs 3–5 and 7), as in Refs. 8, 9. The Ref. 3.5 mm probe.';
    expect(markersOf(text)).toEqual(['[2]', '[3]', '[4]', '[5]', '[7]', '[8]', '[9]']);
  });

  it('does not take a bracket whose second part is a word without a number for a pinpoint', () => {
    expect(markersOf('The gain [2, see text] was small; the loss [n = 5, p = 0.03] was not.')).toEqual([]);
  });

  it('reads parenthetical and narrative author–year citations, several per group', () => {
    const citations = parseCitations('Lin et al. (2026) disagree (Chen and Wu, 2025b; Smith, 2020, 2021).');
    expect(citations.map((c) => c.marker)).toEqual([
      'Lin et al., 2026',
      'Chen and Wu, 2025b',
      'Smith, 2020',
      'Smith, 2021',
    ]);
    expect(citations[0]!.target).toEqual({ kind: 'author-year', surname: 'Lin', year: '2026', etAl: true });
    expect(citations[2]!.target).toMatchObject({ surname: 'Smith', year: '2020', etAl: false });
  });

  it('reads arXiv ids and DOIs, bare, prefixed or as links, without trailing punctuation', () => {
    const citations = parseCitations(
      'See arXiv:2401.01234v2, https://arxiv.org/abs/2312.00001 and doi:10.1145/3580305.3599999. Also https://doi.org/10.1000/ABC-12.',
    );
    expect(citations.map((c) => c.target)).toEqual([
      { kind: 'arxiv', arxivId: '2401.01234v2' },
      { kind: 'arxiv', arxivId: '2312.00001' },
      { kind: 'doi', doi: '10.1145/3580305.3599999' },
      { kind: 'doi', doi: '10.1000/abc-12' },
    ]);
  });

  it('reads Markdown footnote markers, numbered or labelled, as citations', () => {
    const text = 'Backdoors persist[^1] and spread[^lin2026].';
    const citations = parseCitations(text);
    expect(citations.map((c) => [c.marker, c.target, text.slice(c.start, c.end)])).toEqual([
      ['[^1]', { kind: 'numeric', n: 1 }, '[^1]'],
      ['[^lin2026]', { kind: 'key', key: 'lin2026', explicit: true }, '[^lin2026]'],
    ]);
  });

  it('reads superscript numbers after a word or punctuation as numeric citations, and not exponents or units', () => {
    const text = 'Ternary kernels run on consumer CPUs¹. Later work agreed.²⁻⁴ Others disagreed,⁵˒⁷ as noted.';
    const citations = parseCitations(text);
    expect(citations.map((c) => [c.target, text.slice(c.start, c.end)])).toEqual([
      [{ kind: 'numeric', n: 1 }, '¹'],
      [{ kind: 'numeric', n: 2 }, '²⁻⁴'],
      [{ kind: 'numeric', n: 3 }, '²⁻⁴'],
      [{ kind: 'numeric', n: 4 }, '²⁻⁴'],
      [{ kind: 'numeric', n: 5 }, '⁵˒⁷'],
      [{ kind: 'numeric', n: 7 }, '⁵˒⁷'],
    ]);
    expect(parseCitations('A plot of 2 m² at 10³ cells per cm³ gave R² = 0.9 and χ² = 4.')).toEqual([]);
  });

  it('reads superscripts written with carets, "meaning^1", "hard^2,3" and Pandoc\'s "^4^", and not powers', () => {
    const text =
      'Sinks carry no meaning^1. Junking is hard^2,3. It was shown previously.^4 Next, valence^5–6^ differs.';
    const citations = parseCitations(text, { numberedUpTo: 6 });
    expect(citations.map((c) => [c.marker, text.slice(c.start, c.end), c.closesSentence ?? false])).toEqual([
      ['[1]', '^1', false],
      ['[2]', '^2,3', false],
      ['[3]', '^2,3', false],
      ['[4]', '^4', true],
      ['[5]', '^5–6^', false],
      ['[6]', '^5–6^', false],
    ]);
    expect(
      parseCitations('E = mc^2 at 10^3 cells per cm^3, $\\sigma^2$, \\alpha^2, x^2, an area^2.5 and the word^2nd.', {
        numberedUpTo: 6,
      }),
    ).toEqual([]);
    // Powers after a word or a bracket, and any caret in a text without a numbered list.
    const powers = 'It runs in O(n log^2 n) time, the error f(x)^2 falls, (a+b)^2 expands, and width^2 grows.';
    expect(parseCitations(powers, { numberedUpTo: 1 })).toEqual([]);
    expect(parseCitations('Sinks carry no meaning^1.')).toEqual([]);
  });

  it('reads a lower-case name with a number ("llama2") as no citation when the text writes it again', () => {
    const text = 'We fine-tune llama2. The llama2 weights are open, and junking is hard2.';
    expect(parseCitations(text, { numberedUpTo: 3 }).map((c) => text.slice(c.start, c.end))).toEqual(['2']);
  });

  // Regression: "[【3】](https://…)" was read twice, as the link's key "【3】" and as [3] inside it.
  it('reads a lenticular bracket inside a Markdown link once, as the link', () => {
    const text = '[【3】](https://example.com/x) Prefix sharing matters.';
    expect(parseCitations(text).map((c) => [c.marker, c.start, c.end])).toEqual([['[【3】]', 0, 28]]);
  });

  it('reads the lenticular brackets chat assistants cite with, 【3】 and 【3†source】', () => {
    const text = 'Prefix sharing matters【3】, and more so at scale【4†source】.';
    expect(parseCitations(text).map((c) => [c.target, text.slice(c.start, c.end)])).toEqual([
      [{ kind: 'numeric', n: 3 }, '【3】'],
      [{ kind: 'numeric', n: 4 }, '【4†source】'],
    ]);
  });

  it('reads bracketed paper ids and [@keys], marking the explicit ones', () => {
    const citations = parseCitations('As shown [attention-sink-origin] and [@lin2026; @chen2025].');
    expect(citations.map((c) => c.target)).toEqual([
      { kind: 'key', key: 'attention-sink-origin', explicit: false },
      { kind: 'key', key: 'lin2026', explicit: true },
      { kind: 'key', key: 'chen2025', explicit: true },
    ]);
  });

  it('reads a Markdown link to a paper by its address, keeping the link text', () => {
    const text =
      'Memory improved ([Lindqvist 2024](https://doi.org/10.5555/caf.2024.001)) and [a preprint](https://arxiv.org/abs/2601.04321v2) agrees.';
    const citations = parseCitations(text);
    expect(citations.map((c) => [c.target, c.label, text.slice(c.start, c.end)])).toEqual([
      [
        { kind: 'doi', doi: '10.5555/caf.2024.001' },
        'Lindqvist 2024',
        '[Lindqvist 2024](https://doi.org/10.5555/caf.2024.001)',
      ],
      [{ kind: 'arxiv', arxivId: '2601.04321v2' }, 'a preprint', '[a preprint](https://arxiv.org/abs/2601.04321v2)'],
    ]);
  });

  it('does not take dates, counts or figures for citations, and a link to another address only as a candidate', () => {
    const text = 'Enrolled (January 2012), n (n = 12), see (Table 2) and [the docs](https://example.org).';
    // A link to any other address cites only if its text names a paper: verify drops it otherwise.
    expect(parseCitations(text).map((c) => [c.target, c.label])).toEqual([
      [{ kind: 'key', key: 'the docs', explicit: false }, 'the docs'],
    ]);
  });

  it('reads "[1](https://…)" as the numbered source it points to', () => {
    expect(markersOf('CPUs run it [1](https://example.org/a) and [2, 3](https://example.org/b).')).toEqual([
      '[1]',
      '[2]',
      '[3]',
    ]);
  });

  it('reads numbers in parentheses as citations only beside a numbered reference list, where a citation stands', () => {
    const text =
      'Sinks are structural (3). Valence is early (1, 4–5), as is depth (2)\nWe (1) measured and (2) fitted in 2026 (2026).';
    const numbered = parseCitations(text, { numberedUpTo: 5 });
    expect(numbered.map((c) => text.slice(c.start, c.end))).toEqual(['(3)', '(1, 4–5)', '(1, 4–5)', '(1, 4–5)', '(2)']);
    expect(numbered.map((c) => c.marker)).toEqual(['[3]', '[1]', '[4]', '[5]', '[2]']);
    expect(parseCitations(text)).toEqual([]);
    expect(parseCitations('Sinks are structural (7).', { numberedUpTo: 5 })).toEqual([]);
  });

  it('reads a number glued to a full stop, as a superscript copied out of a PDF, only beside a numbered list', () => {
    const text =
      'Faithful RAG leaks more.3 Sinks are structural,1,2 as Fig.4 Shows and Table.2 Lists.\nValence is early.5';
    const numbered = parseCitations(text, { numberedUpTo: 5 });
    expect(numbered.map((c) => [c.marker, c.closesSentence ?? false])).toEqual([
      ['[3]', true],
      ['[1]', false],
      ['[2]', false],
      ['[5]', true],
    ]);
    expect(parseCitations(text)).toEqual([]);
    expect(parseCitations('Faithful RAG leaks more.7 Sinks are structural.', { numberedUpTo: 5 })).toEqual([]);
  });

  it('reads a number glued to a lower-case word before its punctuation, as Word copies a superscript, only beside a numbered list', () => {
    const text =
      'Behaviors can be reversed1. Junking is hard2,3, and GPT4. CO2. Llama2. word2vec and mp3. Sinks end4\nNext.';
    const numbered = parseCitations(text, { numberedUpTo: 5 });
    expect(numbered.map((c) => [c.marker, text.slice(c.start, c.end)])).toEqual([
      ['[1]', '1'],
      ['[2]', '2,3'],
      ['[3]', '2,3'],
      ['[4]', '4'],
    ]);
    expect(parseCitations(text)).toEqual([]);
    expect(parseCitations('Behaviors can be reversed7.', { numberedUpTo: 5 })).toEqual([]);
  });

  it('does not expand an implausibly long numeric range', () => {
    expect(markersOf('Values [1–500].')).toEqual(['[1]', '[500]']);
  });
});

describe('parse-citations in LaTeX and Pandoc', () => {
  it('reads LaTeX citation commands with their notes and several keys, and marks \\citet as part of the sentence', () => {
    const text =
      'Sinks are structural \\cite{lin2026, chen:2025}. As \\citet[p.~3]{okafor_2024} show, it holds~\\citep[see][]{wu2020}.';
    expect(parseCitations(text).map((c) => [c.target, text.slice(c.start, c.end), c.narrative ?? false])).toEqual([
      [{ kind: 'key', key: 'lin2026', explicit: true }, '\\cite{lin2026, chen:2025}', false],
      [{ kind: 'key', key: 'chen:2025', explicit: true }, '\\cite{lin2026, chen:2025}', false],
      [{ kind: 'key', key: 'okafor_2024', explicit: true }, '\\citet[p.~3]{okafor_2024}', true],
      [{ kind: 'key', key: 'wu2020', explicit: true }, '~\\citep[see][]{wu2020}', false],
    ]);
    expect(markersOf('It was \\parencite*{ruiz2019} and \\textcite{meier2022} and \\autocite[12]{lin2026}.')).toEqual([
      '[ruiz2019]',
      '[meier2022]',
      '[lin2026]',
    ]);
    expect(markersOf('The \\citeyear{lin2026} and \\nocite{*} print no citation of their own.')).toEqual([]);
  });

  it('reads Pandoc groups with prefixes, locators and suppressed authors, and in-text @keys, but not e-mail addresses', () => {
    const text =
      'Valence is late [see @lin2026, p. 3; -@chen2025, pp. 4-5]. @okafor2024 [p. 4] agrees; write to a@b.org.';
    expect(parseCitations(text).map((c) => [c.target, text.slice(c.start, c.end), c.narrative ?? false])).toEqual([
      [{ kind: 'key', key: 'lin2026', explicit: true }, '[see @lin2026, p. 3; -@chen2025, pp. 4-5]', false],
      [{ kind: 'key', key: 'chen2025', explicit: true }, '[see @lin2026, p. 3; -@chen2025, pp. 4-5]', false],
      [{ kind: 'key', key: 'okafor2024', explicit: false }, '@okafor2024 [p. 4]', true],
    ]);
  });
});

describe('parse-citations chat-assistant forms', () => {
  // Regression: "[Source 2]" and "[1†L10-L20]" were read as no citation.
  it('reads "[Source 2]", "(source: 1)" and "[1†L10-L20]" as numbered sources, but not "source 1" in running text', () => {
    const text =
      'Sinks persist [Source 2]. Valence is early (source: 1). Junking is hard [3†L10-L20]. The source 1 is big.';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end)])).toEqual([
      ['[2]', '[Source 2]'],
      ['[1]', '(source: 1)'],
      ['[3]', '[3†L10-L20]'],
    ]);
  });
});

describe('parse-citations author–year forms', () => {
  // Regression: "The Transformer (2017)" and "(COVID 2020)" were read as citations of authors Transformer and COVID.
  it('reads no author from the name of a thing before a year: after "the" or "a", or an acronym alone', () => {
    for (const text of [
      'The Transformer (2017) changed NLP.',
      'Most systems now use the Transformer (2017) or a BERT (2019) encoder, and the Transformer’s (2017) design stays.',
      'Remote work grew during the pandemic (COVID 2020).',
      'BERT (2019) reads both directions.',
      'Attention is quadratic (see the Transformer, 2017).',
    ]) {
      expect(markersOf(text), text).toEqual([]);
    }
    // Surnames, an acronym with a comma or "et al.", and "the" before a cited list of authors still cite.
    expect(
      markersOf(
        'Vaswani (2017) proposed it (Vaswani et al., 2017; Smith 2020; WHO, 2020; NASA et al., 2021); the Lin et al. (2026) and the Lin and Chen (2025) models agree.',
      ),
    ).toEqual([
      'Vaswani, 2017',
      'Vaswani et al., 2017',
      'Smith, 2020',
      'WHO, 2020',
      'NASA et al., 2021',
      'Lin et al., 2026',
      'Lin and Chen, 2025',
    ]);
  });

  // Regression: a name after "that" was read as the name of a thing, so these cited nothing.
  it('reads a narrative citation after "that", which opens a clause as often as it points', () => {
    expect(markersOf('We note that Smith (2020) found a larger effect.')).toEqual(['Smith, 2020']);
    expect(
      markersOf('We argue that Rathi (2026) erred; it was shown that van der Berg (2019) held, as his Wu (2021) did.'),
    ).toEqual(['Rathi, 2026', 'van der Berg, 2019', 'Wu, 2021']);
    expect(markersOf('The Transformer (2017) and our Llama (2023) run.')).toEqual([]);
  });

  // Regression: "this", "these", "those" and "its" were no determiners, so a model named after them
  // was read as a citation of its author and showed as not in the library.
  it('reads no narrative citation from a model named after "this" or "its", unless an author of that name is known', () => {
    const text = 'We fine-tune this Llama (2023) checkpoint. The model keeps its Transformer (2017) backbone.';
    expect(markersOf(text)).toEqual([]);
    expect(markersOf('The effect held, as this Chen (2025) predicted.')).toEqual([]);
    const knowsAuthor = (surname: string) => surname === 'Chen';
    expect(
      parseCitations('The effect held, as this Chen (2025) predicted.', { knowsAuthor }).map((c) => c.marker),
    ).toEqual(['Chen, 2025']);
  });

  // Regression: after any lower-case lead-in, a capitalized word and a year read as a citation.
  it('reads no author from a place, a journal or a company after a lead-in, and one after "replicated by"', () => {
    const text =
      'It was shown (published in Nature, 2020) on data (collected in Kenya, 2019; recruited in London, 2015), ' +
      'above all (in Europe, 2021), for models (trained on ImageNet, 2012; released by Google, 2019) and a virus ' +
      '(first reported in Wuhan, 2019), as was replicated (a finding replicated by Rathi, 2026).';
    expect(markersOf(text)).toEqual(['Rathi, 2026']);
    expect(parseCitations('(published in Nature, 2020)', { knowsAuthor: (s) => s === 'Nature' }).length).toBe(1);
  });

  it('reads an acronym alone before a year as an author when the reference list or the library knows one', () => {
    const text = 'Vaccines were prioritised (WHO 2020), as WHO (2021) advised, during COVID (2020).';
    const knowsAuthor = (surname: string) => surname === 'WHO';
    expect(parseCitations(text, { knowsAuthor }).map((c) => c.marker)).toEqual(['WHO, 2020', 'WHO, 2021']);
  });

  // Regression: "(a finding replicated by Rathi, 2026)" was not read; only a fixed list of lead-ins was.
  it('reads an author–year citation after any lead-in of lower-case words inside its parenthesis', () => {
    const text =
      'Prefixes matter (a finding replicated by Rathi, 2026) and batches do not (as first shown by van der Berg, 2019; ' +
      'data reanalysed in Lin et al. 2026), whatever was claimed (see Chen, 2025; e.g., Wu 2020; reviewed in Okafor, 2024).';
    expect(parseCitations(text).map((c) => [c.marker, (c.target as { surname: string }).surname])).toEqual([
      ['Rathi, 2026', 'Rathi'],
      ['van der Berg, 2019', 'van der Berg'],
      ['Lin et al., 2026', 'Lin'],
      ['Chen, 2025', 'Chen'],
      ['Wu, 2020', 'Wu'],
      ['Okafor, 2024', 'Okafor'],
    ]);
    // Lower-case words and a number, or a list of words too long to be a lead-in, cite nothing.
    expect(
      markersOf('It rose (in 12 cohorts, Lin 2026) and fell (one two three four five six seven eight nine Lin, 2026).'),
    ).toEqual([]);
  });

  it('reads author–year citations with a page, table or colon locator, parenthetical and narrative', () => {
    const text =
      'It holds (Lin et al. 2026, p. 3; Chen, 2025, Table 2), as Okafor (2024: 17) and Wu (2020, pp. 4–5) say.';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end)])).toEqual([
      ['Lin et al., 2026', '(Lin et al. 2026, p. 3; Chen, 2025, Table 2)'],
      ['Chen, 2025', '(Lin et al. 2026, p. 3; Chen, 2025, Table 2)'],
      ['Okafor, 2024', 'Okafor (2024: 17)'],
      ['Wu, 2020', 'Wu (2020, pp. 4–5)'],
    ]);
    expect(markersOf('Counts (Smith, 2020, 2021) are two years, not a page.')).toEqual(['Smith, 2020', 'Smith, 2021']);
  });

  it("reads Chicago's bare page after the year, one to three digits, parenthetical and narrative", () => {
    expect(markersOf('Batch size matters less than the prefix (Rathi 2026, 3).')).toEqual(['Rathi, 2026']);
    expect(markersOf('It holds (Lin and Chen 2025, 34–36; Wu 2020, 112).')).toEqual(['Lin and Chen, 2025', 'Wu, 2020']);
    expect(markersOf('As Rathi (2026, 3) shows, prefixes matter.')).toEqual(['Rathi, 2026']);
  });

  it("reads ACM's author–year in brackets, parenthetical and narrative, and never a bracketed year as a reference number", () => {
    const text = 'Sinks persist [Lin et al. 2026], as Chen and Wu [2025] also show; the corpus [2026] is new [3].';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end)])).toEqual([
      ['Lin et al., 2026', '[Lin et al. 2026]'],
      ['Chen and Wu, 2025', 'Chen and Wu [2025]'],
      ['[3]', '[3]'],
    ]);
  });

  it('reads narrative citations with particles and ampersands, and parenthetical ones after a narrative one', () => {
    const text = 'Van der Berg (2019) and Lin & Chen (2025) disagree (see de la Cruz et al., 2024).';
    expect(markersOf(text)).toEqual(['Van der Berg, 2019', 'Lin & Chen, 2025', 'de la Cruz et al., 2024']);
  });

  // Regressions found pasting chat-tool answers: each of these parenthesis was read as no citation.
  it('reads a parenthesis that notes emphasis after its citation, "(Lin, 2026, emphasis added)"', () => {
    expect(markersOf('Sinks "carry no meaning" (Lin et al., 2026, emphasis added).')).toEqual(['Lin et al., 2026']);
    expect(markersOf('Sinks "carry no meaning" (Lin, 2026; italics mine).')).toEqual(['Lin, 2026']);
  });

  it('reads a dotted section number as a pinpoint, "(Lin, 2026, Section 3.2)"', () => {
    expect(markersOf('Sinks persist (Lin, 2026, Section 3.2), as Rathi (2026, sec. 4.1) shows.')).toEqual([
      'Lin, 2026',
      'Rathi, 2026',
    ]);
  });

  it('reads both sources of APA\'s "as cited in" and two items joined by "and", each as a citation', () => {
    expect(markersOf('Sinks persist (Lin, 2026, as cited in Rathi, 2026).')).toEqual(['Lin, 2026', 'Rathi, 2026']);
    expect(markersOf('Sinks persist (Lin, 2026, and Rathi, 2026).')).toEqual(['Lin, 2026', 'Rathi, 2026']);
    expect(markersOf('Sinks persist (Lin 2026 & Chen 2025).')).toEqual(['Lin, 2026', 'Chen, 2025']);
    expect(markersOf('Counts rose (in 2020 and 2021), as did sales (Phase 2, 2020 and Stage 3, 2021).')).toEqual([]);
  });

  it('reads a year alone after a semicolon as another work of the same authors, a page alone as a pinpoint, and a last "and"', () => {
    expect(markersOf('Sinks persist (Lin, 2026a; 2026b), and (Chen et al. 2024; 2025).')).toEqual([
      'Lin, 2026a',
      'Lin, 2026b',
      'Chen et al., 2024',
      'Chen et al., 2025',
    ]);
    const text = 'Sinks persist (Lin et al., 2026; p. 5) (Lin, 2026; Rathi, 2026; and Wu, 2020).';
    expect(parseCitations(text).map((c) => [c.marker, text.slice(c.start, c.end)])).toEqual([
      ['Lin et al., 2026', '(Lin et al., 2026; p. 5)'],
      ['Lin, 2026', '(Lin, 2026; Rathi, 2026; and Wu, 2020)'],
      ['Rathi, 2026', '(Lin, 2026; Rathi, 2026; and Wu, 2020)'],
      ['Wu, 2020', '(Lin, 2026; Rathi, 2026; and Wu, 2020)'],
    ]);
    expect(markersOf('The counts (2020; 2021) and (Lin 12; 2026) cite nothing.')).toEqual([]);
  });

  it('reads a figure with a letter, an appendix, a supplementary table or a theorem as a pinpoint', () => {
    expect(
      markersOf(
        'It holds (Lin et al., 2026, Fig. 3b; Rathi, 2026, Appendix B; Wu, 2020, Table S2; Chen, 2025, pp. 12ff).',
      ),
    ).toEqual(['Lin et al., 2026', 'Rathi, 2026', 'Wu, 2020', 'Chen, 2025']);
    expect(markersOf('Rando and Vaiter (2026, Thm. 2) prove it (Lin, 2026, Lemma 3.1).')).toEqual([
      'Rando and Vaiter, 2026',
      'Lin, 2026',
    ]);
  });

  it('reads the lead-ins "i.e.", "for example" and "such as" before an author–year item', () => {
    expect(markersOf('Sinks persist (i.e., Lin, 2026; for example, Rathi, 2026; such as Chen 2025).')).toEqual([
      'Lin, 2026',
      'Rathi, 2026',
      'Chen, 2025',
    ]);
  });

  it('reads "Lin, et al." with its stray comma, and narrative years separated by semicolons', () => {
    const text = 'Sinks persist (Lin, et al., 2026). Chen, et al. (2025) and Wu et al. (2020; 2021) agree.';
    expect(parseCitations(text).map((c) => [c.target, text.slice(c.start, c.end)])).toEqual([
      [{ kind: 'author-year', surname: 'Lin', year: '2026', etAl: true }, '(Lin, et al., 2026)'],
      [{ kind: 'author-year', surname: 'Chen', year: '2025', etAl: true }, 'Chen, et al. (2025)'],
      [{ kind: 'author-year', surname: 'Wu', year: '2020', etAl: true }, 'Wu et al. (2020; 2021)'],
      [{ kind: 'author-year', surname: 'Wu', year: '2021', etAl: true }, 'Wu et al. (2020; 2021)'],
    ]);
  });

  it('reads a narrative citation inside Markdown emphasis, "**Rathi (2026)**", "*Lin et al.* (2026)", "Lin *et al.* (2026)"', () => {
    const text = '**Rathi (2026)** finds it. *Venkatesh et al.* (2026) report it. Lin *et al.* (2026) agree.';
    expect(parseCitations(text).map((c) => [c.marker, c.narrative])).toEqual([
      ['Rathi, 2026', true],
      ['Venkatesh et al., 2026', true],
      ['Lin et al., 2026', true],
    ]);
  });
});
