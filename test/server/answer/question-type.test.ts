import { describe, expect, it } from 'vitest';
import { answerShape, askedKindWord, asksOneRelation, questionType } from '../../../server/answer/question-type.ts';

describe('question-type', () => {
  it('reads the kind of answer a question asks for', () => {
    expect(questionType('How much audio was TextPro-SLM trained on?')).toBe('quantity');
    expect(questionType('How many patients were enrolled?')).toBe('quantity');
    expect(questionType('When was the vaccine first licensed?')).toBe('time');
    expect(questionType('Which optimizer works best for sparse models?')).toBe('named');
    expect(questionType('Does aspirin reduce stroke risk?')).toBe('yes_no');
    expect(questionType('Double balloon enteroscopy: is it efficacious and safe in a community setting?')).toBe(
      'yes_no',
    );
    expect(questionType('Aripiprazole: a new risk factor for pathological gambling?')).toBe('yes_no');
    expect(questionType('Why do attention sinks appear?')).toBe('open');
  });

  it('reads a question word after a preposition as asking what the word asks, not yes or no', () => {
    expect(questionType('In which environments is StraTA tested?')).toBe('named');
    expect(questionType("By how much does Feather's prefix-aware scheduling raise throughput?")).toBe('quantity');
    expect(questionType('In what year was the vaccine first licensed?')).toBe('time');
    expect(questionType('From where do the inputs of AstroAlertBench come?')).toBe('open');
    expect(questionType('To what extent does caching help?')).toBe('quantity');
    // A preposition before no question word leaves a yes/no question one.
    expect(questionType('In adults, does aspirin reduce stroke risk?')).toBe('yes_no');
  });

  it('reads a question word after a comma as asking what the word asks, not yes or no', () => {
    expect(questionType('In "Drought and poplar leaves", how was senescence determined?')).toBe('open');
    expect(questionType('According to the moss survey, what covers the north faces?')).toBe('open');
    // Without a question word, a question mark still asks yes or no.
    expect(questionType('Aspirin after surgery, a risk for bleeding?')).toBe('yes_no');
  });

  it('reads "what" before a measure, after up to two words, as asking a quantity', () => {
    expect(questionType('What learning rate was used to pretrain EMO?')).toBe('quantity');
    expect(questionType('What batch size does Feather use?')).toBe('quantity');
    expect(questionType('What score does SoftSAE reach on SAE Bench?')).toBe('quantity');
    expect(questionType('What is the false positive rate of the detector?')).toBe('quantity');
    // A measure word that opens another word asks no quantity.
    expect(questionType('What rate-limiting step controls glycolysis?')).toBe('open');
    expect(questionType('What is the main axis along which LLMs differ?')).toBe('open');
  });

  it('does not read a verb or an auxiliary before a measure word as part of the measure', () => {
    expect(questionType('What does throughput depend on?')).toBe('open');
    expect(questionType('What drives latency in LLM serving?')).toBe('open');
    expect(questionType('What caused the latency spikes?')).toBe('open');
    expect(questionType('What error rate is reported?')).toBe('quantity');
  });

  it('reads the noun a "which" question asks for, and none after a bare "what"', () => {
    expect(askedKindWord('Which optimizer is best for training diffusion models?')).toBe('optimizer');
    expect(askedKindWord('Which of the datasets is largest?')).toBe('datasets');
    expect(askedKindWord('What kind of kernels does Litespark use?')).toBe('kernels');
    expect(askedKindWord('Batch scheduling: which scheduler wins?')).toBe('scheduler');
    expect(askedKindWord('For diffusion models, which optimizer is best?')).toBe('optimizer');
    expect(askedKindWord('Which two optimizers converge fastest?')).toBe('optimizers');
    expect(askedKindWord('What determines KV cache efficiency?')).toBeNull();
    expect(askedKindWord('Which is better, A or B?')).toBeNull();
  });

  it('reads a bare name or topic with a question mark as asking what it is, not yes or no', () => {
    expect(questionType('Litespark?')).toBe('open');
    expect(questionType('Attention sinks?')).toBe('open');
    expect(questionType('Aspirin for stroke prevention?')).toBe('yes_no');
  });

  it('recognises a sentence carrying a quantity with its unit, a date, a name or a finding', () => {
    expect(answerShape('quantity', 'The model was trained on roughly 1,000 hours of audio.')).toBe(1);
    expect(answerShape('quantity', 'The model reads text and speech.')).toBe(0);
    expect(answerShape('time', 'It was licensed in 1998.')).toBe(1);
    expect(answerShape('yes_no', 'Aspirin did not reduce the risk of stroke.')).toBe(1);
    expect(answerShape('yes_no', 'We recruited adults from three clinics.')).toBe(0);
  });

  it("reads a contracted negation as a finding's direction, as the written-out one", () => {
    expect(answerShape('yes_no', "Treatment didn't clear the virus in most patients.")).toBe(1);
    expect(answerShape('yes_no', 'Treatment wasn’t followed by a relapse.')).toBe(1);
  });

  it('tells a question asking how its parts bear on each other from two questions joined or a list of things', () => {
    for (const question of [
      'Does speculative decoding increase hallucination in summarization?',
      'How does speculative decoding affect hallucination in summarization?',
      'What is the effect of speculative decoding on hallucination in summaries?',
      'Does speculative decoding change hallucination in summarization, and how?',
      'How is speculative decoding related to hallucination in summaries?',
      'Why does speculative decoding lead to hallucination in summaries?',
      'What lowers hallucination in summaries?',
      'Does Feather improve KV cache compression?',
      'How does Feather improve KV cache compression?',
      'Which methods improved KV cache compression?',
    ])
      expect(asksOneRelation(question), question).toBe(true);
    for (const question of [
      'What is speculative decoding, and what is abstractive summarization?',
      'What is speculative decoding and how often do summaries hallucinate?',
      'What is speculative decoding? How often do summaries hallucinate?',
      'Does speculative decoding work; which models use it?',
      'What are speculative decoding and abstractive summarization?',
    ])
      expect(asksOneRelation(question), question).toBe(false);
  });

  it('reads relation words whole, not words that only start alike', () => {
    for (const question of [
      'What is the most effective method for KV cache compression?',
      'Which papers discuss related work on KV cache compression?',
      'What improvements does Feather propose?',
      'Who are the leading labs in KV cache compression?',
      'List methods for lower-precision inference',
    ])
      expect(asksOneRelation(question), question).toBe(false);
  });
});
