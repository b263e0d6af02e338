import { describe, expect, it } from 'vitest';
import {
  arxivIdInText,
  arxivIdOf,
  arxivIdOfDoi,
  arxivIdOfLink,
  arxivReference,
} from '../../../indexer/readers/arxiv-ids.ts';

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

  it('reads a bare, prefixed or linked id as one id, its version apart', () => {
    for (const value of ['2301.01234v2', 'arXiv:2301.01234v2', 'https://arxiv.org/abs/2301.01234v2', ' 2301.01234 ']) {
      expect(arxivIdOf(value)).toBe('2301.01234');
    }
    expect(arxivReference('http://arxiv.org/abs/hep-th/9901001v2')).toEqual({ id: 'hep-th/9901001', version: 'v2' });
    expect(arxivReference('2301.01234')).toEqual({ id: '2301.01234', version: undefined });
    expect(arxivIdOf('Journal of Soil Science')).toBeUndefined();
    expect(arxivIdOf('12.34')).toBeUndefined();
  });

  it("gives an old-style id in arXiv's canonical form, without its subject class", () => {
    expect(arxivIdOf('math.AG/0301001v1')).toBe('math/0301001');
    expect(arxivReference('math.AG/0301001v1')).toEqual({ id: 'math/0301001', version: 'v1' });
    expect(arxivIdOfLink('https://arxiv.org/abs/math.AG/0301001')).toBe('math/0301001');
    expect(arxivIdInText('see arXiv:cs.LG/0101001v3')).toBe('cs/0101001');
    expect(arxivIdInText('see arXiv:math/0301001v3')).toBe('math/0301001');
    expect(arxivIdOfDoi('10.48550/arXiv.math.AG/0301001')).toBe('math/0301001');
    expect(arxivIdOf('hep-th/9901001')).toBe('hep-th/9901001');
  });

  it("reads the arXiv id of arXiv's own DOIs and of no other", () => {
    expect(arxivIdOfDoi('10.48550/arXiv.2301.01234')).toBe('2301.01234');
    expect(arxivIdOfDoi('https://doi.org/10.48550/arXiv.hep-th/9901001')).toBe('hep-th/9901001');
    expect(arxivIdOfDoi('10.48550/arXiv.not-an-id')).toBeUndefined();
    expect(arxivIdOfDoi('10.1145/3292500.3330701')).toBeUndefined();
  });
});
