import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NumberedSource, numberSources } from '../../../server/answer/answer-sources.ts';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { selectSentences } from '../../../server/answer/select-sentences.ts';
import { SELECTION_DEFAULTS } from '../../../server/answer/selection-settings.ts';
import { statisticsOfIndex, statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { paperWith } from '../../support/paper.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

const sourcesOf = (...ids: string[]): NumberedSource[] =>
  numberSources(
    ids.flatMap((id) => {
      const paper = fixture.reader.getPaper(id)!.paper;
      return fixture.reader.passagesOfPaper(id).map((passage) => ({ passage, paper, score: 1 }));
    }),
  );
const select = (question: string, sources: NumberedSource[], options = {}) =>
  selectSentences(question, sources, statisticsOfIndex(fixture.reader), options);

/** A retrieved passage that is a whole one-passage paper, without a title. */
const retrieved = (id: string, text: string) => ({
  passage: { id: id.length, paperId: id, field: 'abstract' as const, ordinal: 0, start: 0, end: text.length, text },
  paper: paperWith({ id, title: '', abstract: text }),
  score: 1,
});

/** The same, with a title. */
const titled = (id: string, title: string, text: string) => {
  const source = retrieved(id, text);
  return { ...source, paper: { ...source.paper, title } };
};

describe('select-sentences', () => {
  it('picks the sentences that answer the question and orders them by source, then by position', () => {
    const { sentences, abstainReason } = select(
      'What explains faster glacier melt, and what slows it?',
      sourcesOf('glacier-melt'),
    );
    expect(abstainReason).toBeNull();
    // The best-matching sentence ("slows melt") comes second: answers keep the paper's order.
    expect(sentences.map((s) => s.text)).toEqual([
      'Alpine glaciers lost mass faster between 2000 and 2020 than in any earlier record.',
      'Debris cover slows melt on the lower tongues.',
    ]);
    expect(sentences[1]!.match).toBeGreaterThan(sentences[0]!.match);
    const starts = sentences.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('leaves out a sentence that repeats one already chosen', () => {
    const [source] = sourcesOf('caffeine-memory-trial');
    const passage = source!.passages[0]!;
    const repeated = 'Caffeine intake increased short-term memory recall by 12% compared with placebo.';
    const text = `${repeated} ${repeated.replace('increased', 'raised')}`;
    const doubled: NumberedSource = { ...source!, passages: [{ ...passage, text, end: passage.start + text.length }] };
    const { sentences } = select('What does caffeine do to short-term memory recall?', [doubled]);
    expect(sentences).toHaveLength(1);
  });

  it('cites at most the configured number of sources', () => {
    const { sentences } = select(
      'Caffeine memory attention glaciers?',
      sourcesOf('caffeine-memory-trial', 'attention-sinks', 'glacier-melt'),
      {
        maxSources: 2,
        minRelativeRelevance: 0,
      },
    );
    expect(new Set(sentences.map((s) => s.n)).size).toBeLessThanOrEqual(2);
  });

  it('abstains when the question is about words the library never uses', () => {
    const { abstainReason, sentences } = select('How do I bake sourdough bread?', sourcesOf('caffeine-history'));
    expect(sentences).toEqual([]);
    expect(abstainReason).toMatch(/"bake", "sourdough", "bread"/);
  });

  it('abstains when the question asks which kind of thing no paper mentions and the closest paper holds only part of the rest', () => {
    const { abstainReason, sentences, closest } = select(
      'Which stimulant is best for reaction time in adults?',
      sourcesOf('caffeine-memory-trial'),
    );
    expect(sentences).toEqual([]);
    expect(abstainReason).toBe(
      'The library holds no answer: the question asks which stimulant, and no paper in it mentions "stimulant".',
    );
    expect(closest.map((c) => c.paperId)).toEqual(['caffeine-memory-trial']);
    // A paper holding the rest of the question answers in its own words (caffeine is a stimulant),
    // and a kind the library mentions is looked for as before.
    for (const question of [
      'Which stimulant increased short-term memory recall in adults?',
      'Which intake increased memory recall in adults?',
    ])
      expect(select(question, sourcesOf('caffeine-memory-trial')).sentences, question).not.toEqual([]);
  });

  it('abstains when the question asks about a name no paper uses, however much else the closest paper shares', () => {
    const { abstainReason, sentences, closest } = select(
      'Does caffeine intake increase memory recall in ModaFinil users?',
      sourcesOf('caffeine-memory-trial'),
    );
    expect(sentences).toEqual([]);
    expect(abstainReason).toBe(
      'The library holds no answer: no paper in it mentions "ModaFinil", which the question asks about.',
    );
    expect(closest.map((c) => c.paperId)).toEqual(['caffeine-memory-trial']);
    // An abbreviation the question spells out, a short code and a question in capitals are read as before.
    for (const question of [
      'Does caffeine intake (CAFX) increase memory recall?',
      'Does caffeine intake increase short-term memory recall in V30M adults?',
      'DOES CAFFEINE INTAKE INCREASE MEMORY RECALL IN MODAFINIL USERS?',
    ])
      expect(select(question, sourcesOf('caffeine-memory-trial')).abstainReason ?? '', question).not.toMatch(
        /mentions/,
      );
  });

  it('abstains when the retrieved passages share nothing with the question, naming what they lack and no paper as close', () => {
    const { abstainReason, closest } = select('What does caffeine do to memory recall?', sourcesOf('wing-loads'));
    expect(abstainReason).toMatch(
      /no paper it found holds any of what the question asks about \("caffeine", "recall", "memory"\)/,
    );
    expect(closest).toEqual([]);
  });

  it('abstains when there is nothing to look for or nothing retrieved', () => {
    expect(select('What is it?', sourcesOf('glacier-melt')).abstainReason).toMatch(/no words to look for/);
    expect(select('Why do glaciers melt?', []).abstainReason).toMatch(/No passage/);
  });
});

describe('select-sentences: the first retrieved source', () => {
  // A paper worded differently from the question ("correlated with", no "context") ranked first by
  // retrieval, and a commentary that repeats the question's words.
  const FIRST =
    'Area deprivation was strongly correlated with all-cause mortality in every region of Scotland. The relation did not vary between the West and the rest of the country.';
  const SECOND =
    'Whether social context matters for how deprivation relates to mortality was debated in a commentary on ethnic health gaps. Context matters for health policy.';
  const statistics = statisticsOfTexts([
    FIRST,
    SECOND,
    'Influenza vaccination in older adults.',
    'Hip fracture outcomes after surgery.',
    'Smoking cessation in pregnancy.',
    'Mortality after cardiac surgery.',
  ]);
  const sources = numberSources([retrieved('first', FIRST), retrieved('second', SECOND)]);
  const question = 'Does context matter for the relationship between deprivation and all-cause mortality?';

  it('is quoted when it holds 0.6 of the best source’s key concepts, where other sources need 0.8', () => {
    const { sentences } = selectSentences(question, sources, statistics);
    expect(sentences[0]).toMatchObject({
      paperId: 'first',
      text: 'Area deprivation was strongly correlated with all-cause mortality in every region of Scotland.',
    });
    const strict = selectSentences(question, sources, statistics, { minRelativeFirstSourceCoverage: 0.8 });
    expect(strict.sentences.map((s) => s.paperId)).not.toContain('first');
  });

  it('keeps its best sentence even when another source’s sentences match the question’s words far better', () => {
    // The first paper's words for the question are in its aim, which is no answer; its findings share few words.
    const survey =
      'The aim was to assess Internet use by young people and whether it could improve sexual health awareness. All 287 students had Internet access at school. No one went online for health information.';
    const campaigns =
      'Campaigns to improve sexual health awareness among young people on the Internet have grown. Awareness of sexual health among young people improved after school campaigns.';
    const library = statisticsOfTexts([
      survey,
      campaigns,
      'Influenza vaccination in older adults.',
      'Hip fracture outcomes.',
    ]);
    const { sentences } = selectSentences(
      'Can the Internet be used to improve sexual health awareness in young people?',
      numberSources([retrieved('survey', survey), retrieved('campaigns', campaigns)]),
      library,
    );
    expect(sentences.map((s) => s.paperId)).toEqual(['survey', 'campaigns']);
    expect(sentences[0]!.match).toBeLessThan(0.55 * sentences[1]!.match);
  });
});

describe('select-sentences: a library written all in lower case', () => {
  it('quotes its sentences (old collections such as Cranfield are caseless) rather than abstaining', () => {
    const abstract =
      'experimental investigation of the aerodynamics of a wing in a slipstream . the spanwise distribution of lift increased with the propeller thrust coefficient .';
    const library = statisticsOfTexts([
      abstract,
      'boundary layer transition on a flat plate .',
      'heat transfer in hypersonic flow .',
    ]);
    const { sentences, abstainReason } = selectSentences(
      'how does a propeller slipstream change the spanwise distribution of lift on a wing ?',
      numberSources([
        {
          passage: {
            id: 1,
            paperId: 'cran-1',
            field: 'abstract',
            ordinal: 0,
            start: 0,
            end: abstract.length,
            text: abstract,
          },
          paper: paperWith({ id: 'cran-1', title: '', abstract }),
          score: 1,
        },
      ]),
      library,
    );
    expect(abstainReason).toBeNull();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((s) => s.paperId === 'cran-1')).toBe(true);
  });
});

describe('select-sentences: a long question', () => {
  // A question of 22 key concepts, several asked in passing ("beyond", "anyone"), against a
  // library where the paper on titles answers its core.
  const TITLES =
    'Titles that describe an article well are the ones its readers search for. Searching titles alone retrieved about half of the relevant articles, and descriptive titles retrieved more of them than short ones.';
  const CATALOGUES =
    'Library catalogues in small towns were counted in a national survey. Most lent fewer books each year.';
  const library = statisticsOfTexts([
    TITLES,
    CATALOGUES,
    'Citation indexes link papers by their references.',
    'Users of online catalogues often misspell authors names.',
    'Indexers and librarians raised concerns about problems that arise when a collection grows quickly.',
    'Readers browse shelves by hand and decide what to borrow.',
    'Writing informative abstracts takes time.',
    'How readers judge relevance varies.',
    'Shock waves interact with the boundary layer of a swept wing at supersonic speeds; suction through a porous surface delays separation, reduces drag and keeps the flow attached as the angle of attack grows.',
  ]);
  const sources = numberSources([retrieved('titles', TITLES), retrieved('catalogues', CATALOGUES)]);
  const LONG =
    'What problems and concerns arise in writing descriptive titles for articles? How well can articles be retrieved by searching their titles alone, and do informative titles help readers, indexers and librarians decide relevance quickly when a collection grows beyond what anyone can browse by hand?';

  it('is answered from the paper that holds its core, though that paper holds less of it than a short question needs', () => {
    const { sentences, abstainReason, conceptCount, conceptCoverage } = selectSentences(LONG, sources, library);
    expect(conceptCount).toBeGreaterThan(20);
    expect(conceptCoverage).toBeLessThan(SELECTION_DEFAULTS.minConceptCoverage);
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.paperId)).toEqual(['titles', 'titles']);
    // A fixed share, whatever the length, refused it.
    const fixed = selectSentences(LONG, sources, library, { coverageLengthPivot: Number.POSITIVE_INFINITY });
    expect(fixed.abstainReason).toMatch(/it holds 26% of the question's key concepts, and 35% is needed\.$/);
  });

  it('still abstains on a long question that the retrieved papers do not address, saying what a question of its length needs', () => {
    const { abstainReason } = selectSentences(
      'How do shock waves interact with the boundary layer on a swept wing at supersonic speeds, and does suction through a porous surface delay separation, reduce drag and keep the flow attached when the angle of attack grows beyond what the titles of articles describe?',
      sources,
      library,
    );
    expect(abstainReason).toMatch(/and \d+% is needed for a question of \d+ key concepts\.$/);
  });
});

describe('select-sentences: a paper that calls itself "it"', () => {
  const COGCAPTCHA =
    'COGCAPTCHA30 is a suite of 30 cognitive tasks meant to distinguish humans from AI systems. It characterises how each task is solved through 129 features measured at the process level rather than only scoring outcomes.';
  const OTHER = 'Reading speed differs between children and adults in every task we measured.';
  const library = statisticsOfTexts([COGCAPTCHA, OTHER, 'Glaze recipes vary by kiln.', 'Kilns fire at high heat.']);

  it('quotes the sentence that answers, with the paper named in brackets where it says "It"', () => {
    const sources = numberSources([titled('cog', 'COGCAPTCHA30', COGCAPTCHA), titled('reading', 'Reading', OTHER)]);
    const { sentences, abstainReason } = selectSentences(
      'What does COGCAPTCHA30 measure besides outcomes?',
      sources,
      library,
    );
    expect(abstainReason).toBeNull();
    const answer = sentences.find((s) => s.wording.includes('129 features'));
    expect(answer?.wording).toBe(
      '[COGCAPTCHA30] characterises how each task is solved through 129 features measured at the process level rather than only scoring outcomes.',
    );
    // The citation still points at the paper's own words.
    expect(COGCAPTCHA.slice(answer!.start, answer!.end)).toBe(answer!.text);
    expect(answer!.text.startsWith('It characterises')).toBe(true);
  });
});

describe('select-sentences: a question about a paper by its name', () => {
  const NEWTRAL =
    'NeWTral aligns LoRA adapters after they have been trained. The code has not been explicitly made available.';
  const PRECODING =
    'AgenticPrecoding coordinates several agents to optimise precoding for wireless links. No code release is indicated.';
  const library = statisticsOfTexts([NEWTRAL, PRECODING, 'Kilns fire glazes at high heat.', 'Ships carry grain.']);
  const sources = () =>
    numberSources([
      titled('precoding', 'AgenticPrecoding', PRECODING),
      titled('newtral', 'Neural Weight Translation (NeWTral)', NEWTRAL),
    ]);

  it('quotes only papers that name it, however much else another shares with the question', () => {
    const { sentences } = selectSentences('Is code available for AgenticPrecoding?', sources(), library);
    expect(new Set(sentences.map((s) => s.paperId))).toEqual(new Set(['precoding']));
  });

  it('ranks the sentence that answers above one that only names the paper its title names', () => {
    const { sentences } = selectSentences('Is code available for AgenticPrecoding?', sources(), library, {
      maxSentences: 1,
    });
    expect(sentences.map((s) => s.text)).toEqual(['No code release is indicated.']);
  });
});

describe('select-sentences: a question that names two papers', () => {
  const EMO =
    'EMO is a mixture-of-experts model pretrained so that modular structure emerges. A deployment can run a chosen subset of experts.';
  const SOFTSAE =
    'SoftSAE is a sparse autoencoder that picks its top-K features dynamically. It is evaluated on FineWeb.';
  const TEXTS = [EMO, SOFTSAE, 'Kilns fire glazes at high heat.', 'Ships carry grain.'];
  const library = statisticsOfTexts(TEXTS);

  it('answers from each, each for its own name, rather than abstaining because neither holds both', () => {
    const sources = numberSources([
      titled('softsae', 'SoftSAE', SOFTSAE),
      titled('emo', 'EMO: Pretraining Mixture of Experts for Emergent Modularity', EMO),
    ]);
    for (const question of ['Compare EMO and SoftSAE', 'What is the difference between EMO and SoftSAE?']) {
      const { sentences, abstainReason } = selectSentences(question, sources, library);
      expect(abstainReason, question).toBeNull();
      expect(new Set(sentences.map((s) => s.paperId)), question).toEqual(new Set(['softsae', 'emo']));
    }
  });

  it('takes the one-word name a paper calls itself by for a name, though written without an inner capital', () => {
    const LITESPARK =
      'Litespark runs ternary networks on consumer CPUs. Exploiting ternary weights, it delivers 14x lower memory use.';
    const EMO_MEMORY =
      'EMO is a mixture-of-experts model whose modular structure emerges in pretraining. Its modular deployment saves memory.';
    const sources = numberSources([
      titled('emo', 'EMO: Pretraining Mixture of Experts for Emergent Modularity', EMO_MEMORY),
      titled('litespark', 'Litespark Inference on Consumer CPUs', LITESPARK),
    ]);
    const { sentences } = selectSentences(
      'What is the difference in memory use between EMO and Litespark?',
      sources,
      statisticsOfTexts([...TEXTS, LITESPARK, EMO_MEMORY]),
    );
    expect(new Set(sentences.map((s) => s.paperId))).toEqual(new Set(['emo', 'litespark']));
  });

  it('never answers from a paper that names neither, however fully it holds the rest of the question', () => {
    const LEAKS =
      'LeakDojo studies leakage in RAG systems. The better a model follows instructions, the more it leaks.';
    const sources = numberSources([
      titled('leakdojo', 'LeakDojo', LEAKS),
      titled('softsae', 'SoftSAE', SOFTSAE),
      titled('emo', 'EMO: Pretraining Mixture of Experts for Emergent Modularity', EMO),
    ]);
    const { sentences } = selectSentences('Is EMO better than SoftSAE?', sources, statisticsOfTexts([...TEXTS, LEAKS]));
    expect(sentences.map((s) => s.paperId)).not.toContain('leakdojo');
    expect(new Set(sentences.map((s) => s.paperId))).toEqual(new Set(['softsae', 'emo']));
  });
});

describe('select-sentences: sentences that do not address the question', () => {
  const PACZERO =
    'PACZero provides zeroth-order mechanisms with PAC privacy for fine-tuning language models. The mechanisms are evaluated on SST-2 and on SQuAD.';
  const COPI =
    'Lipid droplets are storage organelles required for energy homeostasis and biosynthesis. We found that COPI components regulate the protein composition at the lipid droplet surface. These data indicate that the COPI complex is a conserved regulator of lipid homeostasis.';
  const OTHERS = [
    'Kilns fire glazes at high heat.',
    'Ships carry grain across the sea.',
    'Two public datasets were used.',
    'Lipid levels rise with age.',
    'Glucose homeostasis depends on insulin.',
    'Lipid storage and energy homeostasis vary between tissues.',
  ];

  it('leaves out a sentence that only names the paper when another of its sentences holds what else the question asks', () => {
    const sources = numberSources([titled('paczero', 'PACZero', PACZERO)]);
    const { sentences } = selectSentences(
      'What datasets is PACZero evaluated on?',
      sources,
      statisticsOfTexts([PACZERO, ...OTHERS]),
    );
    expect(sentences.map((s) => s.wording)).toEqual(['The mechanisms are evaluated on SST-2 and on SQuAD.']);
  });

  it('does not count a name in the title of a paper that does not open with it as held by every sentence', () => {
    const sources = numberSources([titled('copi', 'The COPI complex regulates lipid storage', COPI)]);
    const { sentences } = selectSentences(
      'Is COPI involved in lipid homeostasis?',
      sources,
      statisticsOfTexts([COPI, ...OTHERS]),
    );
    expect(sentences.length).toBeGreaterThan(0);
    expect(
      sentences.every((s) => s.wording.includes('COPI')),
      sentences.map((s) => s.wording).join(' | '),
    ).toBe(true);
  });

  it('quotes a sentence opening with a connective that points back from after it, citing the whole sentence', () => {
    const EMO =
      'EMO is a mixture-of-experts model whose pretraining lets modular structure emerge. As a result, a deployment can run only a chosen subset of experts with little loss.';
    const sources = numberSources([titled('emo', 'EMO', EMO)]);
    const { sentences } = selectSentences(
      'Can a deployment run only a subset of experts?',
      sources,
      statisticsOfTexts([EMO, ...OTHERS]),
    );
    const quoted = sentences.find((s) => s.wording.includes('deployment'));
    expect(quoted?.wording).toBe('A deployment can run only a chosen subset of experts with little loss.');
    expect(EMO.slice(quoted!.start, quoted!.end)).toMatch(/^As a result, a deployment/u);
  });
});

// Abstracts of the sample library (data/papers.jsonl), as its papers give them.
const SAMPLE = {
  feather: [
    'Feather: Batch Size vs. Prefix Homogeneity in LLM Inference',
    'Asks what really determines how efficiently LLM serving uses its KV cache, and shows that how many requests share a common prefix matters, not only how large the batch is. Based on this, Feather introduces a scheduler that groups work with prefixes in mind. Throughput rises by 2-10x with this prefix-aware scheduling.',
  ],
  rangeguard: [
    'RangeGuard',
    'RangeGuard is an error-correcting code (ECC) scheme for DNNs and LLMs built around model metadata. With only 16 parity bits it can tolerate 64 or more bit errors.',
  ],
  litespark: [
    'Litespark Inference on Consumer CPUs: Custom SIMD Kernels for Ternary Neural Networks',
    'Litespark runs ternary neural networks on everyday consumer CPUs through purpose-built SIMD kernels. Exploiting the structure of ternary weights, it delivers 52x higher throughput and 14x lower memory use for BitNet. This brings LLM inference within reach of consumer-grade devices.',
  ],
  cogcaptcha: [
    'COGCAPTCHA30',
    'COGCAPTCHA30 is a suite of 30 cognitive tasks meant to distinguish humans from AI systems. It characterises how each task is solved through 129 features measured at the process level rather than only scoring outcomes.',
  ],
  uedpo: [
    'UE-DPO',
    'UE-DPO makes Direct Preference Optimization (DPO) uncertainty-aware in order to curb hallucinations in multimodal LLMs. It estimates epistemic uncertainty for each token and uses that signal during preference optimization.',
  ],
  softsae: [
    'SoftSAE',
    'SoftSAE is a sparse autoencoder (SAE) that picks its top-K active features dynamically instead of using a fixed K. It is evaluated with SAE Bench and on the FineWeb dataset.',
  ],
  textpro: [
    'TextPro-SLM',
    'TextPro-SLM is a speech LLM that shrinks the modality gap by intervening on the input side. It builds on WhisperPro and draws on roughly 1,000 hours of recorded audio.',
  ],
  glazybench: [
    'GlazyBench',
    'GlazyBench is described as the first benchmark for AI-assisted design of ceramic glazes. It contains 23,148 glaze formulations and 4,047 images, with data taken from the Glazy platform (glazy.org).',
  ],
  popo: [
    'POPO (Positive-Only Policy Optimization)',
    'POPO is a reinforcement-learning framework for mathematical reasoning whose policy optimization, as the name says, is positive-only. The authors evaluate it on the DeepScaleR-Preview-Dataset and on the MATH-500, AIME and OlympiadBench benchmarks.',
  ],
  paczero: [
    'PACZero',
    'PACZero provides zeroth-order (ZO) mechanisms with PAC privacy for fine-tuning LLMs. The mechanisms are evaluated on SST-2 and on SQuAD.',
  ],
  emo: [
    'EMO: Pretraining Mixture of Experts for Emergent Modularity',
    'EMO is a Mixture of Experts (MoE) language model whose pretraining is designed so that modular structure emerges among the experts. As a result, a deployment can load and run only a chosen subset of experts while losing very little performance. That property allows memory-efficient, modular deployment tailored to many different applications.',
  ],
  memory: [
    'Memory Inception: Latent-Space KV Cache Manipulation for Steering LLMs',
    'Memory Inception steers a language model without any training by editing its KV cache in latent space. Banks of latent keys and values, conditioned on text, are inserted into a chosen subset of attention layers. The method needs considerably less memory than alternatives, lets the model change its behaviour part-way through a conversation, and can provide structured guidance for reasoning.',
  ],
  leakdojo: [
    'LeakDojo: Decoding the Leakage Threats of RAG Systems',
    'LeakDojo analyses the data-leakage threats that retrieval-augmented generation (RAG) systems face. It exposes a tension between being faithful to retrieved content and staying secure: the better a model follows instructions, the more it tends to leak. Improving faithfulness in RAG can therefore come at the price of higher leakage risk.',
  ],
  aspirin: [
    'Daily aspirin and colorectal cancer incidence in older adults',
    'Aspirin does not reduce all-cause mortality in healthy older adults. Whether it prevents colorectal cancer in this group is debated. In a cohort of 12,400 adults followed for 8 years, daily aspirin reduced colorectal cancer incidence by 24% (HR 0.76, 95% CI 0.65-0.89).',
  ],
} as const;
const OTHER_TEXTS = [
  'Kilns fire glazes at high heat.',
  'Ships carry grain across the sea.',
  'Translation tools support many languages.',
  'Crews train at sea.',
  'Pilots train in simulators.',
  'Teams train on weekends.',
];
const sampleStatistics = statisticsOfTexts([...Object.values(SAMPLE).map(([t, a]) => `${t}\n${a}`), ...OTHER_TEXTS]);
const sampleConcepts = conceptStatisticsOfTexts([
  ...Object.values(SAMPLE).map(([t, a]) => `${t}\n${a}`),
  ...OTHER_TEXTS,
]);
/** The sample papers named, in retrieval order. */
const sampleSources = (...keys: Array<keyof typeof SAMPLE>) =>
  numberSources(keys.map((key) => titled(key, SAMPLE[key][0], SAMPLE[key][1])));
const selectSample = (question: string, ...keys: Array<keyof typeof SAMPLE>) =>
  selectSentences(question, sampleSources(...keys), sampleStatistics, {}, sampleConcepts);

describe('select-sentences: a question that names a paper another paper holds more of', () => {
  it('answers from the named paper, though another retrieved first holds more of the question', () => {
    const { sentences, abstainReason } = selectSample(
      'Is RangeGuard a scheduler for LLM serving?',
      'feather',
      'rangeguard',
    );
    expect(abstainReason).toBeNull();
    expect(new Set(sentences.map((s) => s.paperId))).toEqual(new Set(['rangeguard']));
  });

  it('never quotes a paper that does not name it for words it shares with the question', () => {
    const { sentences, abstainReason } = selectSample(
      'For what purpose was COGCAPTCHA30 built?',
      'litespark',
      'cogcaptcha',
    );
    expect(abstainReason).toBeNull();
    expect(new Set(sentences.map((s) => s.paperId))).toEqual(new Set(['cogcaptcha']));
    expect(sentences[0]!.wording).toMatch(/^COGCAPTCHA30 is a suite of 30 cognitive tasks/u);
  });

  it('abstains on a yes/no question the named paper says nothing of, naming the paper and what it lacks', () => {
    const { sentences, abstainReason } = selectSample('Does UE-DPO use a fixed K?', 'uedpo', 'softsae');
    expect(sentences).toEqual([]);
    expect(abstainReason).toBe(
      'The library holds no answer: the abstract of UE-DPO, which the question asks about, says nothing of what it asks ("fixed").',
    );
  });

  it('still answers a yes/no question asking what the named paper is from what it says it is', () => {
    const { sentences } = selectSample('Is RangeGuard a scheduler?', 'rangeguard', 'feather');
    expect(sentences.map((s) => s.paperId)).toEqual(['rangeguard']);
  });

  it('abstains when it asks which kind of thing, which no paper mentions, of the paper it names', () => {
    const { sentences, abstainReason } = selectSample('Which optimizer was used to train UE-DPO?', 'uedpo', 'softsae');
    expect(sentences).toEqual([]);
    expect(abstainReason).toBe(
      'The library holds no answer: the question asks which optimizer, and no paper in it mentions "optimizer".',
    );
  });
});

describe('select-sentences: a quantity question', () => {
  it('abstains when no sentence counts what it asks to count, naming it, rather than quoting another figure', () => {
    const { sentences, abstainReason } = selectSample(
      'How many languages does TextPro-SLM support?',
      'textpro',
      'glazybench',
    );
    expect(sentences).toEqual([]);
    expect(abstainReason).toBe(
      'The library holds no answer: no sentence of the closest papers gives the number of "languages" the question asks for.',
    );
  });

  it('abstains when no sentence gives a figure for the measure it asks, though a sentence gives another', () => {
    const { sentences, abstainReason } = selectSample('What batch size does Feather use?', 'feather', 'rangeguard');
    expect(sentences).toEqual([]);
    expect(abstainReason).toBe(
      'The library holds no answer: no sentence of the closest papers gives a figure for "batch size", which the question asks for.',
    );
  });

  it('answers with the sentence that counts what it asks to count', () => {
    const { sentences, abstainReason } = selectSample(
      'How many glaze formulations does GlazyBench contain?',
      'glazybench',
    );
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.wording)).toEqual([
      '[GlazyBench] contains 23,148 glaze formulations and 4,047 images, with data taken from the Glazy platform (glazy.org).',
    ]);
  });
});

