// Finds the citations in a text, with their exact spans: numeric ([1], [1, 3], [2–4]), author–year
// ((Lin et al., 2026), Lin and Chen (2025)), arXiv ids, DOIs and bracketed paper ids ([paper-id], [@key]).

/** What a citation points at, before it is resolved to a paper. */
export type CitationTarget =
  | { kind: 'numeric'; n: number }
  | { kind: 'author-year'; surname: string; year: string; etAl: boolean }
  | { kind: 'arxiv'; arxivId: string }
  | { kind: 'doi'; doi: string }
  /** A bracketed paper id or citation key; `explicit` when written [@key], so it is surely a citation. */
  | { kind: 'key'; key: string; explicit: boolean };

/** One cited item: a group like "[1, 3]" gives two, each with the span of its group. */
export type ParsedCitation = {
  /** The item as a reader would name it: "[3]", "Lin et al., 2026", "arXiv:2401.01234", a DOI. */
  marker: string;
  target: CitationTarget;
  /** Span of the whole citation group in the text. */
  start: number;
  end: number;
};

const DASH = '[-–—]';
const NUMERIC_GROUP = new RegExp(
  `^\\s*\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?(?:\\s*[,;]\\s*\\d{1,4}(?:\\s*${DASH}\\s*\\d{1,4})?)*\\s*$`,
  'u',
);
/** Longest numeric range expanded ([1–500] is a typo or a table, not 500 citations). */
const MAX_RANGE = 50;

