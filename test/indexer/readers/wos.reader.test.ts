import { describe, expect, it } from 'vitest';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readWos } from '../../../indexer/readers/wos.reader.ts';
import { makeTempDir, readFixture, readWith } from './read-fixture.ts';

describe('wos.reader', () => {
  it('reads a savedrecs.txt export: TI, AB, AF names, PY, SO, DE and ID keywords, DI and the UT accession', () => {
    const { papers, problems } = readFixture(readWos, 'wild/savedrecs.txt');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'wos:000600000000001',
      title: 'Graph neural networks for molecules',
      abstract: 'We learn on molecular graphs.',
      authors: ['John Smith', 'Alice Doe'],
      affiliations: ['Univ A'],
      year: 2021,
      venue: 'Journal of Chemical Information',
      doi: '10.1021/acs.jcim.1',
      tags: ['graph neural networks', 'molecules', 'PREDICTION', 'MODELS'],
      metadata: { accessionNumber: 'WOS:000600000000001', publicationType: 'J', volume: '61' },
    });
    expect(papers.map(({ paper, location }) => [paper.id, location.line])).toEqual([
      ['wos:000600000000001', 2],
      ['wos:000600000000002', 3],
    ]);
  });

  it('reads the plain-text export the same way: FN/VR lines, PT … ER records, one author per indented line, wrapped titles', () => {
    const plain = readFixture(readWos, 'wild/savedrecs-plain.txt');
    const tabbed = readFixture(readWos, 'wild/savedrecs.txt');
    expect(plain.problems).toEqual([]);
    expect(plain.papers.map(({ paper }) => paper)).toEqual(tabbed.papers.map(({ paper }) => paper));
    expect(plain.papers.map(({ location }) => location.line)).toEqual([3, 21]);
  });

  it('reports a plain-text record left without its ER line as a repair, and keeps it', () => {
    const text = 'PT J\nTI First paper\nPT J\nTI Second paper\nER\n';
    const { records, problems } = readWos(text, 'cut.txt');
    expect(records.map((record) => record.fields.title)).toEqual(['First paper', 'Second paper']);
    expect(problems).toEqual([]);
    expect(records[0]?.repairs).toEqual([
      {
        file: 'cut.txt',
        line: 1,
        record: 1,
        field: null,
        message: 'the record has no "ER" line; it ends where the next "PT" starts; it was kept',
      },
    ]);
  });

  it('keeps the last record of an export cut short, and says which line it starts on', () => {
    const text =
      'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI Complete\nER\n\nPT J\nTI Cut short\nAB The file end';
    const { papers, problems, repairs } = readWith(readWos, text, 'savedrecs.txt', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['Complete', 'Cut short']);
    expect(problems).toEqual([]);
    expect(repairs.map((repair) => [repair.file, repair.line, repair.record])).toEqual([['savedrecs.txt', 7, 2]]);
  });

  it('gives the indented lines after a tag written alone to that tag', () => {
    const text = 'PT J\nTI Tides\nAB\n   Tides move warm water\n   under the shelf.\nER\n';
    const { records } = readWos(text, 'bare.txt');
    expect(records[0]?.fields).toMatchObject({ title: 'Tides', abstract: 'Tides move warm water under the shelf.' });
  });

  it('reads an abstract without WoS\'s "(C) 2019 Elsevier Ltd. All rights reserved." line, kept as metadata', () => {
    const { papers } = readFixture(readWos, 'wild/savedrecs-elsevier.txt');
    expect(papers[0]?.paper).toMatchObject({
      id: 'wos:000461234500001',
      title: 'Ocean acidification and shell growth in bivalves',
      authors: ['Anna van der Berg', 'Martin Luther King Jr.'],
      abstract: 'Ocean acidification slows shell growth. We measured it in twelve species.',
      metadata: { copyright: '(C) 2019 Elsevier Ltd. All rights reserved.' },
    });
  });

  it('stores the source title WoS writes in capitals in title case, acronyms kept, and its J9 and JI abbreviations as written', () => {
    const { papers, problems } = readFixture(readWos, 'wild/savedrecs-venues.txt');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual([
      'Journal of the American Chemical Society',
      'IEEE Transactions on Pattern Analysis and Machine Intelligence',
      'BMJ-British Medical Journal',
      'PLOS One',
      '2021 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR 2021)',
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({
      journalAbbreviation: 'J AM CHEM SOC',
      isoJournalAbbreviation: 'J. Am. Chem. Soc.',
    });
  });

  it("takes an acronym's capitals from the ISO abbreviation (JI), and keeps the source title as WoS wrote it", () => {
    const record = (so: string, ji: string, ut: number) =>
      `PT J\nTI Paper ${ut}\nSO ${so}\nJI ${ji}\nUT WOS:00000000000010${ut}\nER\n`;
    const text = [
      record('BJU INTERNATIONAL', 'BJU Int.', 1),
      record('ANZ JOURNAL OF SURGERY', 'ANZ J. Surg.', 2),
      record('IUBMB LIFE', 'IUBMB Life', 3),
      record('AAPS JOURNAL', 'AAPS J.', 4),
      record('ASAIO JOURNAL', 'ASAIO J.', 5),
      record('IT PROFESSIONAL', 'IT Prof.', 6),
      record('BJOG-AN INTERNATIONAL JOURNAL OF OBSTETRICS AND GYNAECOLOGY', 'BJOG-Int. J. Obstet. Gynaecol.', 7),
      record('PROGRESS IN LIPID RESEARCH', 'Prog. In Lipid Res.', 8),
    ].join('');
    const { papers, problems } = readWith(readWos, text, 'savedrecs.txt');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual([
      'BJU International',
      'ANZ Journal of Surgery',
      'IUBMB Life',
      'AAPS Journal',
      'ASAIO Journal',
      'IT Professional',
      'BJOG-An International Journal of Obstetrics and Gynaecology',
      'Progress in Lipid Research',
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({ sourceAsWritten: 'BJU INTERNATIONAL' });
  });

  it('keeps no copy of a source title that was not changed', () => {
    const text = 'PT J\nTI Tides\nSO Journal of Glaciology\nUT WOS:000000000000009\nER\n';
    const { papers } = readWith(readWos, text, 'savedrecs.txt');
    expect(papers[0]?.paper.metadata).not.toHaveProperty('sourceAsWritten');
  });

  it('leaves a source title holding lower-case letters as written', () => {
    const text = 'PT J\nTI Tides\nSO Journal of Glaciology\nUT WOS:000000000000009\nER\n';
    const { papers } = readWith(readWos, text, 'savedrecs.txt');
    expect(papers[0]?.paper.venue).toBe('Journal of Glaciology');
  });

  it('adds a group author (CA) after the people, and reads "[Anonymous]" as no author', () => {
    const { papers, problems } = readFixture(readWos, 'wild/savedrecs-authors.txt');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.authors, paper.venue])).toEqual([
      ['wos:000308347000001', ['G. Aad', 'B. Abbott', 'ATLAS Collaboration'], 'Physics Letters B'],
      ['wos:000321000000001', [], 'Nature Physics'],
    ]);
  });

  it('reads one record exported by two overlapping searches as one paper, though its citation count grew between them', async () => {
    const header = 'PT\tAU\tAF\tTI\tSO\tAB\tPY\tTC\tUT\t\r\n';
    const row = (timesCited: string, abstract: string) =>
      `J\tDoe, J\tDoe, Jane\tOverlapping searches\tNATURE\t${abstract}\t2020\t${timesCited}\tWOS:000500000000077\t\r\n`;
    const temp = makeTempDir();
    try {
      const first = temp.write('savedrecs.txt', `\uFEFF${header}${row('10', '')}`);
      const second = temp.write('savedrecs(1).txt', `\uFEFF${header}${row('12', 'We did things.')}`);
      const { papers, problems, repairs } = await readPaperFiles([first, second]);
      expect(problems).toEqual([]);
      // The first file's record is kept, with its count, and takes the abstract only the second holds.
      expect(papers.map(({ paper }) => [paper.id, paper.abstract, paper.metadata.timesCited])).toEqual([
        ['wos:000500000000077', 'We did things.', '10'],
      ]);
      expect(repairs.map((repair) => repair.message)).toEqual([
        expect.stringMatching(
          /^names the same work as "wos:000500000000077" at .*savedrecs\.txt line 2; the two were merged/,
        ),
      ]);
    } finally {
      temp.cleanup();
    }
  });
});
