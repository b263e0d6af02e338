import { describe, expect, it } from 'vitest';
import { readEndnoteXml } from '../../../indexer/readers/endnote-xml.reader.ts';
import { readWith } from './read-fixture.ts';

const style = (text: string, face = 'normal') => `<style face="${face}" font="default" size="100%">${text}</style>`;

// Shaped as EndNote's XML export, with values written here: the first record as EndNote 20 writes it
// (every value in style runs, an italic run inside the title), the second as older versions do.
const ENDNOTE = `<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><rec-number>12</rec-number><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author>${style('Silva, Ana')}</author><author>${style('Weber, Jonas')}</author></authors></contributors>
<titles><title>${style('Tides in ')}${style('Pine Island', 'italic')}${style(' glacier')}</title><secondary-title>${style('Journal of Glaciology')}</secondary-title></titles>
<pages>${style('1-9')}</pages><volume>${style('65')}</volume>
<keywords><keyword>${style('tides')}</keyword><keyword>${style('ice')}</keyword></keywords>
<dates><year>${style('2019')}</year></dates>
<electronic-resource-num>${style('https://doi.org/10.1000/endnote.1')}</electronic-resource-num>
<abstract>${style('Tides speed up melt at the grounding line.')}</abstract></record>
<record><rec-number>13</rec-number><ref-type name="Book">6</ref-type><contributors><authors><author>Knuth, Donald E.</author></authors></contributors>
<titles><title>The Art of Computer Programming</title></titles><dates><year>1968</year></dates></record>
</records></xml>`;

describe('endnote-xml.reader', () => {
  it('reads each record: style runs joined with their spaces, authors, venue, year, bare DOI, keywords, located at its line', () => {
    const { papers, problems } = readWith(readEndnoteXml, ENDNOTE, 'library.xml');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1000/endnote.1',
      title: 'Tides in Pine Island glacier',
      abstract: 'Tides speed up melt at the grounding line.',
      authors: ['Ana Silva', 'Jonas Weber'],
      venue: 'Journal of Glaciology',
      year: 2019,
      doi: '10.1000/endnote.1',
      tags: ['tides', 'ice'],
      metadata: { entryType: 'Journal Article', volume: '65', pages: '1-9' },
    });
    expect(papers.map(({ location }) => location.line)).toEqual([2, 10]);
  });

  it('gives a record without a DOI a key made from its content, which stays the same across exports', () => {
    const { papers } = readWith(readEndnoteXml, ENDNOTE, 'library.xml');
    expect(papers[1]?.paper).toMatchObject({ id: 'knuth1968computer', authors: ['Donald E. Knuth'], year: 1968 });
  });
});
