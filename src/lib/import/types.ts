/**
 * What an importer makes of a document someone already publishes (a publiccode.yml, a CKAN package, a
 * DCAT catalogue): the records it would write, and what a person has to know or do about each. The
 * mapping functions are pure; scripts/import.ts checks the records with the validator and writes them.
 */

/** A theme as the importers need it: its id and its label, from content/vocabularies/themes.yaml. */
export interface ThemeTerm {
  id: string;
  label: string;
}

/** An organisation as the importers need it: to match names such as publiccode.yml's usedBy. */
export interface OrganisationName {
  id: string;
  name: string;
  official_name?: string;
  demonstration: boolean;
}

export interface ImportNote {
  /**
   * `blocker`: the record cannot be written as it stands (an unknown licence); `check`: it is written,
   * but a person should read or finish something (a shortened summary, a translation); `info`: worth
   * knowing, nothing to do (a suggestion for another file).
   */
  level: 'blocker' | 'check' | 'info';
  /** The record's field the note is about, if any, e.g. `summary`. */
  field?: string;
  /** Plain English: what happened, then what to do next. */
  message: string;
}

export interface PlannedRecord {
  collection: 'components' | 'datasets';
  slug: string;
  format: 'yaml' | 'markdown';
  /** The record's fields, in the order the schema lists them. */
  fields: Record<string, unknown>;
  /** The Markdown text of a .md record. */
  body?: string;
  /** What the record was made from, for messages, e.g. `"Bin collection days" (bin-collection-days)`. */
  source: string;
  /** Where it came from, for the comment at the top of the file, e.g. `publiccode.yml (version 0.4)`. */
  origin: string;
  /** Lines for the top of the file saying what a person must still do (translate the text, say). */
  todo: string[];
  notes: ImportNote[];
  /** Fields of the source that have no place in the record, e.g. `softwareVersion`. */
  notMapped: string[];
}

/** Thrown for input the importer cannot read at all: not JSON, not a publiccode.yml. The script exits 2. */
export class ImportInputError extends Error {}

export function blocker(message: string, field?: string): ImportNote {
  return { level: 'blocker', message, ...(field ? { field } : {}) };
}

export function check(message: string, field?: string): ImportNote {
  return { level: 'check', message, ...(field ? { field } : {}) };
}

export function info(message: string, field?: string): ImportNote {
  return { level: 'info', message, ...(field ? { field } : {}) };
}

/** The placeholder `npm run new` writes, which the validator warns about until it is replaced. */
export { PLACEHOLDER } from '../validation/record-checks.ts';

/** A landing page to stand in when the source has none: valid, and flagged by the validator until replaced. */
export const PLACEHOLDER_URL = 'https://www.example.gov.uk/REPLACE-THIS-with-the-dataset-page';
