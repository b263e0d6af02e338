import { describe, expect, it } from 'vitest';
import { paperLinks, safeHttpUrl } from '../../../../web/src/pages/paper/paper-links.ts';
import { paperWith } from '../../../support/paper.ts';

describe('paper-links', () => {
  it('links the DOI, arXiv id, code and web page of a paper', () => {
    expect(
      paperLinks(
        paperWith({
          doi: 'https://doi.org/10.1000/xyz 1',
          arxivId: 'arXiv:2401.01234',
          url: 'https://example.org/paper',
          metadata: { code: 'https://github.com/org/repo' },
        }),
      ),
    ).toEqual([
      { label: 'DOI', href: 'https://doi.org/10.1000/xyz%201' },
      { label: 'arXiv', href: 'https://arxiv.org/abs/2401.01234' },
      { label: 'Code', href: 'https://github.com/org/repo' },
      { label: 'Web page', href: 'https://example.org/paper' },
    ]);
  });

  it('treats a repository URL as the code link, once', () => {
    expect(paperLinks(paperWith({ url: 'https://github.com/org/repo' }))).toEqual([
      { label: 'Code', href: 'https://github.com/org/repo' },
    ]);
  });

  it('never lets a javascript:, data: or relative URL become a link', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
      '/relative',
      'nope',
    ]) {
      expect(safeHttpUrl(url)).toBeUndefined();
      expect(paperLinks(paperWith({ url, metadata: { code: url } }))).toEqual([]);
    }
    expect(paperLinks(paperWith({ arxivId: 'javascript:alert(1)' }))).toEqual([]);
  });
});
