/**
 * The shape of loaded content. Record data types come from the schemas (z.infer), looked up by collection.
 */
import type { z } from 'zod';
import type { RECORD_COLLECTIONS, RecordCollectionName } from '../../../schemas/collections.ts';
import type { Organisation } from '../../../schemas/organisation.ts';
import type { SynonymConcept, Theme } from '../../../schemas/vocabulary.ts';

/** The validated fields of a record in collection C. */
export type RecordData<C extends RecordCollectionName> = z.infer<Extract<(typeof RECORD_COLLECTIONS)[number], { name: C }>['schema']>;

interface RecordOf<C extends RecordCollectionName> {
  collection: C;
  /** The organisation id, from the record's folder. */
  organisation: string;
  /** The slug, from the record's file name. */
  slug: string;
  /** `<collection>/<organisation>/<slug>`: permanent, and the path of its page. */
  id: string;
  /** The file, relative to the content folder's parent. */
  file: string;
  data: RecordData<C>;
  /** The Markdown below the front matter, for .md records. */
  body?: string;
}

/** A record of any collection; narrowing on `collection` narrows `data`. */
export type ContentRecord = { [C in RecordCollectionName]: RecordOf<C> }[RecordCollectionName];

/** What the site adds to a validated record (src/hub/hub.ts): its body as written and as sanitised HTML, and its file from the project. */
interface ShownRecord {
  /** The Markdown body as written ('' for YAML records): what text similarity reads. */
  body: string;
  /** The Markdown body as sanitised HTML ('' for YAML records). */
  html: string;
  /** The source file, relative to the project (where "edit this page" points). */
  filePath: string;
}

/** A record as the site shows it: the same record the validator passed, with what the pages need. */
export type HubRecord = { [C in RecordCollectionName]: RecordOf<C> & ShownRecord }[RecordCollectionName];

export interface OrganisationEntry {
  id: string;
  file: string;
  data: Organisation;
}

export interface HubContent {
  organisations: OrganisationEntry[];
  records: ContentRecord[];
  themes: Theme[];
  /** The synonym vocabulary: empty when content/vocabularies/synonyms.yaml is absent. */
  synonyms: SynonymConcept[];
}

/** Just a record's collection and its typed fields: what pure functions about one record need. */
export type TypedRecord = { [C in RecordCollectionName]: { collection: C; data: RecordData<C> } }[RecordCollectionName];
