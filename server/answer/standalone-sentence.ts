// Whether a sentence taken from a paper can stand alone in an answer: not a question, not a
// fragment ("Offers a mechanistic account of…"), not a heading or list item, and not opening with a
// pronoun whose antecedent is in the sentence before ("It reduces…", "This suggests…"), and not a
// statement of what a study set out to do ("The aim of this study was to determine whether…").
// A sentence opening with a connective that points back ("As a result, a deployment can…",
// "However, in the presence of…") is quoted from after it. "Here, we show…" points at the paper
// itself, which the citation names: it stands alone.

/** Verbs that open a sentence with no subject (a fragment from a highlight list or a summary). */
const SUBJECTLESS =
  /^(?:offers|provides|shows|presents|describes|proposes|introduces|demonstrates|examines|explores|discusses|reviews|reports|investigates|uses|includes|suggests|finds|argues|highlights|outlines|evaluates|compares|combines|achieves|addresses|extends|applies|develops|considers|focuses|analyzes|analyses|studies|contains|covers|gives|makes|yields|builds|enables|allows|requires|leads|helps|supports|remains|appears|seems)\b/iu;
/**
 * Any capitalised -s verb followed by an object's determiner ("Parses the citations…"); not a word
 * ending in -ss or -us, which is no such verb ("Unless a correction…", "Thus the…"), nor an adverb or
 * conjunction in -s ("Whereas the…", "Perhaps a…").
 */
const VERB_THEN_OBJECT =
  /^(?!(?:Whereas|Perhaps|Besides|Towards|Afterwards|Sometimes|Always|Its|His|Has|Was|Is|Does|This)\b)[A-Z][a-z]+(?:es|s)(?<!ss|us)\s+(?:the|a|an|how|why|whether|what|its|their|our|new|two|three|several|both|each|multiple|various)\s/u;
/**
 * A digest's verb before "where", "when", "which" or "who" ("Probes where models encode valence…").
 * Only verbs a summary opens with: after a plural noun the same words start a finding ("Patients
 * who received…", "Cases where…").
 */
const VERB_THEN_CLAUSE =
  /^(?:probes|asks|traces|maps|tests|examines|explores|investigates|shows|identifies|pinpoints|reveals|studies|measures|tracks|determines|quantifies)\s+(?:where|when|which|who)\s/iu;
/**
 * "Here" that points at a place or a case named before ("Here, bleaching was absent"), not one whose
 * first dozen words name the authors ("Here, we…", "Here, using CRISPR screens in human cells, we
 * show…", "Here, I show", "Here, our results show") or that opens on the study's own results ("Here,
 * results from two assays show…", "Here, new data indicate…"), which points at the paper; "Here,
 * these data…" and "Here, the results…" still point back.
 */
const HERE_POINTS_BACK =
  /^here\b(?!(?:[,;]?\s+[^\s.;:]+){0,11}?[,;]?\s+(?:(?:we|our|the\s+authors)\b|i\b(?!\.))|,?\s+(?:(?!(?:the|these|those|this|that|such|similar|both|all|same)\b)\p{L}+\s+)?(?:results|findings|data|experiments|analyses|observations|measurements)\b)/iu;
/** A pronoun standing as the subject, whose antecedent lies outside the sentence, or HERE_POINTS_BACK. */
const DANGLING =
  /^(?:it|they|he|she|them|its|their|his|her)\b|^(?:this|these|those|that|such)\s+(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did|also|then|therefore|suggests?|shows?|means?|indicates?|implies|allows?|provides?|makes?|leads?|offers?|gives?|remains?|seems?|appears?|explains?|demonstrates?|confirms?|supports?|reflects?|highlights?)\b/iu;
/** An opening phrase that points back at the sentence before ("From this diagnosis they derive…", "Based on this, …"). */
const LEANS_BACK =
  /^(?:from|in|with|by|to|for|given|despite|following|after|based on|because of)\s+(?:this|these|those|such|their|its)(?:\s*,|\s+(?!(?:study|paper|work|trial|review|article|cohort|analysis|population|sample|setting|series|survey)\b))/iu;
/**
 * A demonstrative and a noun opening the sentence ("That property allows…", "These carriers can…"):
 * the thing is named in the sentence before. The study, its results and its data may be pointed at
 * ("These results suggest…", "This study shows…"): the reader knows which.
 */
const DEMONSTRATIVE_NOUN =
  /^(?:this|that|these|those)\s+(?!(?:study|studies|paper|work|trial|trials|review|article|analysis|analyses|survey|report|research|investigation|experiment|experiments|cohort|series|population|sample|meta-analysis|result|results|finding|findings|data|observation|observations|evidence|outcome|outcomes)\b)\p{Ll}[\p{Ll}-]*\s+(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did|allows?|enables?|makes?|leads?|gives?|means?|explains?|suggests?|shows?|provides?|helps?|lets?)\b/iu;
const IT_THAT = /^it\s+(?:is|was|has been|remains|seems|appears)\s+(?:\w+\s+){0,3}?(?:that|to|whether)\b/iu;

