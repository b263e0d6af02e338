// A question's word that no paper uses, read by a word of its family that papers do use: a verb by its
// noun ("phagocytose" by "phagocytosis", "agree" by "agreement", "regulate" by "regulation"), an
// adjective of a condition by the condition ("septic" by "sepsis", "arthritic" by "arthritis",
// "diabetic" by "diabetes"), a part of the body by the name of its removal ("stapes" by
// "stapedectomy"), and children by the usual other words for them ("paediatric", "boys", "girls";
// the settling rule's familyForms leaves out the words for part of a group).
// Only these regular derivations and closed lists: a family is never guessed from a shared start
// ("transformer" is no "transformation"). Never an adverb by its adjective: an adverb says how, not
// what about, and read as its adjective ("visually" as "visual", "numerically" as "numerical") it made
// questions on what the library lacks look covered by papers that merely use the adjective.
import { stem } from '../../indexer/text/analyze.ts';
import { englishWordsIfReadable } from '../english/english-words.ts';
import { inverseDocumentFrequency, type TermStatistics } from '../verify/term-statistics.ts';
import { type Concept, conceptForm } from './question-concepts.ts';

/** A verb's ending and the ending of its noun, each tried on a verb no paper uses. */
const VERB_TO_NOUN: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}{4})ose$/u, 'osis'],
  [/(?<=\p{L}{3})ate$/u, 'ation'],
  [/(?<=\p{L}{3})ize$/u, 'ization'],
  [/(?<=\p{L}{3})ify$/u, 'ification'],
];

// "agree" → "agreement": only a verb of five letters or more that is an English word ("peri" of
// "peri-operative" is none), and not one whose "-ment" noun means something else ("apart" →
// "apartment", "depart" → "department", "supple" → "supplement", "environ" → "environment").
const MENT_STEM = /^\p{L}{5,}$/u;
const OTHER_MEANING_MENT = new Set(
  'apart depart compart present second parch supple environ tempera testa canton battle content catch devil wonder better'.split(
    ' ',
  ),
);
// "septic" → "sepsis", "necrotic" → "necrosis", "metastatic" → "metastasis": an adjective of a
// condition and its noun; not one whose "-sis" noun means something else, named whole ("genetic",
// "epigenetic", "neurogenetic", "cytogenetic" → "-genesis"; "antibiotic", "probiotic", "prebiotic",
// "abiotic" → "-biosis", though "pathogenetic" → "pathogenesis", "morphogenetic" and "symbiotic" →
// "symbiosis" are conditions) or by its ending ("hypnotic" drugs → "hypnosis", "narcotic" →
// "narcosis", "analytic", "cosmetic", "mimetic"), or as a whole word where a longer word of the
// same ending is the condition ("static" → "stasis", but "metastatic" → "metastasis"; "synthetic",
// but "biosynthetic" → "biosynthesis").
const CONDITION_ADJECTIVE = /(?<=\p{L}{3})tic$/u;
const OTHER_MEANING_SIS_ENDING =
  /(?:^(?:(?:epi|neuro|cyto)?genetic|(?:anti|pro|pre|a)biotic)|emphatic|kinetic|critic|poetic|hypnotic|narcotic|analytic|cosmetic|mimetic)$/u;
const OTHER_MEANING_SIS = new Set(['static', 'synthetic']);
// "arthritic" → "arthritis", "nephritic" → "nephritis", "bronchitic" → "bronchitis", "rachitic" →
// "rachitis" (rickets): an adjective of an inflammation and its noun, read before "-tic" → "-sis"
// ("arthrisis" is no word); not one whose "-itis" noun names something else ("mephitic" air is
// foul, Mephitis the skunks; a "tympanitic" abdomen is distended by gas, tympanites, not an inflamed
// eardrum). "parasitic", "dendritic" or "granitic" get "-itis" words that papers do not write.
const INFLAMMATION_ADJECTIVE = /(?<=\p{L}{3})itic$/u;
const OTHER_MEANING_ITIS = new Set(['mephitic', 'tympanitic']);
// Adjectives of a condition whose noun has no regular ending: "diabetic" → "diabetes", "syphilitic" →
// "syphilis"; and "otitic" → "otitis", too short for the "-itic" rule (which would make "critic" one).
const CONDITION_OF: ReadonlyMap<string, string> = new Map([
  ['diabetic', 'diabetes'],
  ['syphilitic', 'syphilis'],
  ['otitic', 'otitis'],
]);
// A part of the body and the name of its removal, which papers on the operation use: a closed list,
// since "-ectomy" put after any word made one of "mast" cells ("mastectomy"), an "orchid" extract
// and the northern "hemisphere". Not "breast" → "mastectomy": a question's "breast" is seldom about
// the operation, and a library on mastectomy writes "breast".
const REMOVAL_OF: ReadonlyMap<string, string> = new Map([
  ['stapes', 'stapedectomy'],
  ['thyroid', 'thyroidectomy'],
  ['prostate', 'prostatectomy'],
  ['adrenal', 'adrenalectomy'],
  ['parotid', 'parotidectomy'],
  ['spleen', 'splenectomy'],
  ['appendix', 'appendectomy'],
  ['colon', 'colectomy'],
  ['gallbladder', 'cholecystectomy'],
  ['kidney', 'nephrectomy'],
]);
// Children by the other words papers write for them: a question "in children" is on the papers'
// "paediatric patients" or "boys and girls". Not "women" by "female", "men" by "male", "mice" by
// "murine" or "children" by "childhood": papers write them of other groups ("female mice", "male
// rats", "murine leukemia virus", "childhood trauma" in adults), and read so, questions on a group
// no paper studies looked covered.
const GROUP_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['children', ['paediatric', 'pediatric', 'boys', 'girls']],
  ['child', ['paediatric', 'pediatric', 'boys', 'girls']],
]);
// Of those, the words for part of the group: they show a library covers it, but a finding in boys is
// no finding in children, nor one in children a finding in girls (familyForms leaves them out).
const SUBGROUP_WORDS: ReadonlySet<string> = new Set(['boys', 'girls']);
// An adverb in "-ly" ("mainly", "readily"), which is read by no other word; nor is a noun in "-ly" ("supply").
const ADVERB = /\p{L}{4}ly$/u;

