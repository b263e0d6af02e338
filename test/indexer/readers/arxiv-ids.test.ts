import { describe, expect, it } from 'vitest';
import { arxivIdInText, arxivIdOfLink } from '../../../indexer/readers/arxiv-ids.ts';

describe('arxiv-ids', () => {
  it('reads the arXiv id of an arxiv.org address or its PDF, without the version', () => {
    expect(arxivIdOfLink('https://arxiv.org/abs/1903.12136v2')).toBe('1903.12136');
    expect(arxivIdOfLink('http://arxiv.org/pdf/1810.04805v1.pdf')).toBe('1810.04805');
    expect(arxivIdOfLink('https://arxiv.org/abs/hep-th/9901001/')).toBe('hep-th/9901001');
    expect(arxivIdOfLink('arXiv:2401.01234')).toBe('2401.01234');
  });

  it("reads the addresses of arXiv's mirrors and an address written without its scheme", () => {
    expect(arxivIdOfLink('http://export.arxiv.org/abs/1810.04805')).toBe('1810.04805');
    expect(arxivIdOfLink('https://www.arxiv.org/pdf/1810.04805v1.pdf')).toBe('1810.04805');
    expect(arxivIdOfLink('arxiv.org/abs/1810.04805')).toBe('1810.04805');
    expect(arxivIdInText('Preprint at arxiv.org/abs/2401.01234v3.')).toBe('2401.01234');
    expect(arxivIdOfLink('https://notarxiv.org/abs/1810.04805')).toBeUndefined();
  });

  it('gives no id for an address that merely holds one, or an arxiv.org page that is not a paper', () => {
    expect(arxivIdOfLink('https://example.org/arxiv.org/abs/x')).toBeUndefined();
    expect(arxivIdOfLink('https://proxy.example/?u=https://arxiv.org/abs/1810.04805')).toBeUndefined();
    expect(arxivIdOfLink('https://arxiv.org/abs/list/cs.LG/recent')).toBeUndefined();
  });

  it('finds "arXiv:<id>" in running text, and gives the same id every call', () => {
    expect(arxivIdInText('arXiv preprint arXiv:1810.04805')).toBe('1810.04805');
    expect(arxivIdInText('arXiv:1706.03762v5 [cs]')).toBe('1706.03762');
    expect(arxivIdInText('arXiv preprint arXiv:1810.04805')).toBe('1810.04805');
    expect(arxivIdInText('Journal of Soil Science')).toBeUndefined();
  });
});
