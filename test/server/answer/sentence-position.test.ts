import { describe, expect, it } from 'vitest';
import { afterFirstAim, statesAimOrMethod } from '../../../server/answer/sentence-position.ts';

const abstract =
  'Trauma patients on anticoagulants pose a hard problem. Bleeding is common in them. ' +
  'We reviewed 120 patients started on heparin. Major bleeding occurred in 9% of them.';

describe('sentence-position', () => {
  it('places a sentence after the first aim or method sentence of its abstract, and background before it', () => {
    expect(afterFirstAim(abstract, abstract.indexOf('Major bleeding'))).toBe(true);
    expect(afterFirstAim(abstract, abstract.indexOf('Bleeding is common'))).toBe(false);
    // The aim or method sentence itself comes after none.
    expect(afterFirstAim(abstract, abstract.indexOf('We reviewed'))).toBe(false);
  });

  it('reads aims, methods in the passive and section labels as aim or method, and results as neither', () => {
    expect(statesAimOrMethod('The purpose of this study was to assess bleeding.')).toBe(true);
    expect(statesAimOrMethod('To determine whether heparin is safe in the elderly.')).toBe(true);
    expect(statesAimOrMethod('Patients were randomized to heparin or placebo.')).toBe(true);
    expect(statesAimOrMethod('METHODS: A retrospective review.')).toBe(true);
    expect(statesAimOrMethod('Major bleeding occurred in 9% of patients.')).toBe(false);
    expect(statesAimOrMethod('The results are the methods of the past.')).toBe(false);
  });
});
