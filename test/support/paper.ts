// A paper for tests that care about a few of its fields: the rest are empty, as a record that
// gave only those would be after validation.
import type { Paper } from '../../indexer/paper.schema.ts';

/** A valid Paper with `fields` set and every other field empty. */
export function paperWith(fields: Partial<Paper> = {}): Paper {
  return {
    id: 'p',
    title: 'T',
    abstract: '',
    authors: [],
    affiliations: [],
    year: null,
    venue: null,
    url: null,
    doi: null,
    arxivId: null,
    tags: [],
    metadata: {},
    ...fields,
  };
}
