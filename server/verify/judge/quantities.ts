// Quantities a claim or evidence sentence states, as intervals that can be compared: "exceed 10%"
// is (0.1, ∞), "usually less than 1%" is (−∞, 0.01), "1 in 5 million" is 2e-7 and "493 per
// million" is 4.93e-4 (shares and rates share one unit, the fraction).

import { terms } from '../../../indexer/text/analyze.ts';
import { numberWordValue, SCALE_WORDS, UNIT_WORDS } from '../number-words.ts';

/**
 * One stated quantity: a unit ('fraction' for shares and rates, 'fold', 'money USD', 'count pariti
 * bit' for a two-word count, else the unit word after the number) and its interval; for a multiple,
 * which way it goes when the sentence says so ("14x lower": −1, "raises throughput by 2-10x": +1).
 */
export type Quantity = {
  unit: string;
  low: number;
  high: number;
  text: string;
  direction?: -1 | 1;
  /** For a directed multiple: the terms of what it measures ("lower memory use": memori, us). */
  measured?: string[];
  /** For a directed multiple: the first term of the side it is set against ("than vLLM"). */
  than?: string;
  /** For a directed multiple: the terms before it in its clause (its subject). */
  before?: string[];
};

// Small numbers written as words count too: "one in five", "two in three" (up to ten, and twenty).
const NUMBER_WORDS = [...Object.keys(UNIT_WORDS).filter((word) => UNIT_WORDS[word]! <= 10), 'twenty'];
const NUMBER = String.raw`(?:\d+(?:[.,]\d+)*|${NUMBER_WORDS.join('|')})`;
const SCALE_WORD = String.raw`(?:\s+(${Object.keys(SCALE_WORDS).join('|')}))?`;
const ABOVE = String.raw`exceed(?:s|ed|ing)?|more\s+than|greater\s+than|higher\s+than|over|above|at\s+least|>=?|≥`;
const BELOW = String.raw`less\s+than|fewer\s+than|lower\s+than|below|under|at\s+most|up\s+to|<=?|≤`;

// The upper end of a range, "10–20%", "2-10x", "3 to 5 mg": its unit follows it and holds for both ends.
const RANGE_END = String.raw`(?:\s*[-–—]\s*|\s+to\s+)(\d+(?:[.,]\d+)*)`;
// A multiple written on the number: "52x", "3×", "3-fold", "2-10x".
const FOLD = String.raw`(?:[x×]|-?fold)(?![\p{L}\p{N}])`;

// "1 in 5 million", "493 per million", "3 per 100,000", "12%", "12 percent", "40 mg", "52x", with an
// optional comparison before it and an optional range end after it.
const QUANTITY = new RegExp(
  String.raw`(?:\b(${ABOVE}|${BELOW})\s+)?(?<![\p{L}\p{N}\-–./])(${NUMBER})(?:${RANGE_END})?${SCALE_WORD}` +
    String.raw`(?:\s*(%|percent\b)|(${FOLD})|\s+(?:in|per|out\s+of)\s+(?:(${NUMBER})${SCALE_WORD}|(hundred|thousand|million|billion))\b|\s+([\p{L}]{1,12})\b)?`,
  'giu',
);

// Words of measure that make a number a quantity ("40 mg", "26 weeks", "3-fold"); any other word
// after a number names what is counted or is part of a name ("12 patients", "type 2 diabetes",
// "transglutaminase 2 are"), and such numbers are not compared.
const UNITS = new Set(
  (
    'mg g kg µg ug mcg ng pg ml l dl µl ul mmol µmol umol nmol mol mm cm m km µm um nm kda da iu u ' +
    'mmhg kpa pa hz khz mhz ghz kcal cal j kj w kw mw v mv mev kev ev gy sv bq k ppm ppb ' +
    'second minute hour day week month year decade fold time bp kb mb gb tb'
  ).split(' '),
);

/** Whether a word names a unit of measure ("years", "mg", "hours"), singular or plural. */
export function isUnitWord(word: string): boolean {
  return UNITS.has(word.toLowerCase().replace(/s$/u, ''));
}

