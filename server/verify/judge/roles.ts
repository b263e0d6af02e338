// Who does what, read on two simple patterns, so that a claim that swaps the roles of what the
// evidence names is not taken for a paraphrase of it:
// - two terms around one relation: "PKX inhibits MRK2" against "MRK2 inhibits PKX" (a passive "MRK2
//   is inhibited by PKX" keeps the roles; a symmetric relation, "associated with", has none);
// - two parallel parts that pair the same terms the other way round: "negative valence is
//   processed late and positive valence early" against "… early and … late", "the encoder is
//   frozen and the decoder trained" against "the decoder is frozen and the encoder trained".
// Conservative: an order that only paraphrases ("positive valence early and negative valence
// late") pairs the terms alike and reads as no conflict.
import { tokenize } from '../../../indexer/text/analyze.ts';
import type { SentenceReading } from './stance-reading.ts';

type Token = { word: string; term: string | null; start: number; end: number };

/** A relation between two terms: "subject relation object", the subject first whatever the voice. */
type Role = { relation: string; subject: string; object: string };

/** What the two patterns read off one sentence. */
type RoleReading = {
  roles: Role[];
  /** For each term named in exactly one part of a coordination, that part's index. */
  parts: ReadonlyMap<string, number>;
};

// Words that carry no role: auxiliaries, determiners and pronouns the analyzer keeps as terms
// ("were", "its", "been"), and adverbs of degree.
const FUNCTION_WORD =
  /^(?:a|an|the|is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|may|might|will|would|should|must|its|their|his|her|this|these|that|those|also|both|then|thus|further|directly|strongly|significantly|markedly|potently|partially|partly)$/u;
// Relations whose two sides can be swapped without changing what is said.
const SYMMETRIC =
  /^(?:associat|correl|interact|bind|bound|link|relat|compar|differ|similar|overlap|coexist|co|connect|couple|pair|match|resembl|equal|versus|vs|and|meet|met|contact|collid|combin|fuse|fusion|colocal|cooccur|complex)/u;
// Words that end a part of a coordination ("A … and B …", "A …, whereas B …").
const PART_BREAK = /^(?:and|but|whereas|while|although|though|yet)$/u;
const CLAUSE_PUNCTUATION = /[,;:()]/u;
// A sentence that pairs its parts by position ("A and B were early and late, respectively") or
// names them as a choice ("either … or"), or that sets
// one against the other ("rather than", "compared with") is not read for parts.
const NOT_BY_PARTS = /\b(?:respectively|either|neither|between|than|instead|versus|vs|compared|relative)\b/iu;
// A word that looks like a verb (third person, past participle, or "-en"), so that a relation is
// one: nouns in a row ("cancer cell death") relate nothing.
const VERB_FORM = /^\p{L}{3,}(?:s|ed|en)$/u;
// Verbs that relate an agent to what it acts on, beside the words of increase and decrease the
// reading knows ("inhibits", "activates"): a plural noun ("patients") looks like a verb too.
const ACTING =
  /^(?:caus|regul|mediat|target|control|drive|driven|preced|follow|trigger|phosphoryl|cleav|degrad|recruit|modul|predict|protect|kill|infect|produc|secret|releas|methyl|ubiquitin|acetyl|convert|replac|outcompet|domin|repress|silenc|transactiv|stabil|destabil|sensit|desensit|rescu|overrid|dictat|determin|shape|govern)/u;

const DIRECTION_OR_ACTING = (word: { direction: number }, term: string) => word.direction !== 0 || ACTING.test(term);

const readings = new WeakMap<SentenceReading, RoleReading>();

function roleReadingOf(reading: SentenceReading): RoleReading {
  let known = readings.get(reading);
  if (!known) {
    const tokens = tokenize(reading.text);
    known = { roles: rolesOf(reading, tokens), parts: partsOf(reading.text, tokens) };
    readings.set(reading, known);
  }
  return known;
}

const isContent = (t: Token) => t.term !== null && !FUNCTION_WORD.test(t.word);

/** The relations a sentence states between two terms on either side of a verb, with only function words between. */
function rolesOf(reading: SentenceReading, tokens: readonly Token[]): Role[] {
  const { text } = reading;
  const roles: Role[] = [];
  const counts = new Map<string, number>();
  for (const t of tokens) if (t.term) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
  const broken = (a: number, b: number) => CLAUSE_PUNCTUATION.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  tokens.forEach((token, i) => {
    if (!isContent(token) || !VERB_FORM.test(token.word) || SYMMETRIC.test(token.term!)) return;
    if (!DIRECTION_OR_ACTING(reading.words[i] ?? { direction: 0 }, token.term!)) return;
    if (counts.get(token.term!) !== 1) return;
    // The term before: the nearest content word, over function words only.
    let before = i - 1;
    while (before >= 0 && !isContent(tokens[before]!) && FUNCTION_WORD.test(tokens[before]!.word)) before--;
    if (before < 0 || !isContent(tokens[before]!) || broken(before, i)) return;
    // The term after: over function words, or "by" for a passive (which swaps the roles back).
    let after = i + 1;
    let passive = false;
    if (tokens[after]?.word === 'by') {
      passive = true;
      after++;
    }
    while (after < tokens.length && FUNCTION_WORD.test(tokens[after]!.word)) after++;
    if (after >= tokens.length || !isContent(tokens[after]!) || broken(i, after)) return;
    const first = tokens[before]!.term!;
    const second = tokens[after]!.term!;
    if (first === second) return;
    roles.push(
      passive
        ? { relation: token.term!, subject: second, object: first }
        : { relation: token.term!, subject: first, object: second },
    );
  });
  return roles;
}

