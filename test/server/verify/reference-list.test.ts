import { describe, expect, it } from 'vitest';
import { parseReferenceEntries, splitReferences } from '../../../server/verify/reference-list.ts';

describe('reference-list', () => {
  it('splits the list under a References heading from the body and reads each entry', () => {
    const text = [
      'Sinks carry no meaning [1]. Valence is asymmetric [2].',
      '',
      '## References',
      '[1] Doe, J. and Lin, K. (2026). Where attention sinks come from. arXiv:2601.01234.',
      '[2] Venkatesh, S. 2026. "Negative before positive in language models". In Proc. ACL.',
      '    doi:10.18653/v1/2026.acl-long.1.',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(body.trim()).toBe('Sinks carry no meaning [1]. Valence is asymmetric [2].');
    expect(references).toHaveLength(2);
    expect(references[0]).toMatchObject({
      n: 1,
      arxivId: '2601.01234',
      year: '2026',
      surname: 'doe',
      title: 'Where attention sinks come from',
    });
    expect(references[1]).toMatchObject({ n: 2, doi: '10.18653/v1/2026.acl-long.1', surname: 'venkatesh' });
    expect(references[1]!.title).toBe('Negative before positive in language models');
    // The continuation line belongs to entry 2, and spans point into the original text.
    expect(text.slice(references[1]!.start, references[1]!.end)).toMatch(/^Venkatesh.*acl-long\.1\.$/su);
  });

  it('ends the list at the next heading and keeps the text after it as body, at its offsets', () => {
    const text = [
      'Junking is hard [1].',
      '',
      '## References',
      '[1] M. Rando and S. Vaiter, "On the Hardness of Junking LLMs," 2026.',
      '[2] Y. Lin, "Crafting Reversible SFT Behaviors in Large Language Models," 2026.',
      '',
      '## Appendix A',
      'Behaviors can be reversed [2].',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(references.map((r) => [r.n, r.text])).toEqual([
      [1, 'M. Rando and S. Vaiter, "On the Hardness of Junking LLMs," 2026.'],
      [2, 'Y. Lin, "Crafting Reversible SFT Behaviors in Large Language Models," 2026.'],
    ]);
    expect(body).toHaveLength(text.length);
    expect(body.replace(/\s+/gu, ' ').trim()).toBe('Junking is hard [1]. ## Appendix A Behaviors can be reversed [2].');
    expect(body.indexOf('Behaviors can')).toBe(text.indexOf('Behaviors can'));
  });

  it("finds the list under a chat answer's bold or italic heading, and Chicago's notes under theirs", () => {
    for (const heading of [
      '**Sources:**',
      '**References**:',
      '_Bibliography_',
      '### **Sources**',
      'Notes',
      'Endnotes',
    ]) {
      const { body, references } = splitReferences(
        `Sinks are structural [1].\n\n${heading}\n1. The Structural Origin of Attention Sink (2026)`,
      );
      expect(body).toBe('Sinks are structural [1].\n\n');
      expect(references.map((r) => [r.n, r.year])).toEqual([[1, '2026']]);
    }
  });

  it('finds a trailing run of [n] entries without a heading', () => {
    const { body, references } = splitReferences(
      'A claim [1].\n[1] Smith A. A study of things in detail. Nature 2020.\n[2] Roe B. Another study. 2021.',
    );
    expect(body).toBe('A claim [1].\n');
    expect(references.map((r) => [r.n, r.surname, r.year])).toEqual([
      [1, 'smith', '2020'],
      [2, 'roe', '2021'],
    ]);
  });

  it('reads a chat answer\'s trailing Markdown link definitions, "[1]: https://… "Title"", as the reference list', () => {
    const text = [
      'Prefix homogeneity matters [1]. LeakDojo studies leakage [2].',
      '',
      '[1]: https://arxiv.org/abs/2605.00003 "Feather: Batch Size vs. Prefix Homogeneity in LLM Inference"',
      '[2]: https://example.org/leakdojo "LeakDojo"',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(body.trim()).toBe('Prefix homogeneity matters [1]. LeakDojo studies leakage [2].');
    expect(references.map((r) => [r.n, r.arxivId, r.title])).toEqual([
      [1, '2605.00003', 'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference'],
      [2, null, 'LeakDojo'],
    ]);
  });

  it('reads a trailing run numbered "1." from 1 without a heading as the list when every entry gives a year', () => {
    const text = [
      'Prefix homogeneity matters.^1 Data leaks from RAG.^2,3',
      '',
      '1. Rathi, S. Feather: Batch Size vs. Prefix Homogeneity in LLM Inference. (2026).',
      '2. LeakDojo: Decoding the Leakage Threats of RAG Systems. (2026).',
      '3. Zeng, S. et al. The good and the bad. Findings of ACL',
      '   (2024).',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(body.trim()).toBe('Prefix homogeneity matters.^1 Data leaks from RAG.^2,3');
    expect(references.map((r) => [r.n, r.year])).toEqual([
      [1, '2026'],
      [2, '2026'],
      [3, '2024'],
    ]);
    // Steps at a text's end are no reference list.
    const steps = 'To reproduce the results:\n\n1. Install the package.\n2. Run the benchmark in 2026 mode.';
    expect(splitReferences(steps)).toEqual({ body: steps, references: [] });
  });

  it('reads trailing Markdown footnote definitions as the reference list', () => {
    const { body, references } = splitReferences(
      'A claim[^1]. Another[^roe].\n\n[^1]: Smith A. A study of things in detail. Nature 2020.\n[^roe]: Roe B. Another study. 2021.',
    );
    expect(body).toBe('A claim[^1]. Another[^roe].\n\n');
    expect(references.map((r) => [r.n, r.key, r.surname, r.year])).toEqual([
      [1, null, 'smith', '2020'],
      [2, 'roe', 'roe', '2021'],
    ]);
  });

  it('reads Markdown footnote definitions written after each paragraph as entries, and blanks them out of the body', () => {
    const text = [
      'Valence is asymmetric.[^1]',
      '',
      '[^1]: Venkatesh, S. (2026). Negative before positive.',
      '',
      'RAG leaks data.[^leak]',
      '',
      '[^leak]: LeakDojo: Decoding the Leakage Threats of RAG Systems',
      '    (2026).',
      '',
      'Sinks persist.[^3]',
      '',
      '[^3]: The structural origin of attention sink. 2026.',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(references.map((r) => [r.n, r.key, r.surname, r.year])).toEqual([
      [1, null, 'venkatesh', '2026'],
      [2, 'leak', 'leakdojo', '2026'],
      [3, null, 'the', '2026'],
    ]);
    expect(text.slice(references[1]!.start, references[1]!.end)).toBe(
      'LeakDojo: Decoding the Leakage Threats of RAG Systems\n    (2026).',
    );
    // The body keeps every offset, with the definitions blanked.
    expect(body.replace(/\s+/gu, ' ').trim()).toBe(
      'Valence is asymmetric.[^1] RAG leaks data.[^leak] Sinks persist.[^3]',
    );
    expect(text.indexOf('RAG')).toBe(body.indexOf('RAG'));
  });

  it('ends a footnote definition at a line that cites a footnote itself, which stays in the body', () => {
    const text =
      'Claim [^1].\n\n[^1]: Lin, Y. (2020). Title.\nFollowing paragraph with claim [^2].\n\n[^2]: Chen (2021). T.\n';
    const { body, references } = splitReferences(text);
    expect(references.map((r) => text.slice(r.start, r.end))).toEqual(['Lin, Y. (2020). Title.', 'Chen (2021). T.']);
    expect(body).toContain('Following paragraph with claim [^2].');
  });

  it("reads a word processor's trailing footnotes, numbered by superscripts, as the reference list", () => {
    const { body, references } = splitReferences(
      'Prefix sharing matters.¹ Backdoors survive.²\n\n¹ Rathi, S. (2026). Feather: batch size vs. prefix homogeneity.\n²Rando, M., & Vaiter, S. (2026). On the hardness\nof junking LLMs.',
    );
    expect(body).toBe('Prefix sharing matters.¹ Backdoors survive.²\n\n');
    expect(references.map((r) => [r.n, r.numbered, r.surname, r.year])).toEqual([
      [1, true, 'rathi', '2026'],
      [2, true, 'rando', '2026'],
    ]);
    expect(references[1]!.text).toBe('Rando, M., & Vaiter, S. (2026). On the hardness of junking LLMs.');
    // A word hyphenated at a line's end, as a PDF copy gives it, is one word again.
    const [entry] = splitReferences(
      'A claim [1].\n\nReferences\n[1] LeakDojo: the leakage threats of RAG sys-\n    tems. 2026.',
    ).references;
    expect(entry!.text).toBe('LeakDojo: the leakage threats of RAG systems. 2026.');
  });

  it('does not take a closing paragraph that opens with an isotope for a footnote', () => {
    const text = 'Spectra were recorded.\n\n¹³C labelling showed uptake in the liver.';
    expect(splitReferences(text)).toEqual({ body: text, references: [] });
  });

  it('numbers unnumbered entries by position, one per paragraph', () => {
    const entries = parseReferenceEntries(
      'Lin, K. et al. (2025) Sparse attention in long contexts. ICML.\n\nChen, W. (2024). Retrieval at scale.',
    );
    expect(entries.map((e) => [e.n, e.surname, e.title])).toEqual([
      [1, 'lin', 'Sparse attention in long contexts'],
      [2, 'chen', 'Retrieval at scale'],
    ]);
  });

  it('reads an unnumbered list pasted with one entry on each line, and keeps an entry wrapped over lines whole', () => {
    const text = [
      'Junking is hard (Rando & Vaiter, 2026), and so is reversal (Linn, 2026).',
      '',
      'Works Cited',
      'Rando, M., & Vaiter, S. (2026). On the hardness of junking LLMs. https://doi.org/10.48550/arXiv.2605.02222',
      'Rathi S. Feather: batch size vs. prefix homogeneity in LLM inference. arXiv. 2026.',
      'Linn, Y. (2026). Crafting reversible SFT behaviors in large language models.',
      'M. Rando and S. Vaiter. Junk in, junk out. Nature, 2025.',
      'World Health Organization. (2020). Global report on infection prevention.',
      'Chen, W., Smith, J., Jones, A.,',
      'Brown, B. (2024). Retrieval at scale. In Proceedings of the 40th',
      'Conference on Retrieval. Lin, K. wrote the preface.',
    ].join('\n');
    const { references } = splitReferences(text);
    expect(references.map((r) => [r.n, r.surname, r.year])).toEqual([
      [1, 'rando', '2026'],
      [2, 'rathi', '2026'],
      [3, 'linn', '2026'],
      [4, 'rando', '2025'],
      [5, 'world', '2020'],
      [6, 'chen', '2024'],
    ]);
    expect(references[2]!.title).toBe('Crafting reversible SFT behaviors in large language models');
    expect(references[5]!.text).toMatch(/^Chen, W\..*preface\.$/u);
  });

  it("reads a numbered list under a heading's underline or after a line of its own as entries from 1", () => {
    const text = [
      'Junking is hard [1]. Reversal is possible [2].',
      '',
      'References',
      '----------',
      'The sources this answer used:',
      '[1] M. Rando and S. Vaiter, "On the Hardness of Junking LLMs," 2026.',
      '[2] Y. Lin, "Crafting Reversible SFT Behaviors in Large Language Models," 2026.',
    ].join('\n');
    const { references } = splitReferences(text);
    expect(references.map((r) => [r.n, r.surname])).toEqual([
      [1, 'rando'],
      [2, 'lin'],
    ]);
  });

  it('reads a list under an HTML heading, one entry per list item, without its tags', () => {
    const text = [
      'Junking is hard [1]. Reversal is possible [2].',
      '',
      '<h2 id="refs">References</h2>',
      '<ol>',
      '<li>M. Rando and S. Vaiter, "On the Hardness of Junking LLMs," 2026.</li>',
      '<li>Y. Lin, "Crafting Reversible SFT Behaviors',
      'in Large Language Models," 2026.</li>',
      '</ol>',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(body.trim()).toBe('Junking is hard [1]. Reversal is possible [2].');
    expect(references.map((r) => [r.n, r.surname, r.title])).toEqual([
      [1, 'rando', 'On the Hardness of Junking LLMs,'],
      [2, 'lin', 'Crafting Reversible SFT Behaviors in Large Language Models,'],
    ]);
    expect(text.slice(references[1]!.start, references[1]!.end)).toMatch(/^Y\. Lin.*2026\.$/su);
  });

  it("reads Springer's style: surnames with initials, a colon, then the title up to the venue", () => {
    const entries = parseReferenceEntries(
      '1. Wang, R., Lee, K.: EMO: Pretraining mixtures of experts. In: Proc. ICML, pp. 1–9 (2026)\n' +
        '2. van der Berg, J.-P., et al.: Retrieval at scale. J. Mach. Learn. Res. 12, 3–5 (2024)',
    );
    expect(entries.map((e) => [e.surname, e.title, e.year])).toEqual([
      ['wang', 'EMO: Pretraining mixtures of experts', '2026'],
      ['berg', 'Retrieval at scale', '2024'],
    ]);
  });

  it('reads a LaTeX thebibliography: each \\bibitem keyed, its text read without markup, the entry on one line or several', () => {
    const text = [
      'Sinks carry no meaning~\\cite{lin26}.',
      '\\begin{thebibliography}{9}',
      '\\bibitem{lin26}',
      'K.~Lin and W.~Chen.',
      '\\newblock {\\em Where attention sinks come from}.',
      '\\newblock arXiv:2601.01234, 2026.',
      '\\bibitem[Venkatesh(2026)]{venk} S.~Venkatesh. Negative before positive. 2026.',
      '\\end{thebibliography}',
    ].join('\n');
    const { body, references } = splitReferences(text);
    expect(body).toBe('Sinks carry no meaning~\\cite{lin26}.\n');
    expect(references.map((r) => [r.key, r.text, r.arxivId, r.year])).toEqual([
      ['lin26', 'K. Lin and W. Chen. Where attention sinks come from. arXiv:2601.01234, 2026.', '2601.01234', '2026'],
      ['venk', 'S. Venkatesh. Negative before positive. 2026.', null, '2026'],
    ]);
  });

  it('keeps a plain list whole when a BibTeX entry or a RIS record stands inside it or after it', () => {
    const list = [
      'Floes drift faster in storms [1]. Leads open under wind (Hale, 2021).',
      '',
      'References',
      '1. Okoro A, Lund P. Floe drift in autumn storms. Polar Sci. 2022.',
      '2. Hale M. Leads and wind stress. J Ice. 2021. Cite as:',
    ];
    const bibtexLine = [...list, '@misc{hale2021, title={Leads and wind stress}}'].join('\n');
    const pleaseCite = [
      ...list,
      '',
      'If you use this code, please cite:',
      '',
      '```bibtex',
      '@article{ours2024,',
      '  title={A floe toolkit},',
      '  author={Ngata, Rua},',
      '  year={2024}',
      '}',
      '```',
    ].join('\n');
    const risAfter = [
      ...list,
      '',
      'Data exported with',
      'TY  - DATA',
      'TI  - Floe tracks',
      'AU  - Ngata, Rua',
      'PY  - 2024',
      'ER  - ',
    ].join('\n');
    for (const text of [bibtexLine, pleaseCite, risAfter]) {
      const { references } = splitReferences(text);
      expect(references.map(({ n, surname, year }) => [n, surname, year])).toEqual([
        [1, 'okoro', '2022'],
        [2, 'hale', '2021'],
      ]);
    }
  });

  it('reads an export that starts the list under the heading by its fields, past blank lines and a code fence', () => {
    const bibtex = [
      'Leads open under wind [@hale2021].',
      '',
      'References',
      '',
      '@article{hale2021,',
      '  title={Leads and wind stress},',
      '  author={Hale, Mira},',
      '  year={2021}',
      '}',
    ].join('\n');
    const fenced = [
      'Leads open under wind [@hale2021].',
      '',
      '## References',
      '',
      '```ris',
      'TY  - JOUR',
      'ID  - hale2021',
      'TI  - Leads and wind stress',
      'AU  - Hale, Mira',
      'PY  - 2021',
      'ER  - ',
      '```',
    ].join('\n');
    for (const text of [bibtex, fenced]) {
      const { references } = splitReferences(text);
      expect(references.map(({ surname, year, title }) => [surname, year, title])).toEqual([
        ['hale', '2021', 'Leads and wind stress'],
      ]);
      expect(references[0]?.key).toMatch(/^hale2021/);
    }
  });

  it('leaves a text without a reference list whole', () => {
    const text = 'Nothing cited here. Just prose [1].';
    expect(splitReferences(text)).toEqual({ body: text, references: [] });
  });

  it('reads physics-style entries: initials first, comma-separated authors, title, venue with volume and year', () => {
    const [entry] = parseReferenceEntries(
      'V. T. Agekyan, A. Yu. Serov, …, Excitons in crystals with a forbidden gap, phys. stat. sol. (b) 66 (1974) 359.',
    );
    expect(entry).toMatchObject({
      surname: 'agekyan',
      year: '1974',
      title: 'Excitons in crystals with a forbidden gap',
    });
  });

  it('reads the name after leading initials, and a DOI with parentheses up to its end', () => {
    const [entry] = parseReferenceEntries(
      'J.-P. Okoro. Flux creep. Physica C (1989), doi:10.1016/0921-4534(89)90484-X.',
    );
    expect(entry).toMatchObject({ surname: 'okoro', title: 'Flux creep', doi: '10.1016/0921-4534(89)90484-x' });
  });
});
