// Two small libraries written for the answer tests: one of medical abstracts (with look-alikes of
// machine-learning words: transformational leadership, head injury, attention deficit) and one of
// machine-learning abstracts (a quantity to find, fragments, a quoted question, a dangling "It",
// a paper's own bracketed reference numbers, and papers for and against one yes/no claim).
import type { PaperInput } from '../../../indexer/paper.schema.ts';

export const MEDICAL_PAPERS: PaperInput[] = [
  {
    id: 'leadership-nursing',
    title: 'Transformational leadership and nurse retention',
    authors: ['Ada Moreno'],
    year: 2021,
    abstract:
      'Transformational leadership by ward managers was associated with higher nurse retention in 14 hospitals. Nurses who rated their heads of department as transformational reported less burnout. Retention rose by 9% over two years where managers received leadership training.',
  },
  {
    id: 'head-injury',
    title: 'Outcomes after mild head injury in adolescents',
    authors: ['Jon Berg'],
    year: 2020,
    abstract:
      'We followed 310 adolescents after mild head injury for one year. Persistent headaches were reported by 18% of patients at six months. Attention and working memory scores recovered in most patients by twelve months.',
  },
  {
    id: 'adhd-stimulants',
    title: 'Stimulant treatment for attention deficit disorder in children',
    authors: ['Lea Novak'],
    year: 2019,
    abstract:
      'Stimulant medication improved sustained attention in children with attention deficit hyperactivity disorder. Large effects were seen on teacher-rated behaviour within eight weeks. Sleep problems were the most common adverse event.',
  },
  {
    id: 'aspirin-stroke-trial',
    title: 'Low-dose aspirin for the primary prevention of stroke',
    authors: ['Ivan Petrov'],
    year: 2018,
    abstract:
      'We randomized 12,000 adults over 60 to low-dose aspirin or placebo. Low-dose aspirin reduced the risk of ischemic stroke by 21% over five years. Major bleeding was more frequent with aspirin.',
  },
  {
    id: 'aspirin-stroke-cohort',
    title: 'Aspirin use and stroke in a community cohort',
    authors: ['Mei Tanaka'],
    year: 2022,
    abstract:
      'We followed 8,400 older adults in a community cohort for ten years. Regular low-dose aspirin use did not reduce the risk of ischemic stroke in this cohort. Gastrointestinal bleeding was twice as common among aspirin users.',
  },
  {
    id: 'flight-hypoxia',
    title: 'Oxygen saturation of passengers with structural heart disease during long flights',
    authors: ['Paul Weber'],
    year: 2017,
    abstract:
      'Cabin pressure at cruising altitude lowered oxygen saturation in passengers with structural heart disease. Problems were most frequent on flights longer than eight hours. High-flow oxygen restored saturation within minutes.',
  },
  {
    id: 'influenza-vaccine',
    title: 'Influenza vaccination and hospital admissions in older adults',
    authors: ['Sara Okoye'],
    year: 2023,
    abstract:
      'Influenza vaccination reduced hospital admissions for pneumonia among adults over 65 by 30%. Vaccine effectiveness was lower in seasons with antigenic drift. Uptake was lowest in rural districts.',
  },
];

export const ML_PAPERS: PaperInput[] = [
  {
    id: 'textpro-slm',
    title: 'TextPro-SLM: a spoken language model that reads and listens',
    authors: ['Rui Zhang'],
    year: 2025,
    abstract:
      'TextPro-SLM is a spoken language model that accepts text prompts and speech input in one stream. The model was trained on roughly 1,000 hours of transcribed English audio. Speech recognition errors fell by a third compared with a cascaded system.',
  },
  {
    id: 'attention-heads',
    title: 'What attention heads do in large language models',
    authors: ['Nora Fisk'],
    year: 2024,
    abstract:
      'Offers a mechanistic account of attention heads in large language models. Induction heads in transformer language models copy tokens that followed earlier occurrences of the current token. It explains in-context learning in small models. Why do some attention heads attend only to the first token? Pruning half of the attention heads of a transformer language model barely changes its perplexity [7].',
  },
  {
    id: 'moe-routing',
    title: 'Routing in mixture-of-experts language models',
    authors: ['Omar Haddad'],
    year: 2025,
    abstract:
      'Mixture-of-experts language models route each token to a few expert networks. Load-balancing losses keep the experts equally used during training. Sparse expert routing lowers the compute per token at equal quality.',
  },
  {
    id: 'young-adult-literature',
    title: 'Young adult literature in the classroom',
    authors: ['Beth Cole'],
    year: 2016,
    abstract:
      'Teachers in 40 schools were interviewed about young adult literature. "Why should teachers teach young adult literature?" was the question most of them asked first. Reading engagement rose when students chose their own novels.',
  },
];

/** Questions on the medical library, each with its source paper and the expert decision an evaluation scores. */
export const MEDICAL_QUESTIONS = [
  {
    id: 'q1',
    text: 'Does low-dose aspirin reduce the risk of ischemic stroke?',
    source: 'aspirin-stroke-trial',
    decision: 'yes',
    long_answer: 'Low-dose aspirin reduced the risk of ischemic stroke.',
  },
  {
    id: 'q2',
    text: 'Does influenza vaccination reduce hospital admissions for pneumonia?',
    source: 'influenza-vaccine',
    decision: 'yes',
    long_answer: 'Vaccination reduced admissions.',
  },
  {
    id: 'q3',
    text: 'Do persistent headaches follow mild head injury in adolescents?',
    source: 'head-injury',
    decision: 'yes',
    long_answer: 'Headaches persisted in some patients.',
  },
  {
    id: 'q4',
    text: 'Does stimulant medication improve sustained attention in children with attention deficit disorder?',
    source: 'adhd-stimulants',
    decision: 'yes',
    long_answer: 'Stimulants improved attention.',
  },
];

/** Questions on the machine-learning library, each with its source paper. */
export const ML_QUESTIONS = [
  { id: 'm1', text: 'How much audio was TextPro-SLM trained on?', source: 'textpro-slm' },
  {
    id: 'm2',
    text: 'How do mixture-of-experts language models route tokens to expert networks?',
    source: 'moe-routing',
  },
];