/** Content words a part of a coordination may hold to be read as one of two parallel parts. */
const PART_MAX_TERMS = 8;

/** The part of a coordination that each term is named in, for terms named in exactly one short part. */
function partsOf(text: string, tokens: readonly Token[]): ReadonlyMap<string, number> {
  const parts = new Map<string, number>();
  if (NOT_BY_PARTS.test(text)) return parts;
  const twice = new Set<string>();
  const sizes: number[] = [0];
  let part = 0;
  tokens.forEach((token, i) => {
    const punctuated = i > 0 && CLAUSE_PUNCTUATION.test(text.slice(tokens[i - 1]!.end, token.start));
    // A conjunction starts the next part and is no term of it ("whereas" is in either order's parts).
    const conjunction = PART_BREAK.test(token.word);
    if (conjunction || punctuated) {
      part++;
      sizes.push(0);
    }
    if (conjunction || !isContent(token)) return;
    sizes[part]!++;
    const term = token.term!;
    const seen = parts.get(term);
    if (seen !== undefined && seen !== part) twice.add(term);
    else parts.set(term, part);
  });
  for (const [term, at] of parts) if (twice.has(term) || sizes[at]! > PART_MAX_TERMS) parts.delete(term);
  return parts;
}

/** Four terms two parallel parts pair: x with p in one part, y with q in the part beside it. */
type Pairing = { x: string; p: string; y: string; q: string };

const together = (parts: ReadonlyMap<string, number>, a: string, b: string) => parts.get(a) === parts.get(b);
const beside = (parts: ReadonlyMap<string, number>, a: string, b: string) =>
  Math.abs(parts.get(b)! - parts.get(a)!) === 1;

// The pairings of the claim that the evidence makes the other way round: the claim puts x with p and
// y with q in neighbouring parts, the evidence x with q and y with p, in either order ("negative …
// late and positive … early" against "negative … early and positive … late", and against "positive
// … late, whereas negative … early"). A paraphrase that only reorders the parts pairs them alike.
function swappedPairings(claim: ReadonlyMap<string, number>, evidence: ReadonlyMap<string, number>): Pairing[] {
  const shared = [...claim.keys()].filter((t) => evidence.has(t));
  if (shared.length < 4) return [];
  const found: Pairing[] = [];
  for (const x of shared) {
    for (const y of shared) {
      if (claim.get(y)! - claim.get(x)! !== 1 || !beside(evidence, x, y)) continue;
      for (const p of shared) {
        if (p === x || p === y || !together(claim, x, p) || !together(evidence, y, p)) continue;
        for (const q of shared) {
          if (q === x || q === y || q === p) continue;
          if (together(claim, y, q) && together(evidence, x, q)) found.push({ x, p, y, q });
        }
      }
    }
  }
  return found;
}

// Whether a sentence's parts pair the terms as the claim does: x with p, or y with q.
const pairsAlike = (parts: ReadonlyMap<string, number>, { x, p, y, q }: Pairing) =>
  (parts.has(x) && parts.has(p) && together(parts, x, p)) || (parts.has(y) && parts.has(q) && together(parts, y, q));

/**
 * Whether an evidence sentence names what the claim names in swapped roles (the same relation with
 * subject and object exchanged, or the same pairs of terms exchanged between parallel parts, see
 * partsSwapped) and none names them as the claim does: a paper that states both ("PKX inhibits
 * MRK2… In turn, MRK2 inhibits PKX") describes a mutual relation, which the claim's half does not
 * contradict.
 */
export function rolesSwapped(claim: SentenceReading, evidence: readonly SentenceReading[]): boolean {
  const ofClaim = roleReadingOf(claim);
  if (ofClaim.roles.length === 0 && ofClaim.parts.size < 4) return false;
  const ofEvidence = evidence.map(roleReadingOf);
  const related = (swapped: boolean) =>
    ofEvidence.some((e) =>
      ofClaim.roles.some((c) =>
        e.roles.some(
          (r) =>
            r.relation === c.relation &&
            r.subject === (swapped ? c.object : c.subject) &&
            r.object === (swapped ? c.subject : c.object),
        ),
      ),
    );
  return (related(true) && !related(false)) || partsSwapped(claim, evidence);
}

/** The terms a sentence's parallel parts pair, or none when it has no such parts (then partsSwapped is false). */
export function pairedTerms(claim: SentenceReading): readonly string[] {
  const { parts } = roleReadingOf(claim);
  return parts.size < 4 ? [] : [...parts.keys()];
}

/**
 * Whether an evidence sentence pairs the terms of the claim's two parallel parts the other way round
 * ("positive valence early, whereas negative valence late" against "negative valence early, whereas
 * positive valence late", in either order of the parts), and no sentence pairs a subject with its
 * term as the claim does (a paper that says both describes two settings). Whole sentences are read:
 * a part cut from its sentence pairs nothing.
 */
export function partsSwapped(claim: SentenceReading, evidence: readonly SentenceReading[]): boolean {
  const ofClaim = roleReadingOf(claim);
  if (ofClaim.parts.size < 4) return false;
  const ofEvidence = evidence.map(roleReadingOf);
  const swaps = ofEvidence.flatMap((e) => swappedPairings(ofClaim.parts, e.parts));
  return swaps.some((pairing) => !ofEvidence.some((e) => pairsAlike(e.parts, pairing)));
}
