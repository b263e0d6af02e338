import { describe, expect, it } from 'vitest';
import { colorByFromParams, paramsWithColorBy } from '../../../../web/src/pages/map/map-url.ts';

describe('map-url', () => {
  it('reads the colouring from the URL, and the default when it says none', () => {
    expect(colorByFromParams(new URLSearchParams('color=tag'))).toBe('tag');
    expect(colorByFromParams(new URLSearchParams('color=cluster'))).toBe('cluster');
    expect(colorByFromParams(new URLSearchParams('q=attention'))).toBe('cluster');
  });

  it('falls back to colouring by cluster for an unknown or malformed value', () => {
    for (const query of [
      'color=venue',
      'color=',
      'color=TAG',
      'color=tag%00',
      'color=__proto__',
      'color=constructor',
    ]) {
      expect(colorByFromParams(new URLSearchParams(query))).toBe('cluster');
    }
  });

  it('writes the colouring beside the other parameters, leaving the default out', () => {
    const params = new URLSearchParams('q=attention&paper=p1');
    const tagged = paramsWithColorBy(params, 'tag');
    expect(tagged.toString()).toBe('q=attention&paper=p1&color=tag');
    expect(paramsWithColorBy(tagged, 'cluster').toString()).toBe('q=attention&paper=p1');
    // The parameters given are not changed.
    expect(params.toString()).toBe('q=attention&paper=p1');
    expect(colorByFromParams(tagged)).toBe('tag');
  });
});