const ARXIV_NEW = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}(?:v\d+)?)$/iu;
const ARXIV_OLD = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)([a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)$/iu;
const DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/iu;
const KEY = /^@?([A-Za-z][\w:./-]*[\w])$/u;

const PARTICLES = '(?:(?:van|von|de|der|den|del|della|di|da|du|la|le|dos|das|ter|ten|bin|al)\\s+)*';
const SURNAME = `${PARTICLES}\\p{Lu}[\\p{L}'’-]+`;
const YEARS = '\\d{4}[a-z]?(?:\\s*,\\s*\\d{4}[a-z]?)*';
const AUTHOR_YEAR = new RegExp(
  `^(?:(?:see|e\\.g\\.|cf\\.|also|but see)[,]?\\s+)*(${SURNAME})((?:\\s+et\\s+al\\.?)|(?:\\s*(?:,|and|&)\\s*${SURNAME})*)\\s*,?\\s+(${YEARS})$`,
  'u',
);
const NARRATIVE = new RegExp(
  `(${SURNAME})((?:\\s+et\\s+al\\.?)|(?:\\s+(?:and|&)\\s+${SURNAME}))?\\s+\\((${YEARS})\\)`,
  'gu',
);
// Capitalized words before a year that are not authors: "(January 2012)", "Table (2020)".
const NOT_SURNAMES = new Set(
  'january february march april may june july august september october november december spring summer autumn fall winter table figure fig section chapter appendix eq equation since in from until before after during by circa year version'.split(
    ' ',
  ),
);
const BARE_ARXIV =
  /(?:\barxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)/giu;
const BARE_DOI = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"'<>\])]+)/giu;

/** A DOI without the punctuation that ends the sentence around it. */
export function cleanDoi(doi: string): string {
  return doi.replace(/[.,;:]+$/u, '').toLowerCase();
}

function expandNumeric(inner: string): number[] {
  const numbers: number[] = [];
  for (const part of inner.split(/[,;]/u)) {
    const range = part.split(new RegExp(DASH, 'u')).map((s) => Number.parseInt(s.trim(), 10));
    const [from, to] = [range[0]!, range[1] ?? range[0]!];
    if (to >= from && to - from < MAX_RANGE) for (let n = from; n <= to; n++) numbers.push(n);
    else numbers.push(from, to);
  }
  return [...new Set(numbers)];
}

function identifierTarget(item: string): CitationTarget | undefined {
  const arxiv = ARXIV_NEW.exec(item) ?? ARXIV_OLD.exec(item);
  if (arxiv) return { kind: 'arxiv', arxivId: arxiv[1]!.toLowerCase() };
  const doi = DOI.exec(item);
  if (doi) return { kind: 'doi', doi: cleanDoi(doi[1]!) };
  return undefined;
}

type Item = { target: CitationTarget; item: string };

function authorYearItems(part: string): Item[] | undefined {
  const match = AUTHOR_YEAR.exec(part);
  if (!match) return undefined;
  const surname = match[1]!.trim();
  if (NOT_SURNAMES.has(surname.toLowerCase())) return undefined;
  const etAl = /et\s+al/u.test(match[2] ?? '');
  const authors = part.slice(0, part.length - match[3]!.length).replace(/[\s,]+$/u, '');
  // "(Lin et al., 2020, 2021)" cites two papers by the same authors.
  return match[3]!.split(/\s*,\s*/u).map((year) => ({
    target: { kind: 'author-year', surname, year, etAl },
    item: `${authors.replace(/^(?:(?:see|e\.g\.|cf\.|also|but see)[,]?\s+)*/u, '')}, ${year}`,
  }));
}

function markerOf(target: CitationTarget, item: string): string {
  switch (target.kind) {
    case 'numeric':
      return `[${target.n}]`;
    case 'arxiv':
      return `arXiv:${target.arxivId}`;
    case 'doi':
      return target.doi;
    case 'key':
      return `[${target.key}]`;
    case 'author-year':
      return item;
  }
}

function singleItem(part: string, brackets: boolean): Item | undefined {
  const target = identifierTarget(part);
  if (target) return { target, item: part };
  const key = brackets ? KEY.exec(part) : null;
  return key ? { target: { kind: 'key', key: key[1]!, explicit: part.startsWith('@') }, item: part } : undefined;
}

// Items of a bracket or parenthesis group; undefined when the group is not (only) citations.
function groupTargets(inner: string, brackets: boolean): Item[] | undefined {
  if (brackets && NUMERIC_GROUP.test(inner)) {
    return expandNumeric(inner).map((n) => ({ target: { kind: 'numeric', n }, item: String(n) }));
  }
  const found: Item[] = [];
  for (const raw of inner.split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const whole = singleItem(part, brackets) ?? authorYearItems(part);
    if (whole) {
      found.push(...(Array.isArray(whole) ? whole : [whole]));
      continue;
    }
    const pieces = part.split(',').map((p) => p.trim());
    const items = pieces.map((piece) => singleItem(piece, brackets));
    if (items.some((item) => !item)) return undefined;
    found.push(...(items as Item[]));
  }
  return found.length > 0 ? found : undefined;
}

/** Every citation in a text, in order of position. */
export function parseCitations(text: string): ParsedCitation[] {
  const citations: ParsedCitation[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (start: number, end: number, targets: Item[]) => {
    taken.push([start, end]);
    for (const { target, item } of targets) citations.push({ marker: markerOf(target, item), target, start, end });
  };

  for (const match of text.matchAll(/\[([^[\]\n]{1,300})\]/gu)) {
    // A Markdown link text "[label](url)" is not a citation.
    if (text[match.index + match[0].length] === '(') continue;
    const targets = groupTargets(match[1]!, true);
    if (targets) add(match.index, match.index + match[0].length, targets);
  }
  for (const match of text.matchAll(NARRATIVE)) {
    const [whole, surname, joined, years] = match;
    const start = match.index;
    if (!free(start, start + whole.length) || NOT_SURNAMES.has(surname!.toLowerCase())) continue;
    const etAl = /et\s+al/u.test(joined ?? '');
    add(
      start,
      start + whole.length,
      years!.split(/\s*,\s*/u).map((year) => ({
        target: { kind: 'author-year', surname: surname!, year, etAl },
        item: `${surname}${joined ?? ''}, ${year}`,
      })),
    );
  }
  for (const match of text.matchAll(/\(([^()\n]{1,300})\)/gu)) {
    if (!free(match.index, match.index + match[0].length)) continue;
    const targets = groupTargets(match[1]!, false);
    if (targets) add(match.index, match.index + match[0].length, targets);
  }
  for (const pattern of [BARE_ARXIV, BARE_DOI]) {
    for (const match of text.matchAll(pattern)) {
      const raw = match[0].replace(/[.,;:]+$/u, '');
      const start = match.index;
      if (!free(start, start + raw.length)) continue;
      const id = match[1]!.replace(/[.,;:]+$/u, '');
      const target: CitationTarget =
        pattern === BARE_ARXIV ? { kind: 'arxiv', arxivId: id.toLowerCase() } : { kind: 'doi', doi: cleanDoi(id) };
      add(start, start + raw.length, [{ target, item: raw }]);
    }
  }
  return citations.sort((a, b) => a.start - b.start);
}
