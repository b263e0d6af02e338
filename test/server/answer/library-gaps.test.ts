import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../../indexer/index.ts';
import type { PaperInput } from '../../../indexer/paper.schema.ts';
import { zAskRequest } from '../../../server/answer/answer.schema.ts';
import { answerQuestion } from '../../../server/answer/answer.service.ts';
import { sampleIndex } from '../../support/sample-index.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

// A small machine-learning library written for these tests: no paper says "knowledge" or "base",
// "climate", "tax", "English", "Gaussian" or "Kalman", or names "Fooformer"; one paper is on speculative decoding, another on hallucination in
// summaries, and a third on both.
const paper = (id: string, title: string, abstract: string): PaperInput => ({
  id,
  title,
  authors: ['A. Author'],
  year: 2025,
  abstract,
});

const PAPERS: PaperInput[] = [
  paper(
    'leak-probe',
    'LeakProbe: data leakage threats of RAG systems',
    'LeakProbe measures how retrieval-augmented generation (RAG) systems leak the private documents they retrieve. Crafted prompts made RAG systems repeat retrieved passages verbatim in 41% of trials. Models that follow instructions more faithfully leak more.',
  ),
  paper(
    'speculative-decoding',
    'Faster speculative decoding with small draft models',
    'Speculative decoding drafts several tokens with a small model and verifies them with the large model in one pass. On code and chat benchmarks it tripled generation speed. Acceptance rates fell for long drafts.',
  ),
  paper(
    'summary-hallucination',
    'How often abstractive summarization hallucinates',
    'Abstractive summarization models invent facts that their source lacks. Annotators found hallucination in 30% of news summaries. Larger models hallucinated less often in summarization.',
  ),
  paper(
    'speech-recognition',
    'Speech recognition errors in noisy clinics',
    'Speech recognition errors doubled in noisy clinics compared with quiet offices. A noise-robust acoustic model halved the errors. Accents still raised the word error rate.',
  ),
  paper(
    'moe-routing',
    'Routing in mixture-of-experts language models',
    'Mixture-of-experts language models route each token to a few expert networks. Load-balancing losses keep experts equally used during training. Sparse routing lowers the compute per token at equal quality.',
  ),
  paper(
    'protein-folding',
    'Protein structure prediction from single sequences',
    'A single-sequence model predicts protein structure without alignments. Accuracy approached alignment-based methods on small proteins. Orphan proteins gained the most.',
  ),
  paper(
    'image-segmentation',
    'Promptable image segmentation at scale',
    'A promptable model segments any object from a point or a box. It was trained on a billion masks. Medical images remained hard.',
  ),
];

const DRAFT_HALLUCINATION = paper(
  'drafts-and-hallucination',
  'Does speculative decoding change hallucination in summarization?',
  'We measured hallucination in summarization with and without speculative decoding. Speculative decoding left the hallucination rate of news summaries unchanged at 30%. Verification by the large model kept the output distribution the same.',
);

let library: FixtureIndex;
let connected: FixtureIndex;
beforeAll(async () => {
  [library, connected] = await Promise.all([
    buildFixtureIndex(PAPERS),
    buildFixtureIndex([...PAPERS, DRAFT_HALLUCINATION]),
  ]);
});
afterAll(() => {
  library.close();
  connected.close();
});

const ask = (index: FixtureIndex, question: string) =>
  answerQuestion(index.reader, zAskRequest.parse({ question, generate: false }));
const citedPapers = (response: Awaited<ReturnType<typeof ask>>) => [
  ...new Set(response.answer.sentences.flatMap((s) => s.citations.map((c) => c.paperId))),
];