describe('select-sentences: a count given as a list or under another word', () => {
  it('quotes a sentence naming what is counted without a number before it, rather than abstaining', () => {
    const popo = selectSample('How many benchmarks is POPO evaluated on?', 'popo', 'softsae');
    expect(popo.abstainReason).toBeNull();
    expect(popo.sentences.map((s) => s.paperId)).toContain('popo');
    const emo = selectSample('How many experts does EMO load?', 'emo', 'softsae');
    expect(emo.abstainReason).toBeNull();
    expect(emo.sentences.map((s) => s.wording).join(' ')).toMatch(/a chosen subset of experts/u);
  });

  it('quotes a sentence holding the participle the question counts by ("evaluated on SST-2 and on SQuAD")', () => {
    const { sentences, abstainReason } = selectSample('How many datasets is PACZero evaluated on?', 'paczero');
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.wording).join(' ')).toMatch(/evaluated on SST-2 and on SQuAD/u);
  });

  it('counts people under any person noun ("participants" by "12,400 adults")', () => {
    const { sentences, abstainReason } = selectSample('How many participants were in the aspirin cohort?', 'aspirin');
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.wording)).toEqual([
      'In a cohort of 12,400 adults followed for 8 years, daily aspirin reduced colorectal cancer incidence by 24% (HR 0.76, 95% CI 0.65-0.89).',
    ]);
  });

  it('does not ask a count of the papers of the library from the papers themselves', () => {
    const { sentences, abstainReason } = selectSample('How many papers are there on RAG leakage?', 'leakdojo');
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.paperId)).toContain('leakdojo');
  });
});

