import { describe, expect, it } from 'vitest';
import { preprintOfVenue } from '../../../indexer/readers/preprint-venue.ts';

describe('preprint-venue', () => {
  it('reads the arXiv id of a venue that names only a preprint, as Google Scholar and Zotero write one', () => {
    expect(preprintOfVenue('arXiv preprint arXiv:1810.04805')).toBe('1810.04805');
    expect(preprintOfVenue('arXiv:1706.03762 [cs]')).toBe('1706.03762');
    expect(preprintOfVenue('arXiv:1802.03426 [cs, stat]')).toBe('1802.03426');
    expect(preprintOfVenue('arXiv:1706.03762v5 [cs.CL]')).toBe('1706.03762');
    expect(preprintOfVenue('arXiv:hep-th/9901001v2 [hep-th]')).toBe('hep-th/9901001');
  });

  it('names no preprint for a venue of its own, one that mentions arXiv among other words included', () => {
    for (const venue of ['ArXiv', 'arXiv e-prints', 'Advances in NeurIPS (arXiv:1810.04805)', 'Nature']) {
      expect(preprintOfVenue(venue), venue).toBeUndefined();
    }
  });
});