describe('library-gaps', () => {
  it('answers a question whose English phrase no paper uses ("knowledge base") from the paper that holds the rest, saying it leaves the phrase aside', async () => {
    const response = await ask(library, 'Do RAG systems leak their knowledge base?');
    expect(response.abstained, response.reason).toBe(false);
    expect(citedPapers(response)).toEqual(['leak-probe']);
    expect(response.notice).toMatch(/No paper in the library uses "knowledge base": the answer is about the rest/);
    expect(response.bottomLine).toBeUndefined();
  });

  it('abstains on a bare phrase no paper uses ending the question ("leak knowledge base"), which only a possessive makes a part', async () => {
    for (const question of [
      'Do RAG systems leak knowledge base?',
      'Do RAG systems leak tax fraud?',
      'Does speech recognition worsen climate change?',
      'How does speculative decoding affect climate change?',
    ]) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: cites ${citedPapers(response).join(', ')}`).toBe(true);
      expect(response.reason, question).toMatch(/occurs in none of its papers/);
      expect(response.notice, question).toBeUndefined();
    }
  });

  it('abstains when its subject or object is a phrase no paper uses, however little it weighs beside the rest', async () => {
    for (const [question, phrase] of [
      ['Do electric cars raise the word error rate of speech recognition?', 'electric cars'],
      ['Does the electric car raise the word error rate of speech recognition?', 'electric car'],
    ] as const) {
      const response = await ask(library, question);
      expect(response.abstained, question).toBe(true);
      expect(response.reason, question).toBe(
        `The library holds no answer: no paper in it uses "${phrase}", which the question asks about.`,
      );
    }
    // A phrase a preposition ties to the question's subject counts word by word, as before.
    const accents = await ask(
      library,
      'Do accents of English speakers raise the word error rate in speech recognition?',
    );
    expect(accents.abstained, accents.reason).toBe(false);
  });

  it('counts one by one the words of a phrase no paper uses that stands neither as a part nor as the subject or object, and answers from the paper that holds the rest', async () => {
    for (const [question, source] of [
      [
        'Do mixture-of-experts language models route each token to a few expert networks, keeping compute per token low even at huge scale?',
        'moe-routing',
      ],
      [
        'Can promptable segmentation models segment medical images from a single click quite well?',
        'image-segmentation',
      ],
    ] as const) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
      expect(citedPapers(response)[0], question).toBe(source);
    }
  });

  it('reads a degree word or an adverb of manner as no part of a phrase no paper uses, and answers from the paper that holds the rest', async () => {
    for (const [question, source] of [
      ['Can promptable segmentation models segment medical images with a click quite well?', 'image-segmentation'],
      ['Can it segment medical images with a click quite well?', 'image-segmentation'],
      ['Can promptable segmentation models segment medical images with a click reliably?', 'image-segmentation'],
      ['Does an extremely fast draft model speed up speculative decoding?', 'speculative-decoding'],
    ] as const) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
      expect(citedPapers(response)[0], question).toBe(source);
    }
  });

  it('abstains naming one word no paper uses that heads the question\'s subject, after its opening auxiliary with or without "not"', async () => {
    for (const [question, word] of [
      ['Do whales raise the word error rate of speech recognition?', 'whales'],
      ['Does the scooter raise the word error rate of speech recognition?', 'scooter'],
      ["Doesn't the scooter raise the word error rate of speech recognition?", 'scooter'],
      ['Doesnt the scooter raise the word error rate of speech recognition?', 'scooter'],
      ["Can't whales raise the word error rate of speech recognition?", 'whales'],
    ] as const) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: cites ${citedPapers(response).join(', ')}`).toBe(true);
      expect(response.reason, question).toBe(
        `The library holds no answer: no paper in it mentions "${word}", which the question asks about.`,
      );
    }
    // Not a word that qualifies a word the papers use, a means ("with a click") nor a set phrase ("in practice").
    for (const [question, source] of [
      ['Does the rapid model route each token to a few expert networks?', 'moe-routing'],
      ['Can it segment medical images with a click?', 'image-segmentation'],
      ['Do mixture-of-experts models work in practice?', 'moe-routing'],
    ] as const) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
      expect(citedPapers(response)[0], question).toBe(source);
    }
  });

  it('answers a question whose last word no paper uses ("…work in hospitals?") from the paper that holds the rest, saying it leaves the word aside', async () => {
    for (const [question, word, source] of [
      ['Does summarization hallucinate for newspapers?', 'newspapers', 'summary-hallucination'],
      ['Does speech recognition work in hospitals?', 'hospitals', 'speech-recognition'],
      ['Does speech recognition work for doctors?', 'doctors', 'speech-recognition'],
      ['Do accents raise errors for dictation?', 'dictation', 'speech-recognition'],
      ['Does speech recognition work for whales?', 'whales', 'speech-recognition'],
      ['Does speculative decoding triple generation speed for poetry?', 'poetry', 'speculative-decoding'],
    ] as const) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
      expect(citedPapers(response)[0], question).toBe(source);
      expect(response.notice, question).toBe(
        `No paper in the library uses "${word}": the answer is about the rest of the question, and draws no conclusion about it.`,
      );
      expect(response.bottomLine, question).toBeUndefined();
    }
  });

  it('answers questions of the sample library whose last word its papers put in other words, saying it leaves the word aside', async () => {
    const reader = await openIndex(await sampleIndex(), { offline: true });
    try {
      for (const [question, word, source] of [
        ['Does RecGPT-Mobile run on phones?', 'phones', 'recgpt-mobile'],
        ['Does GlazyBench contain images of pottery?', 'pottery', 'glazybench'],
        ['Does Memory Inception work in dialogue?', 'dialogue', 'memory-inception-kv-steering'],
        ['Does Litespark run on laptops?', 'laptops', 'litespark-ternary-cpu-inference'],
        ['Does RAG leak data to attackers?', 'attackers', 'leakdojo-rag-leakage'],
        ['Does BenCSSmark cover tasks in economics?', 'economics', 'bencssmark'],
      ] as const) {
        const response = await answerQuestion(reader, zAskRequest.parse({ question, generate: false }));
        expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
        expect(citedPapers(response)[0], question).toBe(source);
        expect(response.notice, question).toMatch(
          new RegExp(`^No paper in the library uses "${word}": the answer is about the rest`),
        );
      }
    } finally {
      reader.close();
    }
  });

  it('reads a last word by the verb its papers write ("normalization" by "normalising"), leaving nothing aside', async () => {
    const reader = await openIndex(await sampleIndex(), { offline: true });
    try {
      const question = 'Does the sink paper suggest changes to normalization?';
      const response = await answerQuestion(reader, zAskRequest.parse({ question, generate: false }));
      expect(response.abstained, response.reason).toBe(false);
      expect(citedPapers(response)[0]).toBe('attention-sink-structural-origin');
      expect(response.notice ?? '').not.toMatch(/No paper in the library uses/u);
    } finally {
      reader.close();
    }
  });

  it('answers questions of the sample library whose words no paper uses stand after a noun, a verb or "that"', async () => {
    const reader = await openIndex(await sampleIndex(), { offline: true });
    try {
      for (const [question, source] of [
        [
          'Does Litespark run ternary neural networks on consumer CPUs fast enough for everyday use?',
          'litespark-ternary-cpu-inference',
        ],
        [
          'Does pretraining a mixture of experts language model give emergent modularity that survives heavy finetuning?',
          'emo-mixture-of-experts',
        ],
        [
          'Do ternary neural networks on consumer CPUs with SIMD kernels beat llama.cpp?',
          'litespark-ternary-cpu-inference',
        ],
      ] as const) {
        const response = await answerQuestion(reader, zAskRequest.parse({ question, generate: false }));
        expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
        expect(citedPapers(response)[0], question).toBe(source);
      }
    } finally {
      reader.close();
    }
  });

  it('abstains when an English phrase no paper uses is a thing of its own the question asks about, its cause or its object', async () => {
    for (const question of [
      'How does climate change affect speech recognition?',
      'Does global warming affect speech recognition?',
      'Do RAG systems leak tax returns?',
    ]) {
      const response = await ask(library, question);
      expect(response.abstained, question).toBe(true);
      expect(response.reason, question).toMatch(/occurs in none of its papers/);
    }
  });

  it('reads a capitalised word that a dictionary knows as a word, not as a name no paper uses', async () => {
    for (const question of [
      'Do accents of English speakers raise the word error rate in speech recognition?',
      'Does Gaussian noise raise the word error rate of speech recognition?',
      'Do Bayesian acoustic models halve speech recognition errors in noisy clinics?',
    ]) {
      const response = await ask(library, question);
      expect(response.abstained, `${question}: ${response.reason}`).toBe(false);
      expect(citedPapers(response), question).toEqual(['speech-recognition']);
    }
  });

  it('abstains on a model name that WordNet lists only among people, gods or stars, or inside the name of one', async () => {
    for (const name of ['Gemini', 'Claude', 'Pythia', 'Minerva', 'Galactica']) {
      const response = await ask(library, `Does ${name} leak retrieved documents in RAG systems?`);
      expect(response.abstained, name).toBe(true);
      expect(response.reason, name).toMatch(new RegExp(`no paper in it mentions "${name}"`));
    }
  });

  it('reads a contraction before an English phrase no paper uses as no possessive, and abstains', async () => {
    for (const question of [
      "What's tax fraud doing to RAG systems leakage?",
      'What’s tax fraud doing to RAG systems leakage?',
    ]) {
      const response = await ask(library, question);
      expect(response.abstained, question).toBe(true);
      expect(response.notice, question).toBeUndefined();
    }
  });

  it('abstains on a capitalised name that no dictionary knows', async () => {
    const response = await ask(library, 'Does Kalman filtering halve speech recognition errors in noisy clinics?');
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/no paper in it mentions "Kalman"/);
  });

  it('abstains on the same question about a name no paper uses, capitalised or written as a name', async () => {
    for (const question of [
      'Do Fooformer systems leak their knowledge base?',
      'Does Fooformer leak the documents of RAG systems?',
      'Does FooFormer leak the documents of RAG systems?',
    ]) {
      const response = await ask(library, question);
      expect(response.abstained, question).toBe(true);
      expect(response.reason, question).toMatch(/"(?:Fooformer|FooFormer)"/);
    }
  });

  it('abstains when unknown English words the question writes apart carry most of it', async () => {
    const response = await ask(library, 'Do RAG systems leak knowledge, wisdom or gossip?');
    expect(response.abstained).toBe(true);
    expect(response.reason).toMatch(/"knowledge", "wisdom", "gossip"/);
  });

  it('answers a question joining two topics from the paper that holds both, with a bottom line', async () => {
    const response = await ask(connected, 'Does speculative decoding increase hallucination in summarization?');
    expect(response.abstained).toBe(false);
    expect(citedPapers(response)[0]).toBe('drafts-and-hallucination');
    expect(response.notice ?? '').not.toMatch(/connects/);
    expect(response.bottomLine).toBeDefined();
  });

  it('says plainly that no paper connects two topics that only different papers hold, and draws no bottom line', async () => {
    const response = await ask(library, 'Does speculative decoding increase hallucination in summarization?');
    expect(response.abstained).toBe(false);
    expect(new Set(citedPapers(response))).toEqual(new Set(['speculative-decoding', 'summary-hallucination']));
    expect(response.notice).toMatch(
      /No paper in the library connects "speculative", "decoding" with "hallucination", "summarization"/,
    );
    expect(response.bottomLine).toBeUndefined();
  });

  it('says the same of a question asking how one topic affects the other', async () => {
    const response = await ask(library, 'How does speculative decoding affect hallucination in summarization?');
    expect(response.notice).toMatch(/No paper in the library connects/);
  });

  it('says nothing of connections for a question that asks two things, or what two things are', async () => {
    for (const question of [
      'What is speculative decoding, and what is abstractive summarization?',
      'What is speculative decoding and how often do summaries hallucinate?',
      'What is speculative decoding? How often do summaries hallucinate?',
      'What are speculative decoding and abstractive summarization?',
    ]) {
      const response = await ask(library, question);
      expect(response.abstained, question).toBe(false);
      expect(new Set(citedPapers(response)), question).toEqual(
        new Set(['speculative-decoding', 'summary-hallucination']),
      );
      expect(response.notice ?? '', question).not.toMatch(/connects/);
    }
  });
});
