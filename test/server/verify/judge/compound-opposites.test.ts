import { describe, expect, it } from 'vitest';
import { compoundOpposites } from '../../../../server/verify/judge/compound-opposites.ts';
import { stanceFeatures } from '../../../../server/verify/judge/stance-features.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('compound-opposites', () => {
  it('reads "X-aware" against "ignores X" or "X-agnostic" as opposites, either way round', () => {
    const paper = 'UE-DPO makes Direct Preference Optimization uncertainty-aware to curb hallucinations.';
    expect(compoundOpposites('UE-DPO ignores uncertainty entirely.', paper)).toBe(true);
    expect(compoundOpposites(paper, 'The objective is uncertainty-agnostic.')).toBe(true);
    expect(compoundOpposites('A scheduler that disregards the prefix.', 'A prefix-aware scheduler.')).toBe(true);
  });

  it('reads no opposite when the ignored thing is another, or a side says both', () => {
    const paper = 'UE-DPO makes preference optimization uncertainty-aware.';
    expect(compoundOpposites('UE-DPO ignores the length of answers.', paper)).toBe(false);
    expect(compoundOpposites('It is uncertainty-aware and never ignores uncertainty.', paper)).toBe(false);
  });

  it('reads one way against both ways as opposites', () => {
    const paper = 'SOW, short for Selective One-Way Diffusion, governs how information spreads.';
    expect(compoundOpposites('In SOW, information diffuses in both directions across the image.', paper)).toBe(true);
    expect(compoundOpposites('The attention is bidirectional.', 'The attention runs in one direction only.')).toBe(
      true,
    );
    expect(compoundOpposites('Information flows one way.', paper)).toBe(false);
    expect(compoundOpposites('A two-way and one-way channel.', 'A two-way channel.')).toBe(false);
  });

  it('reads an order of method the other side does not name as another', () => {
    const paper = 'PACZero provides zeroth-order (ZO) mechanisms with PAC privacy for fine-tuning LLMs.';
    expect(compoundOpposites('PACZero relies on first-order gradient mechanisms.', paper)).toBe(true);
    expect(compoundOpposites('PACZero uses zeroth-order mechanisms.', paper)).toBe(false);
    expect(compoundOpposites('PACZero compares zeroth-order with first-order mechanisms.', paper)).toBe(false);
  });

  it('reads "X-only" against X and its opposite named together as opposites', () => {
    const paper = 'POPO is a framework whose policy optimization is positive-only.';
    expect(compoundOpposites('POPO relies on negative samples as well as positive ones.', paper)).toBe(true);
    expect(compoundOpposites('POPO uses both positive and negative rewards.', paper)).toBe(true);
    expect(compoundOpposites('POPO uses positive samples as well as a value model.', paper)).toBe(false);
    expect(compoundOpposites('Unlike a positive-only method, POPO uses negative as well as positive.', paper)).toBe(
      false,
    );
  });

  it('reads doing well on a thing against doing poorly on it as opposites', () => {
    const paper =
      'Frontier models do well on link validity, yet their citations are factually accurate only 39-77% of the time.';
    expect(compoundOpposites('Frontier models do poorly on link validity but well on factual accuracy.', paper)).toBe(
      true,
    );
    expect(compoundOpposites('Frontier models do well on link validity.', paper)).toBe(false);
    expect(compoundOpposites('It works as well on images as on text.', 'It does poorly on images.')).toBe(false);
  });

  it('leaves out an order or direction named inside a contrast', () => {
    const zoPriv =
      'ZOPriv fine-tunes language models with zeroth-order gradient estimates and uses far less memory than DP-SGD.';
    expect(compoundOpposites('ZOPriv needs far less memory than first-order DP-SGD when fine-tuning.', zoPriv)).toBe(
      false,
    );
    const pacZero = 'PACZero provides zeroth-order (ZO) mechanisms with PAC privacy for fine-tuning LLMs.';
    expect(
      compoundOpposites(
        'PACZero offers PAC-private fine-tuning of LLMs as an alternative to first-order DP-SGD.',
        pacZero,
      ),
    ).toBe(false);
    const sow = 'SOW, short for Selective One-Way Diffusion, governs how information spreads.';
    expect(
      compoundOpposites(
        'Unlike bidirectional attention, SOW lets a multimodal LLM govern how information spreads during image generation.',
        sow,
      ),
    ).toBe(false);
  });

  it('reads no opposite between orders of different things or the unhyphenated idiom', () => {
    expect(compoundOpposites('It is decidable in first-order logic.', 'We use zeroth-order optimization.')).toBe(false);
    expect(
      compoundOpposites('To first order, the error grows linearly.', 'Second-order terms dominate the error.'),
    ).toBe(false);
    expect(
      compoundOpposites('ZOPriv uses first-order gradients.', 'ZOPriv uses zeroth-order gradient estimates.'),
    ).toBe(true);
    expect(compoundOpposites('PACZero is a first-order method.', 'PACZero is a zeroth-order optimizer.')).toBe(true);
  });

  it('reads no direction in a one-way hash or ANOVA, or in "either direction"', () => {
    expect(compoundOpposites('A one-way hash protects the keys.', 'The attention is bidirectional.')).toBe(false);
    expect(compoundOpposites('A one-way ANOVA found an effect.', 'Links are bidirectional.')).toBe(false);
    expect(compoundOpposites('There was no change in either direction.', 'Signals move in one direction.')).toBe(false);
  });

  it('reads "X as well as Y" inside a contrast as not said', () => {
    const paper = 'POPO is a framework whose policy optimization is positive-only.';
    expect(
      compoundOpposites(
        'POPO, unlike methods that use negative samples as well as positive ones, optimizes its policy on positive samples only.',
        paper,
      ),
    ).toBe(false);
  });

  it('reads no manner that is negated or stated both ways for the same thing', () => {
    expect(
      compoundOpposites('RetroNet does not perform well on long inputs.', 'RetroNet performs poorly on long inputs.'),
    ).toBe(false);
    expect(compoundOpposites("RetroNet doesn't do well on long inputs.", 'RetroNet does poorly on long inputs.')).toBe(
      false,
    );
    expect(
      compoundOpposites(
        'It does poorly on long inputs in Chinese but well on long inputs in English.',
        'It does poorly on long inputs.',
      ),
    ).toBe(false);
  });

  it('is read by the stance features as an opposite word', () => {
    const features = stanceFeatures(
      readSentence('UE-DPO ignores uncertainty entirely.'),
      readSentence(
        'UE-DPO makes Direct Preference Optimization (DPO) uncertainty-aware in order to curb hallucinations.',
      ),
    );
    expect(features.antonymConflict).toBe(1);
  });
});
