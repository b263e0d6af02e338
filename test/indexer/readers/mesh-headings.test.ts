import { describe, expect, it } from 'vitest';
import { isInvertedHeading, keywordsAndHeadings, meshDescriptor } from '../../../indexer/readers/mesh-headings.ts';

describe('mesh-headings', () => {
  it('reads a MeSH heading as its descriptor: qualifiers after "/" and the major-topic "*" taken off', () => {
    expect(meshDescriptor('Escherichia coli/*physiology')).toBe('Escherichia coli');
    expect(meshDescriptor('*Alzheimer Disease')).toBe('Alzheimer Disease');
    expect(meshDescriptor('Neoplasms/drug therapy/mortality')).toBe('Neoplasms');
    expect(meshDescriptor('Receptors, GABA-B/metabolism')).toBe('Receptors, GABA-B');
    expect(meshDescriptor('HIV Infections/*prevention & control')).toBe('HIV Infections');
  });

  it('knows every MeSH qualifier, the ones retired in 2016 included', () => {
    expect(meshDescriptor('Insulin/secretion')).toBe('Insulin');
    expect(meshDescriptor('Fluorodeoxyglucose F18/diagnostic use')).toBe('Fluorodeoxyglucose F18');
    expect(meshDescriptor('Kidney/transplantation')).toBe('Kidney');
    expect(meshDescriptor('Lung/radiography')).toBe('Lung');
    expect(meshDescriptor('Liver/ultrasonography')).toBe('Liver');
    expect(meshDescriptor('Bone and Bones/radionuclide imaging')).toBe('Bone and Bones');
  });

  it('leaves keywords that only hold a slash as written', () => {
    for (const keyword of ['TCP/IP', 'signal/noise', 'input/output', 'Animals', 'a/b/c']) {
      expect(meshDescriptor(keyword)).toBeNull();
    }
  });

  it('gives the keywords as tags and the headings as written, without "*", for metadata', () => {
    expect(keywordsAndHeadings(['Humans', 'Neoplasms/*drug therapy', 'TCP/IP'])).toEqual({
      tags: ['Humans', 'Neoplasms', 'TCP/IP'],
      meshHeadings: ['Neoplasms/drug therapy'],
    });
  });

  it('tells an inverted heading with several commas from a list of keywords', () => {
    for (const heading of [
      'Carcinoma, Non-Small-Cell, Lung',
      'Leukemia, Myeloid, Acute',
      'Cells, Cultured',
      'Drug Resistance, Multiple, Bacterial',
      'Receptors, Antigen, T-Cell, alpha-beta',
      'Leukemia, Lymphocytic, Chronic, B-Cell',
      'Encephalomyelitis, Autoimmune, Experimental',
      'Diabetes Mellitus, Type 2',
    ]) {
      expect(isInvertedHeading(heading), heading).toBe(true);
    }
    for (const list of [
      'drought, soil carbon, microbes',
      'Deep Learning, Computer Vision, Robotics',
      'Retrieval, question answering, BERT',
      'Animals',
    ]) {
      expect(isInvertedHeading(list), list).toBe(false);
    }
  });

  it('reads a list of capitalised one- or two-word terms as a list, not as an inverted heading', () => {
    for (const list of [
      'Ecology, Climate, Drought, Soil, Microbes',
      'Ecology, Climate, Drought',
      'Deep Learning, Transformers, Attention',
      'Artificial Intelligence, Healthcare, Ethics',
      'Question Answering, Retrieval, Summarization',
      'Deep Learning, Self-Attention, Fine-Tuning',
    ]) {
      expect(isInvertedHeading(list), list).toBe(false);
    }
  });

  it('reads a list whose terms are nouns ending in "-ic" as a list, and "-ic" adjectives as modifiers', () => {
    for (const list of ['Graph Theory, Logic, Music', 'Semantics, Logic, Rhetoric', 'Ranking, Topic, Traffic']) {
      expect(isInvertedHeading(list), list).toBe(false);
    }
    expect(isInvertedHeading('Leukemia, Myelomonocytic, Chronic')).toBe(true);
    // "Traffic" is MeSH's modifier in "Accidents, Traffic", not one of the nouns a list holds.
    expect(isInvertedHeading('Accidents, Traffic')).toBe(true);
  });

  it('reads no list of acronyms or of terms with digits as an inverted heading', () => {
    for (const list of ['NLP, LLM, RAG', 'COVID-19, SARS-CoV-2, Vaccination', 'Genomics, Acute, RNA']) {
      expect(isInvertedHeading(list), list).toBe(false);
    }
  });
});