/**
 * A statement of what a study set out to do, which answers nothing ("Here we asked whether…", "Here,
 * we test whether…", "Here, we sought to determine…", "We hypothesized that…"); not one that goes on
 * to what it found ("…, and found that…": FOUND_AFTER_AIM).
 */
const AIM =
  /^(?:the\s+)?(?:main\s+|primary\s+)?(?:aims?|objectives?|purposes?|goals?)\s+(?:of|was|were|is)\b|^(?:to|we\s+(?:aimed|sought|wanted|set\s+out|intended)\s+to)\s+(?:determine|compare|assess|evaluate|investigate|examine|test|explore|identify|describe|analy[sz]e|establish|study|measure|clarify|review)\b|\b(?:this|the\s+present|our)\s+(?:study|paper|work|trial|review)\s+(?:aims?|aimed|sought|seeks?|was\s+designed|is\s+designed|was\s+undertaken|was\s+conducted)\s+to\b|\bwas\s+to\s+(?:determine|compare|assess|evaluate|investigate|examine|test|explore|identify|describe)\b|^(?:here,?\s+)?we\s+(?:investigated|examined|asked|explored|evaluated|assessed|tested|studied|test|investigate|examine|ask|explore|evaluate|assess|looked\s+(?:into|at))\s+(?:if|whether)\b|^here,?\s+we\s+(?:aimed|sought|wanted|set\s+out|intended)\s+to\b|^(?:here,?\s+)?we\s+hypothesi[sz]ed\s+that\b/iu;

/** A sentence going on from its aim to what it found ("We hypothesized that X, and found that it reduced…"). */
const FOUND_AFTER_AIM =
  /,?\s+and\s+(?:we\s+)?(?:(?:then|indeed|further|also)\s+)?(?:found|find|showed|show|observed|observe|demonstrated|confirmed|report|reported)\b(?!\s+to\b)/iu;

/** Whether a sentence opens with its verb, as a digest's does ("Offers a mechanistic account of…", "Asks what…"). */
export function opensWithoutSubject(sentence: string): boolean {
  return SUBJECTLESS.test(sentence) || VERB_THEN_OBJECT.test(sentence) || VERB_THEN_CLAUSE.test(sentence);
}

export type StandaloneProblem = 'question' | 'fragment' | 'dangling' | 'heading' | 'markup' | 'aim';

/**
 * Why a sentence cannot stand alone in an answer, or null when it can. In a caseless text (a paper
 * written all in lower case, as old collections are) a lowercase start says nothing about a fragment.
 */
export function standaloneProblem(sentence: string, options: { caseless?: boolean } = {}): StandaloneProblem | null {
  const text = sentence.trim();
  if (/\?["'”’)]*$/u.test(text) || /["“][^"”]*\?["”]/u.test(text)) return 'question';
  if (/<\/?[a-z][^>]*>|\\[a-z]+\{/iu.test(text)) return 'markup';
  const words = text.split(/\s+/u).filter(Boolean);
  if (words.length < 5 || !/[.!]["'”’)]*$/u.test(text)) return 'heading';
  if ((!options.caseless && /^[\p{Ll}]/u.test(text)) || /^[-–—•*\d]+[.)]?\s/u.test(text)) return 'fragment';
  if (opensWithoutSubject(text)) return 'fragment';
  if (
    (DANGLING.test(text) && !IT_THAT.test(text)) ||
    HERE_POINTS_BACK.test(text) ||
    LEANS_BACK.test(text) ||
    DEMONSTRATIVE_NOUN.test(text)
  )
    return 'dangling';
  if (AIM.test(text) && !FOUND_AFTER_AIM.test(text)) return 'aim';
  return null;
}

/**
 * A connective opening a sentence that ties it to the one before ("As a result, …", "However, …",
 * "Therefore, …"): quoted alone, it claims a link to something the answer does not show.
 */
const CONNECTIVE =
  /^(?:as a (?:result|consequence)|consequently|therefore|thus|hence|accordingly|however|nevertheless|nonetheless|in contrast|by contrast|conversely|instead|moreover|furthermore|in addition|additionally|besides|also|similarly|likewise|in turn|still|yet|even so|on the other hand|in this way|to this end|for this reason)\s*,\s+(?=[\p{L}\p{N}[])/iu;

/**
 * The opening phrase of a sentence that points back at the one before, up to its comma ("Based on
 * this, ", "To this end, "), or null when the sentence opens otherwise or the phrase has no comma.
 */
export function backPointingOpening(sentence: string): string | null {
  if (!LEANS_BACK.test(sentence)) return null;
  return /^[^,.;:]{1,60},\s+/u.exec(sentence)?.[0] ?? null;
}

/**
 * The sentence as an answer quotes it: without an opening connective that points back, the rest
 * starting with a capital ("As a result, a deployment can…" → "A deployment can…"); the sentence
 * itself when it has none. The citation still spans the whole sentence.
 */
export function withoutConnective(sentence: string): string {
  const connective = CONNECTIVE.exec(sentence);
  if (!connective) return sentence;
  const rest = sentence.slice(connective[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