// A currency sign or code written just before a number.
const CURRENCY = /(US\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?)$/u;
const CURRENCY_OF: Record<string, string> = { US$: 'USD', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

function numberOf(text: string): number {
  const word = numberWordValue(text);
  if (word !== undefined) return word;
  const grouped = /^\d{1,3}(,\d{3})+$/.test(text);
  return Number(grouped ? text.replaceAll(',', '') : text.replace(',', '.'));
}

// Units of time that a number written as a word measures ("ten years", "two weeks"); not "one",
// which is mostly no count ("one day", "at one time"), nor after "every", which says how often
// ("every three days").
const SPAN_OF_TIME = /^(?:second|minute|hour|day|week|month|year|decade)s?$/iu;
const EVERY_BEFORE = /\bevery\s+$/iu;
const measuredBy = (numberText: string, unitWord: string, before: string) =>
  /\d/u.test(numberText) ||
  (SPAN_OF_TIME.test(unitWord) && numberText.toLowerCase() !== 'one' && !EVERY_BEFORE.test(before));

const IS_ABOVE = new RegExp(`^(?:${ABOVE})$`, 'iu');

const scaled = (value: number, word: string | undefined) => value * (word ? (SCALE_WORDS[word.toLowerCase()] ?? 1) : 1);

/** Every quantity in a text that has a unit, or counts a two-word thing (bare numbers such as years, and other counts, are left out). */
export function quantitiesOf(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const [
      whole,
      comparison,
      numberText,
      rangeEnd,
      scaleWord,
      percent,
      fold,
      perNumber,
      perScale,
      perOnlyScale,
      written,
    ] = match;
    // "64 or more bit errors", "5% or less": an open end written after the number, read like "at least".
    let rest = text.slice(match.index + whole!.length);
    let unitWord = written;
    let openEnd: 'above' | 'below' | null = null;
    const orMore = OPEN_END.exec(written?.toLowerCase() === 'or' ? ` or${rest}` : rest);
    if (orMore && !comparison) {
      openEnd = ABOVE_WORDS.has(orMore[1]!.toLowerCase()) ? 'above' : 'below';
      if (written?.toLowerCase() === 'or') {
        unitWord = orMore[2];
        rest = rest.slice(orMore[0].length - 3);
      }
    }
    let value = scaled(numberOf(numberText!), scaleWord);
    let upper = rangeEnd === undefined ? value : scaled(numberOf(rangeEnd), scaleWord);
    let unit: string;
    if (percent) {
      unit = 'fraction';
      value /= 100;
      upper /= 100;
    } else if (fold && (/\d/u.test(numberText!) || /fold$/iu.test(fold))) {
      // "3-fold", "52x", and a multiple in words ("twofold", "three-fold"; not "two x").
      unit = 'fold';
    } else if (rangeEnd !== undefined && !unitWord) {
      // A range without a unit ("2-10 patients", "1990–2000") is no quantity.
      continue;
    } else if (perNumber || perOnlyScale) {
      const denominator = perNumber ? scaled(numberOf(perNumber), perScale) : SCALE_WORDS[perOnlyScale!.toLowerCase()]!;
      if (!(denominator > 0)) continue;
      unit = 'fraction';
      value /= denominator;
      upper /= denominator;
    } else if (
      unitWord &&
      UNITS.has(unitWord.toLowerCase().replace(/s$/u, '')) &&
      measuredBy(numberText!, unitWord, text.slice(Math.max(0, match.index - 8), match.index))
    ) {
      // "40 mg" is a quantity; "five mice" is a count (numbers in words only count as shares and rates,
      // and as spans of time: "more than ten years").
      unit = unitWord.toLowerCase().replace(/s$/u, '');
      if (unit === 'time') unit = 'fold';
    } else {
      // "$5 billion", "€750 million": money, in the currency its sign names.
      const sign = CURRENCY.exec(text.slice(Math.max(0, match.index - 4), match.index + whole!.indexOf(numberText!)));
      const counted = sign || !unitWord || rangeEnd !== undefined ? null : countedPhrase(unitWord, rest, numberText!);
      if (counted) unit = counted;
      else {
        if (!sign || !/\d/u.test(numberText!)) continue;
        const code = sign[1]!.replace(/\s/gu, '').toUpperCase();
        unit = `money ${CURRENCY_OF[code] ?? code}`;
      }
    }
    if (!Number.isFinite(value) || !Number.isFinite(upper) || upper < value) continue;
    // A single value stands for the values near it ("about 80%"); a range states its own spread.
    const slack = rangeEnd === undefined ? 0.1 : 0;
    let low = value * (1 - slack);
    let high = upper * (1 + slack);
    if (comparison) {
      if (IS_ABOVE.test(comparison.replace(/\s+/gu, ' '))) [low, high] = [value, Infinity];
      else [low, high] = [-Infinity, upper];
    } else if (openEnd) [low, high] = openEnd === 'above' ? [value, Infinity] : [-Infinity, upper];
    // The text as written, with an open end and a counted phrase's words ("64 or more bit errors").
    const after = text.slice(match.index + whole!.length, text.length - rest.length);
    const counted = unit.startsWith('count ') ? (COUNTED_TAIL.exec(rest)?.[0] ?? '') : '';
    const direction = unit === 'fold' ? foldDirection(text.slice(0, match.index), rest) : undefined;
    const extra = direction ? { direction, ...measuredOf(text.slice(0, match.index), rest) } : {};
    found.push({ unit, low, high, text: `${whole}${after}${counted}`.trim(), ...extra });
  }
  return found;
}