describe('select-sentences: names that limit which papers answer', () => {
  it('answers from other papers than the one a question sets aside, and for a question asking which papers', () => {
    const { sentences, abstainReason } = selectSample(
      'Which papers other than RangeGuard are about LLM inference efficiency?',
      'rangeguard',
      'feather',
    );
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.paperId)).toContain('feather');
  });

  it('limits the answer to a paper named by its title’s head, an ordinary word', () => {
    const { sentences } = selectSample('Does Feather use ternary weights?', 'litespark', 'feather');
    expect(sentences.map((s) => s.paperId)).not.toContain('litespark');
  });

  it('limits the answer to a paper named by its title’s head of two words', () => {
    const { sentences } = selectSample('Does Memory Inception improve throughput?', 'memory', 'litespark');
    expect(sentences.map((s) => s.paperId)).not.toContain('litespark');
  });

  it('answers what a paper named by two words is from that paper, not from another holding more of the question', () => {
    const { sentences } = selectSample('Is Memory Inception a scheduler for LLM serving?', 'feather', 'memory');
    expect(sentences.map((s) => s.paperId)).not.toContain('feather');
  });

  it('quotes a sentence that leans on the one before together with it, and that one not again by itself', () => {
    const abstract =
      'Soot deposits darken the ice surface of alpine glaciers. This darkening can be offset by fresh summer snowfall. Melt rates were measured at twelve stakes.';
    const texts = [abstract, 'Caffeine raised memory recall.', 'Wing loads grew with speed.'];
    const { sentences, abstainReason } = selectSentences(
      'Can fresh summer snowfall offset the darkening of glacier ice by soot?',
      numberSources([retrieved('soot', abstract)]),
      statisticsOfTexts(texts),
      {},
      conceptStatisticsOfTexts(texts),
    );
    expect(abstainReason).toBeNull();
    expect(sentences.map((s) => s.wording)).toEqual([
      'Soot deposits darken the ice surface of alpine glaciers. This darkening can be offset by fresh summer snowfall.',
    ]);
  });
});