/**
 * The words of a word's family it may be read by: for a verb, its nouns ("phagocytose" →
 * "phagocytosis", "agree" → "agreement"; "-ment" only on an English word of five letters or more,
 * checked against `english`, whose noun means the same); for an adjective of a condition, the
 * condition ("septic" → "sepsis", "arthritic" → "arthritis", "diabetic" → "diabetes"); for a part of the body in REMOVAL_OF, its removal ("stapes" →
 * "stapedectomy", "kidney" → "nephrectomy"); for children (GROUP_WORDS), the other words papers
 * write for them ("children" → "paediatric"); none for a word in "-ly" ("mainly", "supply"). A word is read
 * by them only when papers use them (withFamilyWords).
 */
export function familyWords(
  word: string,
  english: ReadonlySet<string> | undefined = englishWordsIfReadable(),
): string[] {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}+$/u.test(lower)) return [];
  if (ADVERB.test(lower)) return [];
  const nouns = VERB_TO_NOUN.filter(([ending]) => ending.test(lower)).map(([ending, noun]) =>
    lower.replace(ending, noun),
  );
  const ment = MENT_STEM.test(lower) && english?.has(lower) === true && !OTHER_MEANING_MENT.has(lower);
  const named = CONDITION_OF.get(lower);
  const inflammation = named === undefined && INFLAMMATION_ADJECTIVE.test(lower);
  const condition =
    named === undefined &&
    !inflammation &&
    CONDITION_ADJECTIVE.test(lower) &&
    !OTHER_MEANING_SIS.has(lower) &&
    !OTHER_MEANING_SIS_ENDING.test(lower);
  const removal = REMOVAL_OF.get(lower) ?? REMOVAL_OF.get(lower.replace(/(?<!e)s$/u, ''));
  return [
    ...nouns,
    ...(ment ? [`${lower}ment`] : []),
    ...(named === undefined ? [] : [named]),
    ...(inflammation && !OTHER_MEANING_ITIS.has(lower) ? [lower.replace(INFLAMMATION_ADJECTIVE, 'itis')] : []),
    ...(condition ? [lower.replace(CONDITION_ADJECTIVE, 'sis')] : []),
    ...(removal === undefined ? [] : [removal]),
    ...(GROUP_WORDS.get(lower) ?? []),
  ];
}

/**
 * The concepts with each word no paper uses read by the first of its stand-ins (`standIns`) that
 * papers use: known, weighed as the stand-in, and held by a text that writes it (`relative`).
 * `conceptStatistics` are the library's concept forms (questionConcepts); without them, stems.
 */
export function withStandIns(
  concepts: readonly Concept[],
  standIns: (concept: Concept) => Iterable<string>,
  statistics: TermStatistics,
  conceptStatistics?: TermStatistics,
): Concept[] {
  return concepts.map((concept) => {
    if (concept.known || concept.longForm || concept.name) return concept;
    for (const word of standIns(concept)) {
      const form = conceptForm(word);
      if (form === concept.form) continue;
      const [stats, key] = conceptStatistics ? [conceptStatistics, form] : [statistics, stem(word)];
      if (stats.documentFrequency(key) === 0) continue;
      return { ...concept, known: true, relative: form, weight: inverseDocumentFrequency(stats, key) };
    }
    return concept;
  });
}

/** The concepts with each word no paper uses read by a word of its family that papers use (withStandIns). */
export function withFamilyWords(
  concepts: readonly Concept[],
  statistics: TermStatistics,
  conceptStatistics?: TermStatistics,
): Concept[] {
  return withStandIns(concepts, (concept) => familyWords(concept.word), statistics, conceptStatistics);
}

/** No English words: the "-ment" nouns, which need them, are left out of familyForms. */
const NO_ENGLISH: ReadonlySet<string> = new Set();

/**
 * The concept forms of the family words of every word of a text ("diabetic" gives "diabet" of
 * "diabetes", "arthritic" gives "arthritis"), but for "-ment" nouns and words for part of a group
 * ("boys" of "children"): the bottom line's settling rule reads a question's group by them
 * (narrowed-denial.ts), where a part of a group is not the group.
 */
export function familyForms(text: string): Set<string> {
  const forms = new Set<string>();
  for (const word of text.match(/\p{L}+/gu) ?? [])
    for (const relative of familyWords(word, NO_ENGLISH))
      if (!SUBGROUP_WORDS.has(relative)) forms.add(conceptForm(relative));
  return forms;
}