// Which way a multiple goes: the word after it ("14x lower memory use", "a 3-fold increase"), or a
// verb of change before its "by" ("raises throughput by 2-10x", "reduces memory use by 14x").
const FOLD_UP =
  /^(?:higher|greater|more|larger|bigger|faster|increase[sd]?|increasing|rise|gain|improvement|boost|speed-?up)$/iu;
const FOLD_DOWN = /^(?:lower|less|fewer|smaller|slower|decrease[sd]?|decreasing|reduction|reduced|drop|decline|cut)$/iu;
const WORD_AFTER = /^\s*(\p{L}+(?:-\p{L}+)?)/u;
// The nearest verb of change before the "by" wins ("lowers memory use by 5x and speeds up decoding by
// 3x"); whole word forms only, so "risk" is no "rise". `head`: the text before the verb; `object`:
// the words it changes ("memory use"), none when the verb says how its subject changed ("risk fell").
const CHANGE_BEFORE_BY =
  /^(?<head>.*)\b(?:(?<up>increas\p{L}*|rais\p{L}*|rise[sn]?|rising|rose|boost\p{L}*|improv\p{L}*|grow\p{L}*|grew|speeds?\s+up|sped\s+up)|(?<down>reduc\p{L}*|decreas\p{L}*|lower(?:s|ed|ing)?|cut(?:s|ting)?|drop(?:s|ped|ping)?|fall(?:s|en|ing)?|fell|declin\p{L}*|shrink\p{L}*|shrank))(?<object>(?:\s+[\p{L}\p{N}-]+){0,4})\s+by\s+$/isu;
// The direction word after a multiple and up to two words it qualifies, short of the side it is set against.
const MEASURED_AFTER = /^\s*(\p{L}+(?:-\p{L}+)?)((?:\s+(?!than\b|compared\b|over\b|relative\b)[\p{L}-]+){0,2})/u;
// "3x faster decoding" measures decoding speed, as "reduces decoding speed by 3x" does.
const SPEED_WORD = /^(?:faster|slower|quicker)$/iu;
const THAN_SIDE = /\b(?:than|over|compared\s+(?:with|to))\s+((?:the\s+|a\s+)?[\p{L}\p{N}-]+)/iu;
// Where the clause a multiple stands in starts, and a side set against something before it in the
// clause ("achieves a 7x speedup over dense attention and uses 4x fewer FLOPs"): not its subject.
const CLAUSE_BREAK = /[,;:.]|\b(?:but|while|whereas)\b/iu;
const SIDE_BEFORE =
  /\b(?:than|over|compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+|a\s+)?[\p{L}\p{N}-]+(?:\s+[\p{L}\p{N}-]+)?/giu;

// The subject's last terms a verb without an object measures ("the risk of death fell by 3-fold").
const SUBJECT_TERMS = 3;

// What a directed multiple measures, the side it is set against and its clause's terms before it.
function measuredOf(before: string, after: string): Pick<Quantity, 'measured' | 'than' | 'before'> {
  const next = MEASURED_AFTER.exec(after);
  const directed = next !== null && (FOLD_UP.test(next[1]!) || FOLD_DOWN.test(next[1]!));
  const change = directed ? null : CHANGE_BEFORE_BY.exec(before.slice(-80));
  const object = change ? terms(change.groups!.object!) : [];
  const measured = !change
    ? terms(`${SPEED_WORD.test(next?.[1] ?? '') ? 'speed' : ''} ${next?.[2] ?? ''}`)
    : object.length > 0
      ? object
      : terms(change.groups!.head!.split(CLAUSE_BREAK).pop() ?? '').slice(-SUBJECT_TERMS);
  const than = THAN_SIDE.exec(after)?.[1];
  const thanTerm = than ? terms(than)[0] : undefined;
  return {
    measured,
    ...(thanTerm ? { than: thanTerm } : {}),
    before: terms((before.split(CLAUSE_BREAK).pop() ?? '').replace(SIDE_BEFORE, ' ')),
  };
}

function foldDirection(before: string, after: string): -1 | 1 | undefined {
  const next = WORD_AFTER.exec(after)?.[1] ?? '';
  if (FOLD_UP.test(next)) return 1;
  if (FOLD_DOWN.test(next)) return -1;
  const change = CHANGE_BEFORE_BY.exec(before.slice(-80));
  if (!change) return undefined;
  return change.groups!.up ? 1 : -1;
}

