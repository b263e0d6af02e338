import { describe, expect, it } from 'vitest';
import { readAuthorYear } from '../../../server/verify/author-year.ts';
import { narrativeCitations } from '../../../server/verify/narrative-citations.ts';
import { parseCitations } from '../../../server/verify/parse-citations.ts';

describe('author-year', () => {
  it('reads a parenthetical item with lead-ins, several authors and several years', () => {
    expect(readAuthorYear('see Lin et al., 2020, 2021')).toEqual({
      surname: 'Lin',
      etAl: true,
      authors: 'Lin et al.',
      years: ['2020', '2021'],
    });
    expect(readAuthorYear('Chen, Wu & Okafor 2025b')).toMatchObject({ surname: 'Chen', years: ['2025b'] });
    expect(readAuthorYear('van der Berg and Müller, 2019')).toMatchObject({
      surname: 'van der Berg',
      authors: 'van der Berg and Müller',
    });
  });

  it('reads an item with the aside a parenthesis wraps around it: "for a review, see", "reviewed in", "and references therein"', () => {
    for (const item of [
      'see Lin et al., 2026, for a review',
      'for a review, see Lin et al., 2026',
      'reviewed in Lin et al., 2026',
      'Lin et al., 2026, and references therein',
    ]) {
      expect(readAuthorYear(item), item).toMatchObject({ surname: 'Lin', authors: 'Lin et al.', years: ['2026'] });
    }
    expect(readAuthorYear('as shown in 2026')).toBeUndefined();
  });

  it('reads APA\'s "2026a, b" as two works of one year, in a parenthesis and in the text', () => {
    expect(readAuthorYear('Lin et al., 2026a, b')).toMatchObject({ surname: 'Lin', years: ['2026a', '2026b'] });
    expect(readAuthorYear('see Chen, 2025a, b, c')).toMatchObject({ years: ['2025a', '2025b', '2025c'] });
    expect(narrativeCitations('Lin et al. (2026a, b) show it.')).toMatchObject([{ years: ['2026a', '2026b'] }]);
    expect(narrativeCitations('Lin (2026, a) says.')).toMatchObject([{ years: ['2026'] }]);
  });

  it("reads MLA's author and page, which names no year, and takes four digits for a year", () => {
    expect(readAuthorYear('Rando and Vaiter 12')).toEqual({
      surname: 'Rando',
      etAl: false,
      authors: 'Rando and Vaiter',
      years: [''],
      page: '12',
    });
    expect(readAuthorYear('Lin et al. 12–14')).toMatchObject({ surname: 'Lin', etAl: true, page: '12–14' });
    expect(readAuthorYear('Lin 2012')).toMatchObject({ years: ['2012'] });
    expect(readAuthorYear('Lin 12a')).toBeUndefined();
  });

  it('reads a name of several capitalized words before a comma and year: an organization, or a work cited by its name', () => {
    expect(readAuthorYear('World Health Organization, 2020')).toMatchObject({
      surname: 'World Health Organization',
      years: ['2020'],
    });
    expect(readAuthorYear('National Institutes of Health, 2019')).toMatchObject({
      surname: 'National Institutes of Health',
    });
    expect(readAuthorYear('Memory Inception, 2026')).toMatchObject({ surname: 'Memory Inception', etAl: false });
    // Without the comma, two capitalized words before a year are not read as one name.
    expect(readAuthorYear('Memory Inception 2026')).toBeUndefined();
  });

  it('reads a list of three authors with a serial comma, in a parenthesis and in the text, by its first author', () => {
    expect(readAuthorYear('Lin, Chen, & Wu, 2026')).toMatchObject({ surname: 'Lin', authors: 'Lin, Chen, & Wu' });
    expect(readAuthorYear('Lin, Chen, and Wu, 2026')).toMatchObject({ surname: 'Lin' });
    const text = 'As Lin, Chen, and Wu (2026) showed, and however, Okafor, Diaz, & Kim (2025) agree.';
    expect(narrativeCitations(text).map((c) => [text.slice(c.start, c.end), c.surname])).toEqual([
      ['Lin, Chen, and Wu (2026)', 'Lin'],
      ['Okafor, Diaz, & Kim (2025)', 'Okafor'],
    ]);
    // A word that opens the sentence is not an author.
    expect(narrativeCitations('However, Lin, Chen, and Wu (2026) disagree.')[0]).toMatchObject({ surname: 'Lin' });
  });

  it('reads APA\'s "n.d.", "in press" and "forthcoming" in place of a year, in a parenthesis and in the text', () => {
    expect(readAuthorYear('Lin, n.d.')).toMatchObject({ surname: 'Lin', years: [''], undated: 'n.d.' });
    expect(readAuthorYear('Lin et al., in press')).toMatchObject({ etAl: true, years: [''], undated: 'in press' });
    expect(readAuthorYear('World Health Organization, forthcoming')).toMatchObject({
      surname: 'World Health Organization',
      undated: 'forthcoming',
    });
    // Without the comma APA writes, a word and "n.d." are not read.
    expect(readAuthorYear('Lin n.d.')).toBeUndefined();
    const text = 'As Lin (in press) and Chen et al. (n.d.) argue, sinks persist.';
    expect(narrativeCitations(text).map((c) => [text.slice(c.start, c.end), c.surname, c.undated])).toEqual([
      ['Lin (in press)', 'Lin', 'in press'],
      ['Chen et al. (n.d.)', 'Chen', 'n.d.'],
    ]);
  });

  it('reads "et. al." as et al., and initials after each name, as drafts often write them', () => {
    expect(readAuthorYear('Wang et. al., 2026')).toMatchObject({ surname: 'Wang', etAl: true, years: ['2026'] });
    expect(readAuthorYear('Rathi, S., 2026')).toMatchObject({ surname: 'Rathi', years: ['2026'] });
    expect(readAuthorYear('Lin, K. J., & Chen, W., 2025')).toMatchObject({ surname: 'Lin', years: ['2025'] });
    expect(readAuthorYear('van der Berg, J.-P., Lin, K., & Wu, X., 2019')).toMatchObject({
      surname: 'van der Berg',
      years: ['2019'],
    });
    expect(readAuthorYear('Lin, Table, 2020')).toBeUndefined();
  });

  it('reads the authors after a lead-in of lower-case words, and no acronym alone before its year unless one is known', () => {
    expect(readAuthorYear('a finding replicated by Rathi, 2026')).toMatchObject({ surname: 'Rathi', authors: 'Rathi' });
    expect(readAuthorYear('see the Transformer, 2017')).toBeUndefined();
    expect(readAuthorYear('COVID 2020')).toBeUndefined();
    expect(readAuthorYear('COVID 2020', (surname) => surname === 'COVID')).toMatchObject({ surname: 'COVID' });
    expect(narrativeCitations('The Transformer (2017) and BERT (2019) changed NLP.')).toEqual([]);
  });

  // Regression: "(trained on ImageNet 2012)" and "(published in Nature 2020)" were read as citations
  // of authors ImageNet and Nature, and showed as unresolved; so were they with a comma before the year.
  it('reads a name alone after a lead-in of other words only when the lead-in says who reported it or the author is known', () => {
    for (const item of [
      'trained on ImageNet 2012',
      'published in Nature 2020',
      'published in Nature, 2020',
      'data collected in Kenya, 2019',
      'especially in Europe, 2021',
      'recruited in London, 2015',
      'trained on ImageNet, 2012',
      'released by Google, 2019',
      'in Europe, 2021',
      'first reported in Wuhan, 2019',
      'a finding echoed by Rathi, 2026',
    ]) {
      expect(readAuthorYear(item), item).toBeUndefined();
    }
    const knows = (surname: string) => surname === 'Rathi' || surname === 'Nature';
    expect(readAuthorYear('a finding echoed by Rathi, 2026', knows)).toMatchObject({ surname: 'Rathi' });
    expect(readAuthorYear('published in Nature, 2020', knows)).toMatchObject({ surname: 'Nature' });
    // A participle and "by" or "in" that says who reported it, "et al.", co-authors, initials, or one
    // of the usual lead-ins ("see", "e.g.") make it a citation, with a comma before the year or not.
    for (const [item, surname] of [
      ['a finding replicated by Rathi, 2026', 'Rathi'],
      ['a finding replicated by Rathi 2026', 'Rathi'],
      ['as first shown by van der Berg, 2019', 'van der Berg'],
      ['summarised in Okafor 2024', 'Okafor'],
      ['data reanalysed in Lin et al. 2026', 'Lin'],
      ['data collected by Lin and Chen, 2020', 'Lin'],
      ['data collected by Lin, K. J., 2020', 'Lin'],
      ['see Chen 2025', 'Chen'],
      ['e.g., Wu 2020', 'Wu'],
    ]) {
      expect(readAuthorYear(item!), item).toMatchObject({ surname });
    }
    expect(
      parseCitations(
        'Models were trained on images (trained on ImageNet 2012) and reviewed (published in Nature, 2020) (replicated by Rathi, 2026).',
      ).map((c) => c.marker),
    ).toEqual(['Rathi, 2026']);
  });

  // Regression: "that", "his" and "her" counted as determiners, so "found that Smith (2020)" was read
  // as the name of a thing and cited nothing.
  it('reads a name before its year after a word that opens a clause, and a thing after an article, a demonstrative or a possessive unless its author is known', () => {
    const text =
      'We note that Smith (2020) found it, argue that Rathi (2026) erred, recall his Wu (2021) result, ' +
      'and it was shown that van der Berg (2019) was right.';
    expect(narrativeCitations(text).map((c) => c.surname)).toEqual(['Smith', 'Rathi', 'Wu', 'van der Berg']);
    const things = 'The Transformer (2017), a Llama (2023), our Mamba (2024) and their Falcon (2023) models run.';
    expect(narrativeCitations(things)).toEqual([]);
    const knows = (surname: string) => surname === 'Mamba';
    expect(narrativeCitations(things, knows).map((c) => c.surname)).toEqual(['Mamba']);
  });

  // Regression: with "this", "these", "those" and "its" taken off the determiners, a model named after
  // them ("this Llama (2023) checkpoint") was read as a citation of an author Llama, not in the library.
  it('reads a name after "this", "these", "those" or "its" as a thing, and as an author when one of that name is known', () => {
    const text =
      'We fine-tune this Llama (2023) checkpoint, which keeps its Transformer (2017) backbone; ' +
      'these Mamba (2024) layers and those Falcon (2023) weights run too, as this Chen (2025) run shows.';
    expect(narrativeCitations(text)).toEqual([]);
    const knows = (surname: string) => surname === 'Chen';
    expect(narrativeCitations(text, knows).map((c) => c.surname)).toEqual(['Chen']);
  });

  it('reads a possessive narrative citation by its authors: "Rathi\'s (2026) study", "Lin et al.’s (2026)"', () => {
    const text = "Rathi's (2026) study and Lin et al.’s (2026) model agree.";
    expect(narrativeCitations(text).map((c) => [text.slice(c.start, c.end), c.surname, c.etAl, c.authors])).toEqual([
      ["Rathi's (2026)", 'Rathi', false, 'Rathi'],
      ['Lin et al.’s (2026)', 'Lin', true, 'Lin et al.'],
    ]);
  });

  it('refuses items that are not author–year citations', () => {
    for (const item of ['January 2012', 'Table 2', 'n = 12', 'Lin 2020xy', 'Lin,2020', 'lin, 2020', 'Lin Chen 2020']) {
      expect(readAuthorYear(item), item).toBeUndefined();
    }
  });

  it('reads narrative citations with et al., and, &, particles and several years, with their spans', () => {
    const text =
      'As Lin et al. (2026) and Chen & Wu (2025) say, van der Berg (2019, 2020) and Okafor and de la Cruz (2024) agree.';
    const found = narrativeCitations(text);
    expect(found.map((c) => [text.slice(c.start, c.end), c.surname, c.etAl, c.years])).toEqual([
      ['Lin et al. (2026)', 'Lin', true, ['2026']],
      ['Chen & Wu (2025)', 'Chen', false, ['2025']],
      ['van der Berg (2019, 2020)', 'van der Berg', false, ['2019', '2020']],
      ['Okafor and de la Cruz (2024)', 'Okafor', false, ['2024']],
    ]);
  });

  it('reads "and colleagues" or "and co-workers" as et al., in a parenthesis and in the text', () => {
    expect(readAuthorYear('Lin and colleagues, 2026')).toMatchObject({ surname: 'Lin', etAl: true, years: ['2026'] });
    expect(readAuthorYear('Chen and coworkers 2025')).toMatchObject({ surname: 'Chen', etAl: true, years: ['2025'] });
    const text = 'Lin and colleagues (2026) and Chen and co-workers (2025) agree, as do the colleagues (2024).';
    expect(narrativeCitations(text).map((c) => [text.slice(c.start, c.end), c.surname, c.etAl])).toEqual([
      ['Lin and colleagues (2026)', 'Lin', true],
      ['Chen and co-workers (2025)', 'Chen', true],
    ]);
  });

  it('does not take a month, a table or a lower-case word before a year for an author', () => {
    expect(
      narrativeCitations('Enrolled in January (2012), see Table (2020), the cohort (2019) and et al. (2020).'),
    ).toEqual([]);
  });

  // Regression: "It's (2020)", "This (2021)" and "We (2023)" were read as citations of authors It, This and We.
  it("does not take a sentence's opening function word, pronoun or contraction before a year for an author", () => {
    const text =
      "It's (2020) clear. This (2021) holds. In (2019) it ran. We (2023) agree. They've (2022) said so. " +
      "There's (2020) more. However (2024) it fails. Don't (2020) stop. Our (2021) tests pass.";
    expect(narrativeCitations(text)).toEqual([]);
    for (const item of ["It's 2020", "They've, 2022"]) expect(readAuthorYear(item), item).toBeUndefined();
  });

  // Regression: the function-word list cost the surnames Most, No, Her and Still in forms that are
  // always citations ("(Most et al., 2019)", "Her et al. (2021)"), and the month list May and Winter.
  it('reads a surname that is also a function word, a month or a season in a parenthesis or before "et al."', () => {
    const text = 'Sinks persist (Most et al., 2019; No et al., 2020; Her et al., 2021; Still, 2019; May et al., 2018).';
    expect(parseCitations(text).map((c) => c.marker)).toEqual([
      'Most et al., 2019',
      'No et al., 2020',
      'Her et al., 2021',
      'Still, 2019',
      'May et al., 2018',
    ]);
    expect(
      parseCitations('Her et al. (2021) show it. Winter et al. (2020) and Most et al., 2019 agree.').map(
        (c) => c.marker,
      ),
    ).toEqual(['Her et al., 2021', 'Winter et al., 2020', 'Most et al., 2019']);
    // Without "et al.", a month or season in a parenthesis is still a date, and a function word before a year no author.
    expect(
      parseCitations('Enrolled (January 2012) and again (Winter 2020). Still (2019) it ran. Her (2021) data.'),
    ).toEqual([]);
  });

  it('still reads a real surname before a year, short, with an apostrophe or particles, or one that is also a pronoun', () => {
    const text =
      "Li (2020) agrees. O'Neil (2019) and D’Amato (2018) differ. van der Berg (2021) doubts it. He et al. (2016) and An (2017) train deeper.";
    expect(narrativeCitations(text).map((c) => [text.slice(c.start, c.end), c.surname])).toEqual([
      ['Li (2020)', 'Li'],
      ["O'Neil (2019)", "O'Neil"],
      ['D’Amato (2018)', 'D’Amato'],
      ['van der Berg (2021)', 'van der Berg'],
      ['He et al. (2016)', 'He'],
      ['An (2017)', 'An'],
    ]);
    expect(readAuthorYear("O'Neil, 2019")).toMatchObject({ surname: "O'Neil", years: ['2019'] });
    expect(readAuthorYear('The Royal Society, 2020')).toMatchObject({ surname: 'The Royal Society', group: true });
    // An acronym is a name though it spells a pronoun.
    expect(readAuthorYear('WHO, 2020')).toMatchObject({ surname: 'WHO', years: ['2020'] });
  });

  // Regression: the regular expressions these scanners replace took 4–17 s on one 99 KB word before
  // "(2020)" and grew exponentially on "(AandAand…x)" (8.9 s at 40 repetitions).
  it('reads a 100 KB word before a year, and a long run of joined names, in linear time', () => {
    // Capitalized, not all capitals: an acronym alone before a year is no author unless one is known.
    const word = `A${'a'.repeat(99_999)}`;
    const started = performance.now();
    expect(narrativeCitations(`${word} (2020)`)).toHaveLength(1);
    expect(narrativeCitations(`${'van '.repeat(25_000)}(2020)`)).toEqual([]);
    expect(readAuthorYear(`${'Aand'.repeat(70)}x`)).toBeUndefined();
    expect(readAuthorYear(`${'Aand'.repeat(70)} 2020`)).toMatchObject({ years: ['2020'] });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
