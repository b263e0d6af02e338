import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../indexer/paper.schema.ts';
import { toRis, toRisFile } from '../../../web/src/citations/ris.ts';

const paper: Paper = {
  id: 'emo-2024',
  title: 'EMO: Earth\nMover Distance',
  abstract: 'We propose.\nIt works.',
  authors: ['Ada Lovelace', 'Alan Turing'],
  affiliations: [],
  year: 2024,
  venue: 'ICLR',
  url: 'https://example.org/emo',
  doi: '10.1000/emo',
  arxivId: null,
  tags: ['llm', 'loss'],
  metadata: {},
};

describe('ris', () => {
  it('writes a JOUR record with one tag per line and ends it with ER', () => {
    expect(toRis(paper).split('\r\n')).toEqual([
      'TY  - JOUR',
      'ID  - emo-2024',
      'TI  - EMO: Earth Mover Distance',
      'AU  - Ada Lovelace',
      'AU  - Alan Turing',
      'PY  - 2024',
      'JO  - ICLR',
      'AB  - We propose. It works.',
      'DO  - 10.1000/emo',
      'UR  - https://example.org/emo',
      'KW  - llm',
      'KW  - loss',
      'ER  - ',
      '',
    ]);
  });

  it('leaves out a URL that is not http(s) and writes GEN without a venue', () => {
    const ris = toRis({ ...paper, url: 'javascript:alert(1)', venue: null });
    expect(ris).not.toContain('UR  -');
    expect(ris.startsWith('TY  - GEN')).toBe(true);
    expect(toRisFile([paper, paper]).match(/^ER {2}- /gm)).toHaveLength(2);
  });
});