// The open end after a number or its unit, and the word after it when the unit follows ("or more bit").
const OPEN_END = /^\s+or\s+(more|greater|higher|above|over|less|fewer|lower|below|under)\b(?:\s+(\p{L}{1,12})\b)?/iu;
const ABOVE_WORDS = new Set(['more', 'greater', 'higher', 'above', 'over']);
const NOT_COUNTED = /^(?:more|fewer|less|higher|lower|greater|additional|extra|other|times?|or|and|to)$/iu;
const YEAR = /^(?:1[89]|20)\d\d$/u;
const PLURAL = /(?:[^su]s|ies)$/iu;
// The word after a counted noun's first word ("16 parity bits": "bits").
const NEXT_WORD = /^\s+(\p{L}{2,})\b/u;

/**
 * What a number counts when two content words name it ("16 parity bits", "64 bit errors"): a unit
 * "count parity bit" that only the same two words match. One word is too little to go on ("12
 * patients" of a subgroup against "500 patients" of the whole trial).
 */
function countedPhrase(first: string, after: string, number: string): string | null {
  // Numbers in words are too often not counts ("one of the"); a unit word or a comparative after
  // the number ("three weeks earlier", "36,000 fewer people") says something else.
  if (!/\d/u.test(number) || YEAR.test(number) || UNITS.has(first.toLowerCase().replace(/s$/u, ''))) return null;
  if (NOT_COUNTED.test(first)) return null;
  // A hyphenated modifier is one word of the phrase: "27 French-language datasets".
  const joined = HYPHENATED.exec(after);
  const modifier = joined ? `${first}-${joined[1]}` : first;
  const second = NEXT_WORD.exec(joined ? after.slice(joined[0].length) : after)?.[1];
  // A noun and its plural head, "parity bits", "bit errors"; not "patients relapsed", "we saw".
  if (second === undefined || PLURAL.test(modifier) || !PLURAL.test(second)) return null;
  const counted = terms(`${modifier} ${second}`);
  return counted.length === (joined ? 3 : 2) ? `count ${counted.join(' ')}` : null;
}
const HYPHENATED = /^-(\p{L}{2,})\b/u;
// What a counted phrase's text goes on with after its first word: "-language datasets", " errors".
const COUNTED_TAIL = /^(?:-\p{L}{2,})?\s+\p{L}{2,}\b/u;

// One measure names the other's terms, or all of them ("more memory" and "lower memory use").
function sameMeasure(a: readonly string[] = [], b: readonly string[] = []): boolean {
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.length > 0 && fewer.every((t) => more.includes(t));
}

// Whether two multiples of one thing go opposite ways ("14x lower memory use" against "increases
// memory use by 14x"); set against each other's subject ("vLLM uses 5x more memory than Kite" against
// "Kite … 5x lower memory use than vLLM"), the same way is the opposite. Multiples of different
// things ("cuts latency by 3x", "3x faster") are not compared.
const opposite = (a: Quantity, b: Quantity) => {
  if (a.direction === undefined || b.direction === undefined || !sameMeasure(a.measured, b.measured)) return false;
  const against = (x: Quantity, y: Quantity) => x.than !== undefined && (y.before ?? []).includes(x.than);
  return against(a, b) || against(b, a) ? a.direction === b.direction : a.direction === -b.direction;
};

const ONLY_SHARE = /\bonly\s+(?:about\s+|around\s+|roughly\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent\b)/iu;

/**
 * Whether the claim states, as a share of its own, the share the evidence says "only" of ("only 40%
 * of patients" against "every patient received it, and 40% reported …"): then "only" is no part set
 * against the claim's "every".
 */
export function statesOnlyShare(claim: readonly Quantity[], evidenceText: string): boolean {
  const share = ONLY_SHARE.exec(evidenceText);
  if (!share) return false;
  const fraction = Number(share[1]) / 100;
  return claim.some((q) => q.unit === 'fraction' && q.low <= fraction && fraction <= q.high);
}

/**
 * How the claim's quantities fare in the evidence: `agree` when one of them overlaps an evidence
 * quantity of the same unit going the same way, `conflict` when the evidence states that unit but
 * never a value the claim allows, or the value only going the other way.
 */
export function compareQuantities(
  claim: readonly Quantity[],
  evidence: readonly Quantity[],
): { agree: boolean; conflict: boolean } {
  let agree = false;
  let conflict = false;
  for (const wanted of claim) {
    const sameUnit = evidence.filter((q) => q.unit === wanted.unit);
    if (sameUnit.length === 0) continue;
    if (sameUnit.some((q) => q.low <= wanted.high && wanted.low <= q.high && !opposite(wanted, q))) agree = true;
    else conflict = true;
  }
  return { agree, conflict };
}
