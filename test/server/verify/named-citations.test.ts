import { describe, expect, it } from 'vitest';
import { definesAbbreviation, looksCoined, namedItems } from '../../../server/verify/named-citations.ts';
import { parseCitations } from '../../../server/verify/parse-citations.ts';

const KNOWN = new Set([
  'LeakDojo',
  'EMO',
  'VHG',
  'GlazyBench',
  'MoE',
  'Memory Inception',
  'Transformers',
  'Dropout',
  'Litespark',
]);
const knowsName = (name: string) => KNOWN.has(name);
const cited = (text: string) =>
  parseCitations(text, { knowsName }).map((c) => [c.marker, text.slice(c.start, c.end), c.target]);
const key = (name: string) => ({ kind: 'key', key: name, explicit: false });
const keyAfterLeadIn = (name: string) => ({ ...key(name), leadIn: true });

describe('named-citations', () => {
  it('reads a bracket or parenthesis of known names, after an optional lead-in, as citations of those papers', () => {
    const text =
      'RAG systems that follow instructions better leak less [LeakDojo]. Filtering helps (see LeakDojo). ' +
      'Experts specialise (EMO). Both hold [LeakDojo; EMO], as do these (cf. VHG, GlazyBench; e.g., Memory Inception).';
    expect(cited(text)).toEqual([
      ['[LeakDojo]', '[LeakDojo]', key('LeakDojo')],
      ['[LeakDojo]', '(see LeakDojo)', keyAfterLeadIn('LeakDojo')],
      ['[EMO]', '(EMO)', key('EMO')],
      ['[LeakDojo]', '[LeakDojo; EMO]', key('LeakDojo')],
      ['[EMO]', '[LeakDojo; EMO]', key('EMO')],
      ['[VHG]', '(cf. VHG, GlazyBench; e.g., Memory Inception)', keyAfterLeadIn('VHG')],
      ['[GlazyBench]', '(cf. VHG, GlazyBench; e.g., Memory Inception)', keyAfterLeadIn('GlazyBench')],
      ['[Memory Inception]', '(cf. VHG, GlazyBench; e.g., Memory Inception)', keyAfterLeadIn('Memory Inception')],
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

  // Regression: any known name alone in a parenthesis was a citation, so "(Transformers)" in a
  // sentence cited the paper "Transformers: State-of-the-Art Natural Language Processing".
  it('reads a known name alone as a citation only when it looks coined, and any known name after a lead-in', () => {
    const text =
      'Sequence models (Transformers) replaced recurrent ones, and regularisers (Dropout) helped. ' +
      'Deep ensembles (Memory Inception) too. Sparks fly (Litespark). Overfitting falls (see Dropout).';
    expect(cited(text)).toEqual([
      ['[Litespark]', '(Litespark)', key('Litespark')],
      ['[Dropout]', '(see Dropout)', keyAfterLeadIn('Dropout')],
    ]);
  });

  it('tells a coined name by a capital inside it, a digit, capitals alone or a word no dictionary holds', () => {
    for (const name of ['LeakDojo', 'GPT-4', 'VL-LCM', 'EMO', 'VHG', 'MoE', 'Litespark', 'GlazyBench']) {
      expect(looksCoined(name), name).toBe(true);
    }
    for (const name of ['Transformers', 'Dropout', 'Memory', 'Attention', 'Memory Inception', 'Mixture-of-Experts']) {
      expect(looksCoined(name), name).toBe(false);
    }
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
