import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../../indexer/passages/split-passages.ts';
import { cleanText, decodeEntities } from '../../../indexer/readers/clean-text.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { fixture } from './read-fixture.ts';

describe('clean-text', () => {
  it('removes HTML tags, turning a heading into a lead-in, and decodes entities', () => {
    expect(
      cleanText('<h3>Background</h3><p>Water &amp; ice differ &ndash; a lot.</p><p>We measured&nbsp;it.</p>'),
    ).toBe('Background: Water & ice differ – a lot. We measured it.');
    expect(cleanText('<i>In vivo</i> imaging of H<sub>2</sub>O')).toBe('In vivo imaging of H2O');
  });

  it('removes JATS tags as Crossref abstracts carry them', () => {
    expect(cleanText('<jats:title>Abstract</jats:title><jats:p>Uses <jats:italic>JATS</jats:italic>.</jats:p>')).toBe(
      'Abstract: Uses JATS.',
    );
  });

  it('converts LaTeX accents, escapes and commands, keeping math readable', () => {
    expect(cleanText('K{\\"a}hler and K\\"ahler, \\emph{every} $\\alpha > 0$, R\\&D at 50\\%')).toBe(
      'Kähler and Kähler, every α > 0, R&D at 50%',
    );
  });

  it('leaves text without markup alone apart from collapsing whitespace', () => {
    expect(cleanText('  A  plain\n abstract -- with a tilde~and x < y > z, $5 and <b and c> kept. ')).toBe(
      'A plain abstract -- with a tilde~and x < y > z, $5 and <b and c> kept.',
    );
  });

  it('leaves sums of money alone instead of reading the text between two dollar signs as math', () => {
    expect(cleanText('Costs fell from $5 million to $3 million, or ~40% -- a drop.')).toBe(
      'Costs fell from $5 million to $3 million, or ~40% -- a drop.',
    );
    expect(cleanText('A rate of $10^{-3}$ per $n$ steps')).toBe('A rate of 10^-3 per n steps');
  });

  it('decodes numeric references and accented letters, leaving unknown names as written', () => {
    expect(decodeEntities('&#8805; &#x2264; &ouml; &Eacute; &bogus; &#0;')).toBe('≥ ≤ ö É &bogus; &#0;');
  });

  it('cleans abstracts at index time, so passage offsets point into the cleaned text', async () => {
    const { papers } = await readPaperFiles([fixture('wild/markup.jsonl')]);
    const html = papers.find(({ paper }) => paper.id === 'html')!.paper;
    expect(html.abstract).toBe('Background: Water & ice differ – a lot. We measured it ≥ 3 times.');
    expect(papers.find(({ paper }) => paper.id === 'latex')!.paper.title).toBe('Geometry of Kähler manifolds');
    for (const passage of splitPassages(html)) {
      expect(html[passage.field].slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text).not.toMatch(/[<>]|&\w+;/);
    }
  });
});
