import { describe, expect, it } from 'vitest';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { questionConcepts } from '../../../server/answer/question-concepts.ts';
import { familyForms, familyWords, withFamilyWords } from '../../../server/answer/word-family.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

const TEXTS = [
  'The engulfment of aged platelets is the main task of sentinel cells.',
  'Agreement with the shell theory was good for ring-stiffened tubes.',
  'Sentinel cells were counted in twelve biopsies.',
  'A transformation of the wing loads was applied.',
  'Late sepsis was treated with antibiotics.',
  'Facial palsy followed two stapedectomies.',
];
const statistics = statisticsOfTexts(TEXTS);
const concepts = conceptStatisticsOfTexts(TEXTS);
const read = (question: string) =>
  withFamilyWords(questionConcepts(question, statistics, concepts), statistics, concepts);

describe('word-family', () => {
  it('gives a verb’s nouns', () => {
    expect(familyWords('phagocytose')).toContain('phagocytosis');
    expect(familyWords('agree')).toContain('agreement');
    expect(familyWords('regulate')).toContain('regulation');
    expect(familyWords('GPT-4')).toEqual([]);
  });

  it('reads a verb no paper uses as known when papers use a noun of its family, weighed as that noun', () => {
    const engulf = read('What do sentinel cells mainly engulf?').find((c) => c.word === 'engulf');
    expect(engulf).toMatchObject({ known: true, relative: 'engulfment' });
    const agree = read('Did the tests agree with the shell theory?').find((c) => c.word === 'agree');
    expect(agree).toMatchObject({ known: true, relative: 'agreement' });
  });

  it('reads no adverb by its adjective: an adverb no paper uses stays unknown, held by no text, weighed as before', () => {
    const plain = questionConcepts('What do sentinel cells mainly engulf?', statistics, concepts);
    const mainly = read('What do sentinel cells mainly engulf?').find((c) => c.word === 'mainly');
    expect(mainly).toMatchObject({ known: false });
    expect(mainly!.relative).toBeUndefined();
    expect(mainly!.weight).toBe(plain.find((c) => c.word === 'mainly')!.weight);
    expect(familyWords('visually')).toEqual([]);
  });

  it('adds "-ment" only to an English word of five letters or more whose "-ment" noun means the same', () => {
    const english = new Set(['agree', 'engulf', 'apart', 'depart', 'supple', 'environ', 'peri']);
    const nouns = (word: string) => familyWords(word, english).filter((w) => w.endsWith('ment'));
    expect(nouns('engulf')).toEqual(['engulfment']);
    for (const word of ['peri', 'apart', 'depart', 'supple', 'environ', 'bone']) expect(nouns(word)).toEqual([]);
    // A word that is no English word ("periop" of "periop-erative") gets none.
    expect(nouns('periop')).toEqual([]);
  });

  it('leaves a word unknown when no paper uses a word of its family, and never reads one by a shared start', () => {
    const [supply, transformer] = read('Does the supply of transformer loads vary?').filter((c) =>
      ['supply', 'transformer'].includes(c.word),
    );
    expect(supply).toMatchObject({ known: false });
    expect(supply!.relative).toBeUndefined();
    expect(transformer).toMatchObject({ known: false });
  });

  it('gives an adjective in "-tic" its condition in "-sis", and a noun its removal in "-ectomy"', () => {
    expect(familyWords('septic')).toContain('sepsis');
    expect(familyWords('necrotic')).toContain('necrosis');
    expect(familyWords('thyroid')).toContain('thyroidectomy');
    expect(familyWords('prostate')).toContain('prostatectomy');
    expect(familyWords('stapes')).toContain('stapedectomy');
    // Not an adjective whose "-sis" noun means something else.
    for (const word of ['genetic', 'synthetic', 'emphatic', 'static'])
      expect(familyWords(word)).not.toContain(`${word.slice(0, -3)}sis`);
  });

  it('reads a condition or a part of the body no paper names as known when papers name the condition or its removal', () => {
    const septic = read('Do antibiotics help in septic infants?').find((c) => c.word === 'septic');
    expect(septic).toMatchObject({ known: true, relative: 'sepsis' });
    const stapes = read('Is facial palsy common in stapes surgery?').find((c) => c.word === 'stapes');
    expect(stapes).toMatchObject({ known: true, relative: 'stapedectomy' });
    // A papers-less family stays unknown: no paper names "necrosis".
    expect(read('Do antibiotics help in necrotic infants?').find((c) => c.word === 'necrotic')).toMatchObject({
      known: false,
    });
  });

  it('gives the removal only of a part of the body in its closed list, not of any word ("mast", "orchid", "hemisphere")', () => {
    expect(familyWords('kidney')).toContain('nephrectomy');
    expect(familyWords('gallbladder')).toContain('cholecystectomy');
    expect(familyWords('kidneys')).toContain('nephrectomy');
    for (const word of ['mast', 'orchid', 'hemisphere', 'lamin', 'append', 'breast'])
      expect(
        familyWords(word).filter((w) => w.endsWith('ectomy')),
        word,
      ).toEqual([]);
  });

  it('gives no "-sis" noun to an adjective whose ending means something else ("hypnotic", "epigenetic", "antibiotic")', () => {
    for (const [word, noun] of [
      ['hypnotic', 'hypnosis'],
      ['narcotic', 'narcosis'],
      ['epigenetic', 'epigenesis'],
      ['neurogenetic', 'neurogenesis'],
      ['cytogenetic', 'cytogenesis'],
      ['analytic', 'analysis'],
      ['cosmetic', 'cosmesis'],
      ['antibiotic', 'antibiosis'],
    ] as const)
      expect(familyWords(word), word).not.toContain(noun);
    // A longer word of a whole-word exception is still its condition.
    expect(familyWords('metastatic')).toContain('metastasis');
    expect(familyWords('biosynthetic')).toContain('biosynthesis');
  });

  it('reads children by the usual other words papers write for them ("paediatric", "boys", "girls")', () => {
    const texts = ['Paediatric patients with diabetes were followed.', 'Boys and girls with asthma were enrolled.'];
    const groups = (question: string) =>
      withFamilyWords(
        questionConcepts(question, statisticsOfTexts(texts), conceptStatisticsOfTexts(texts)),
        statisticsOfTexts(texts),
        conceptStatisticsOfTexts(texts),
      );
    expect(groups('Does aspirin help children with diabetes?').find((c) => c.word === 'children')).toMatchObject({
      known: true,
    });
    expect(familyWords('children')).toEqual(expect.arrayContaining(['paediatric', 'pediatric', 'boys', 'girls']));
  });

  it('reads no group by a word papers write of other groups ("female" mice, "male" rats, "murine" virus, "childhood" trauma)', () => {
    for (const [word, other] of [
      ['women', 'female'],
      ['woman', 'female'],
      ['men', 'male'],
      ['mice', 'murine'],
      ['mouse', 'murine'],
      ['children', 'childhood'],
      ['child', 'childhood'],
    ] as const)
      expect(familyWords(word), word).not.toContain(other);
    const texts = ['Estrogen therapy prevented bone loss in ovariectomized female mice.'];
    const concepts = withFamilyWords(
      questionConcepts(
        'Does estrogen therapy prevent bone loss in women?',
        statisticsOfTexts(texts),
        conceptStatisticsOfTexts(texts),
      ),
      statisticsOfTexts(texts),
      conceptStatisticsOfTexts(texts),
    );
    expect(concepts.find((c) => c.word === 'women')).toMatchObject({ known: false });
  });

  it('gives the "-sis" condition to a longer word of a named exception ("pathogenetic", "morphogenetic", "symbiotic")', () => {
    expect(familyWords('pathogenetic')).toContain('pathogenesis');
    expect(familyWords('morphogenetic')).toContain('morphogenesis');
    expect(familyWords('symbiotic')).toContain('symbiosis');
    for (const [word, noun] of [
      ['genetic', 'genesis'],
      ['probiotic', 'probiosis'],
      ['prebiotic', 'prebiosis'],
      ['abiotic', 'abiosis'],
    ] as const)
      expect(familyWords(word), word).not.toContain(noun);
  });

  it('gives an adjective in "-itic" its condition in "-itis", and "diabetic" and "syphilitic" theirs', () => {
    for (const [word, noun] of [
      ['arthritic', 'arthritis'],
      ['bronchitic', 'bronchitis'],
      ['nephritic', 'nephritis'],
      ['rachitic', 'rachitis'],
      ['colitic', 'colitis'],
      ['diabetic', 'diabetes'],
      ['syphilitic', 'syphilis'],
    ] as const)
      expect(familyWords(word), word).toContain(noun);
    // Not one whose "-itis" noun names something else: "mephitic" air is no skunk (Mephitis), a
    // "tympanitic" abdomen is distended (tympanites), not an inflamed eardrum.
    expect(familyWords('mephitic')).not.toContain('mephitis');
    expect(familyWords('tympanitic')).not.toContain('tympanitis');
    // Nor a "-sis" noun read from "-itic" ("arthrisis"), nor a condition for a word that is none.
    expect(familyWords('arthritic')).not.toContain('arthrisis');
    expect(familyWords('diabetic')).not.toContain('diabesis');
  });

  it('gives "otitic", whose stem is too short for the "-itic" rule, its "otitis"', () => {
    expect(familyWords('otitic')).toContain('otitis');
    expect(familyWords('otitic')).not.toContain('otisis');
  });

  it('reads "diabetic" no paper writes as known when papers write "diabetes"', () => {
    const texts = ['Metformin lowered mortality in patients with type 2 diabetes.', 'Arthritis was common.'];
    const concepts = withFamilyWords(
      questionConcepts(
        'Does metformin lower mortality in diabetic or arthritic patients?',
        statisticsOfTexts(texts),
        conceptStatisticsOfTexts(texts),
      ),
      statisticsOfTexts(texts),
      conceptStatisticsOfTexts(texts),
    );
    expect(concepts.find((c) => c.word === 'diabetic')).toMatchObject({ known: true, relative: 'diabet' });
    expect(concepts.find((c) => c.word === 'arthritic')).toMatchObject({ known: true, relative: 'arthritis' });
  });
  it('lets no subgroup stand for the whole in the settling rule, nor the whole for a subgroup ("boys" for "children")', () => {
    const children = 'Does fluoride varnish reduce caries in children?';
    expect(verdictOf(children, 'Fluoride varnish did not reduce caries in boys.')).not.toBe('no');
    expect(
      verdictOf('Does fluoride varnish reduce caries in girls?', 'Fluoride varnish did not reduce caries in children.'),
    ).not.toBe('no');
    expect(familyForms('children')).not.toContain('boy');
    // The same group in other words, or both its halves together, stands for it.
    expect(verdictOf(children, 'Fluoride varnish did not reduce caries in paediatric patients.')).toBe('no');
    expect(verdictOf(children, 'Fluoride varnish did not reduce caries in boys and girls.')).toBe('no');
  });
});
