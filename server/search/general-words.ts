// Words of any abstract, whatever its topic: function words the analyzer keeps, and "how",
// "really", "shows", "better", "authors", "approach". In a small library they are rare enough to
// look distinctive, and a paper's keyword profile made of them finds papers that merely write alike
// ("Shares: how, really"). Written by hand from the vocabulary of abstracts. Words are compared by
// their stems, so a word whose stem a topic word shares stays out of the list: "general"
// ("generation", "generative"), "key" ("key-value"), "question" ("question answering"), "present"
// ("presentation"), "design", "order", "form", "lead", "novel"; such a word is general only in the
// inflections listed in FORMS ("designed", "presented").
import { terms } from '../../indexer/index.ts';

const WORDS = `
i me my myself we us our ours ourselves you your yours he him his she her hers it its itself they
them their theirs themselves am been being has have having had do does did doing would should could
can cannot may might must shall will from about above below up down out off over under again further
once here there now then so than too because since until after before during into onto whether
how why what when where which who whose whom while whereas although though however therefore thus
hence also only just really very more most less least many much few several various different same
other another such each every any all both either neither some
better best worse worst good bad high higher low lower large larger small smaller new recent
first second third last next previous
show shows showed shown find finds found propose proposes proposed
introduce introduces introduced describe describes described report reports reported suggest
suggests suggested demonstrate demonstrates demonstrated indicate indicates indicated reveal reveals
revealed provide provides provided offer offers offered use uses used using based make makes made
take takes taken give gives given come comes came follow follows followed allow allows allowed help
helps helped need needs require requires include includes including consider considers seem seems
appear appears remain remains become becomes get gets
run runs ran running call calls called let lets well one together briefly mention mentions mentioned
bring brings brought carry carries carried pick picks picked choose chooses chose chosen stay stays
stayed staying
authors author paper papers study studies work works approach approaches method methods result
results example examples way ways case cases part parts number numbers kind kinds type types aspect
aspects level levels problem problems issue issues fact
across within without among between toward towards upon via per through throughout against beyond
despite able possible likely main important specific particular overall rather instead
even still already often usually typically actually especially particularly mainly
mostly largely widely highly relatively change changes
`;

// Participles that say what the authors did ("a system designed for", "evaluated on"), compared as
// written (lowercased), not by stem: their stems are topic words' too ("chip design", "evaluation").
const FORMS = new Set('designed presented ordered formed built named tested evaluated measured'.split(' '));
/** A number alone ("1" of "Schema-1", "2" of "Top-2") is no topic. */
const NUMBER = /^\p{N}+$/u;

let general: ReadonlySet<string> | undefined;

/** Whether an analyzer term stands for a word of any abstract (see above). */
export function isGeneralTerm(term: string): boolean {
  general ??= new Set(WORDS.split(/\s+/u).flatMap((word) => (word ? terms(word) : [])));
  return general.has(term);
}

/** Whether a word as written (lowercased) with its analyzer term is a word of any abstract, or a number. */
export function isGeneralWord(word: string, term: string): boolean {
  return FORMS.has(word) || NUMBER.test(word) || isGeneralTerm(term);
}
