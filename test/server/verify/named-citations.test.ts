import { describe, expect, it } from 'vitest';
import { definesAbbreviation, namedItems } from '../../../server/verify/named-citations.ts';
import { parseCitations } from '../../../server/verify/parse-citations.ts';

const KNOWN = new Set(['LeakDojo', 'EMO', 'VHG', 'GlazyBench', 'MoE', 'Memory Inception']);
const knowsName = (name: string) => KNOWN.has(name);
const cited = (text: string) =>
  parseCitations(text, { knowsName }).map((c) => [c.marker, text.slice(c.start, c.end), c.target]);
const key = (name: string) => ({ kind: 'key', key: name, explicit: false });

describe('named-citations', () => {
  it('reads a bracket or parenthesis of known names, after an optional lead-in, as citations of those papers', () => {
    const text =
      'RAG systems that follow instructions better leak less [LeakDojo]. Filtering helps (see LeakDojo). ' +
      'Experts specialise (EMO). Both hold [LeakDojo; EMO], as do these (cf. VHG, GlazyBench; e.g., Memory Inception).';
    expect(cited(text)).toEqual([
      ['[LeakDojo]', '[LeakDojo]', key('LeakDojo')],
      ['[LeakDojo]', '(see LeakDojo)', key('LeakDojo')],
      ['[EMO]', '(EMO)', key('EMO')],
      ['[LeakDojo]', '[LeakDojo; EMO]', key('LeakDojo')],
      ['[EMO]', '[LeakDojo; EMO]', key('EMO')],
      ['[VHG]', '(cf. VHG, GlazyBench; e.g., Memory Inception)', key('VHG')],
      ['[GlazyBench]', '(cf. VHG, GlazyBench; e.g., Memory Inception)', key('GlazyBench')],
      ['[Memory Inception]', '(cf. VHG, GlazyBench; e.g., Memory Inception)', key('Memory Inception')],
    ]);
  });

  it('reads no name that is unknown, written in another case, or beside one that is unknown', () => {
    for (const text of [
      'It leaks (Foo).',
      'It leaks (see Foo).',
      'It leaks (Emo).',
      'It leaks (LeakDojo, Foo).',
      'It leaks (see leakDojo).',
    ]) {
      expect(cited(text), text).toEqual([]);
    }
    // Without knowsName, a name alone in a parenthesis cites nothing.
    expect(parseCitations('Experts specialise (EMO).')).toEqual([]);
  });

  it('reads no abbreviation, aside or measure in a parenthesis as a named citation: "(MoE)", "(n = 12)", "(Fig. 2)"', () => {
    const text =
      'We train a mixture of experts (MoE) with Mixture-of-Experts (MoE) layers. It leaks (…) (n = 12) (Fig. 2) (e.g., MoE layers).';
    expect(cited(text)).toEqual([]);
    for (const part of ['sic', '…', 'n = 12', 'Fig. 2', 'MoE layers', 'see the LeakDojo']) {
      expect(namedItems(part, knowsName), part).toBeUndefined();
    }
  });

  it('tells an abbreviation the words before it spell out from a name the words do not spell', () => {
    const at = (text: string, inner: string) => definesAbbreviation(text, text.indexOf(`(${inner})`), inner);
    expect(at('We train a mixture of experts (MoE).', 'MoE')).toBe(true);
    expect(at('Counts from the Bureau of Labor Statistics (BLS).', 'BLS')).toBe(true);
    expect(at('Most systems use retrieval-augmented generation (RAG).', 'RAG')).toBe(true);
    expect(at('Many large language models (LLMs) leak.', 'LLMs')).toBe(true);
    // Letters found inside words are no initials: this parenthesis cites EMO.
    expect(at('Experts specialise by domain without labels (EMO).', 'EMO')).toBe(false);
    expect(at('Filtering helps (see LeakDojo).', 'see LeakDojo')).toBe(false);
  });
});
