import { describe, expect, it } from 'vitest';
import { rootNameOf, scanDocument } from '../../../indexer/readers/xml-spans.ts';

/** The children a scan found, as [name, text, closed by its own tag]. */
function children(text: string, records?: ReadonlySet<string>): [string, string, boolean][] {
  return scanDocument(text, records).spans.map(({ name, start, end, closed }) => [
    name,
    text.slice(start, end),
    closed,
  ]);
}

describe('xml-spans', () => {
  it('finds the root and each element just inside it, passing over comments, CDATA and a self-closed element', () => {
    const text =
      '<?xml version="1.0"?>\n<!-- a list --><list a="1>2"><item>one <![CDATA[</item>]]></item><!-- </list> --><item/></list>';
    const scan = scanDocument(text);
    expect(scan.root).toBe('list');
    expect(text.slice(scan.rootTagStart, scan.rootTagEnd)).toBe('<list a="1>2">');
    expect(children(text)).toEqual([
      ['item', '<item>one <![CDATA[</item>]]></item>', true],
      ['item', '<item/>', true],
    ]);
    expect(scan.open).toEqual([]);
  });

  it('finds the records inside the elements `within` names, ending one left open where their holder closes', () => {
    const text =
      '<?xml version="1.0"?><xml><records><record>A</record><record>B</records><other><record>C</record></other></xml>';
    const scan = scanDocument(text, new Set(['record']), ['records']);
    expect(scan.holders).toEqual(['xml', 'records']);
    expect(text.slice(0, scan.holderTagEnd)).toBe('<?xml version="1.0"?><xml><records>');
    expect(scan.spans.map(({ name, start, end, closed }) => [name, text.slice(start, end), closed])).toEqual([
      ['record', '<record>A</record>', true],
      ['record', '<record>B', false],
    ]);
  });

  it('lets a closing tag close the open element of its name, so a misspelt one inside a record leaves the next records whole', () => {
    const text = '<set><rec><t>A</tt></rec><rec><t>B</t></rec></set>';
    expect(children(text)).toEqual([
      ['rec', '<rec><t>A</tt></rec>', true],
      ['rec', '<rec><t>B</t></rec>', true],
    ]);
  });

  it('ends a record left open where the next record of its name opens, and another child where the root closes', () => {
    const text = '<set><rec><t>A</t><rec><t>B</t></rec><note><p>C</set>';
    expect(children(text, new Set(['rec']))).toEqual([
      ['rec', '<rec><t>A</t>', false],
      ['rec', '<rec><t>B</t></rec>', true],
      ['note', '<note><p>C', false],
    ]);
  });

  it('reads names under any prefix as records by their local name, and keeps what is open where the text ends', () => {
    const text = '<m:set xmlns:m="urn:x"><m:rec>A</m:rec><m:rec><m:t>B';
    const scan = scanDocument(text, new Set(['rec']));
    expect(children(text, new Set(['rec']))).toEqual([['m:rec', '<m:rec>A</m:rec>', true]]);
    expect(scan.open.map(({ name }) => name)).toEqual(['m:set', 'm:rec', 'm:t']);
  });

  it('reads a "<" that opens no markup as text, and a tag broken off by the next "<" as text, never as a tag to the end', () => {
    const text = "<set><rec>P < 0.001 in the patients' cohort</rec><rec><t a='x<b>B</t></rec><rec>C</rec></set>";
    expect(children(text)).toEqual([
      ['rec', "<rec>P < 0.001 in the patients' cohort</rec>", true],
      ['rec', "<rec><t a='x<b>B</t></rec>", true],
      ['rec', '<rec>C</rec>', true],
    ]);
  });

  it('ends a record at a comment it leaves open, marked, and goes on at the next record', () => {
    const text = '<set><rec>A <!-- note</rec>\n<rec>B</rec></set>';
    const scan = scanDocument(text, new Set(['rec']));
    expect(
      scan.spans.map(({ start, end, closed, unterminated }) => [text.slice(start, end), closed, unterminated]),
    ).toEqual([
      ['<rec>A <!-- note</rec>\n', false, 12],
      ['<rec>B</rec>', true, undefined],
    ]);
    expect(scan.open).toEqual([]);
  });

  it('reads the records of a second root of the same name, after the first or opened inside it', () => {
    for (const text of [
      '<set><rec>A</rec></set>\n<?xml version="1.0"?><set><rec>B</rec></set>',
      '<set><rec>A</rec>\n<set><rec>B</rec></set>',
    ]) {
      expect(children(text, new Set(['rec'])).map(([, child]) => child)).toEqual(['<rec>A</rec>', '<rec>B</rec>']);
    }
  });

  it("tells the root's name past the declaration, comments, processing instructions and a DOCTYPE, and none when text comes first", () => {
    expect(
      rootNameOf('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE x [<!ENTITY e ">">]>\n<?pi x?><mods:mods>'),
    ).toBe('mods:mods');
    expect(rootNameOf('Dear reader, <b>this</b> is prose')).toBeNull();
    expect(rootNameOf('<!-- never closed <feed>')).toBeNull();
    expect(rootNameOf('</feed>')).toBeNull();
  });
});
