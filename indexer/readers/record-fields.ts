// A raw record's keys as Paper fields: each key matched to its field through FIELD_ALIASES (the best-ranked
// non-blank alias wins, the others and unknown keys are metadata), and each field's value coerced and cleaned.
import { FIELD_ALIASES, type Paper } from '../paper.schema.ts';
import { splitAbstractBoilerplate } from './abstract-boilerplate.ts';
import { cleanText } from './clean-text.ts';
import { preprintServerOf } from './preprint-venue.ts';
import { publisherIsVenue } from './record-kind.ts';
import {
  type Coerced,
  coerceAffiliations,
  coerceDoi,
  coerceId,
  coerceNames,
  coerceTags,
  coerceText,
  coerceYear,
  isBlank,
} from './values.ts';

/** A field of a Paper. */
export type Field = keyof Paper;

const ALIASES = new Map<string, { field: Field; rank: number }>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, readonly string[]][]) {
  for (const [rank, alias] of aliases.entries()) ALIASES.set(alias.toLowerCase(), { field, rank });
}

const COERCERS: Partial<Record<Field, (value: unknown) => Coerced<unknown>>> = {
  id: coerceId,
  title: coerceText,
  abstract: coerceText,
  authors: coerceNames,
  affiliations: coerceAffiliations,
  year: coerceYear,
  venue: coerceText,
  url: coerceText,
  doi: coerceDoi,
  arxivId: coerceText,
  tags: coerceTags,
};

const NULLABLE_TEXT = new Set<Field>(['venue', 'url', 'doi', 'arxivId']);
/** Fields whose text is cleaned of HTML, JATS and LaTeX markup before it is stored (offsets refer to the clean text). */
const CLEANED = new Set<Field>(['title', 'abstract', 'venue']);

/**
 * A record's keys sorted out: the value `chosen` for each Paper field, the key it came from (`sourceKey`, so
 * a problem names what the user wrote), and the rest as `metadata`.
 */
export type MappedFields = {
  chosen: Map<Field, unknown>;
  sourceKey: Map<Field, string>;
  metadata: Record<string, unknown>;
};

/**
 * Matches a record's keys to Paper fields by FIELD_ALIASES, case-insensitively. Of two keys for one field the
 * non-blank one wins, then the one ranked first; the loser, unless blank, and every unknown key go to metadata.
 * A publisher is a venue only for a kind that appears inside nothing else (publisherIsVenue): a journal article's
 * or a conference paper's publisher stays metadata.
 */
export function mapFields(fields: Record<string, unknown>): MappedFields {
  const chosen = new Map<Field, unknown>();
  const sourceKey = new Map<Field, string>();
  const best = new Map<Field, { rank: number; blank: boolean }>();
  const metadata: Record<string, unknown> = {};
  const publisherVenue = publisherIsVenue(fields);
  for (const [key, value] of Object.entries(fields)) {
    // A "__proto__" key would rewrite the prototype of the metadata object instead of adding a field.
    if (value === undefined || key === '__proto__') continue;
    const lower = key.toLowerCase();
    const alias = lower === 'publisher' && !publisherVenue ? undefined : ALIASES.get(lower);
    if (!alias) {
      metadata[key] = value;
      continue;
    }
    const blank = isBlank(value);
    const current = best.get(alias.field);
    const wins = !current || (current.blank && !blank) || (current.blank === blank && alias.rank < current.rank);
    if (!wins) {
      if (!blank) metadata[key] = value;
      continue;
    }
    const loser = sourceKey.get(alias.field);
    const loserValue = chosen.get(alias.field);
    if (loser !== undefined && !isBlank(loserValue)) metadata[loser] = loserValue;
    chosen.set(alias.field, value);
    sourceKey.set(alias.field, key);
    best.set(alias.field, { rank: alias.rank, blank });
  }
  return { chosen, sourceKey, metadata };
}

/**
 * A field's value ready for the Paper (`undefined` when unknown) with the copyright line taken off an abstract,
 * or what is wrong with the value, `path` relative to the field.
 */
export type FieldValue =
  | { ok: true; value: unknown; copyright: string | null }
  | { ok: false; path: string; message: string };

/**
 * One field's value as the Paper stores it, or what is wrong with it; null for a field with no value of its
 * own (metadata) or a null value. Title, abstract and venue are cleaned of markup (LaTeX too unless the reader
 * cleaned it, `latex: false`); an abstract loses its database's boilerplate, its copyright line given apart; a
 * venue naming only a preprint server takes the server's one name (preprintServerOf); blank optional text is
 * `undefined`, unknown.
 */
export function coerceField(field: Field, value: unknown, options: { latex: boolean }): FieldValue | null {
  const coerce = COERCERS[field];
  if (!coerce || value === null) return null;
  const result = coerce(value);
  if (!result.ok) return result;
  let cleaned =
    CLEANED.has(field) && typeof result.value === 'string'
      ? cleanText(result.value, { latex: options.latex })
      : result.value;
  let copyright: string | null = null;
  if (field === 'abstract' && typeof cleaned === 'string') {
    // A database's placeholder, label or copyright line is not the paper's text; the copyright is kept apart.
    const parts = splitAbstractBoilerplate(cleaned);
    cleaned = parts.text;
    copyright = parts.copyright;
  }
  // "ArXiv", "arXiv e-prints", "CoRR" and the like are one venue, by whichever reader and exporter.
  if (field === 'venue' && typeof cleaned === 'string') cleaned = preprintServerOf(cleaned) ?? cleaned;
  // Blank optional text means "unknown": null, not an empty string.
  const unknown = NULLABLE_TEXT.has(field) && typeof cleaned === 'string' && cleaned.trim() === '';
  return { ok: true, value: unknown ? undefined : cleaned, copyright };
}
