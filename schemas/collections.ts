/**
 * The record collections: where each lives, which file types it takes, and its schema. Everything that
 * walks content (validator, Astro content config, scaffolding, JSON Schema generation) reads this list,
 * so a new collection is added here once.
 */
import type { z } from 'zod';
import { componentSchema } from './component.ts';
import { datasetSchema } from './dataset.ts';
import { lessonSchema } from './lesson.ts';
import { organisationSchema } from './organisation.ts';
import { principleSchema } from './principle.ts';
import { roadmapSchema } from './roadmap.ts';

export interface CollectionDefinition {
  /** The folder under content/ and the first part of every record id. */
  name: string;
  /** How one record is named in messages, e.g. "roadmap item". */
  singular: string;
  /** How the collection is named in headings, e.g. "Roadmap". */
  label: string;
  /** File extensions a record may have, with the dot. The first is the one `npm run new` writes. */
  extensions: readonly string[];
  schema: z.ZodObject;
}

/**
 * What a list of records can be filtered by: a roadmap item's status, its organisation's type and nation,
 * its services and its themes. Each is also a reserved word in record ids (src/lib/content-files/files.ts).
 */
export const RECORD_FILTERS = ['status', 'type', 'nation', 'service', 'theme'] as const;
export type RecordFilter = (typeof RECORD_FILTERS)[number];

/** A record collection: what its pages, lists, feeds and form need besides its schema. */
export interface RecordCollectionDefinition extends CollectionDefinition {
  /** How the site's navigation names it, e.g. "Roadmaps". */
  navLabel: string;
  /** The filters its lists offer, in order: only fields its records have (principles name no services). */
  filters: readonly RecordFilter[];
  /** Date fields read in order when git does not know when a record changed (feeds, sitemap). */
  dateFields: readonly string[];
  /** Date fields that say when a record was first published (feeds). */
  publishedFields: readonly string[];
  /** What to write in the Markdown text, on the form and the issue form ('' for a collection without text). */
  bodyHint: string;
}

/** Record collections, whose files live at content/<name>/<organisation>/<slug>.<ext>. */
export const RECORD_COLLECTIONS = [
  {
    name: 'roadmap',
    singular: 'roadmap item',
    label: 'Roadmap',
    navLabel: 'Roadmaps',
    extensions: ['.md'],
    schema: roadmapSchema,
    filters: ['status', 'type', 'nation', 'service', 'theme'],
    dateFields: ['end', 'start'],
    publishedFields: [],
    bodyHint:
      'The story of the work: what you are doing and for whom, why (the problem and ' +
      'the evidence), where it has got to, and what you would welcome from others.',
  },
  {
    name: 'principles',
    singular: 'design principle',
    label: 'Design principles',
    navLabel: 'Principles',
    extensions: ['.md'],
    schema: principleSchema,
    filters: ['type', 'nation', 'theme'],
    dateFields: [],
    publishedFields: [],
    bodyHint: 'What the principle means in practice, with an example of a decision it changed.',
  },
  {
    name: 'lessons',
    singular: 'lesson',
    label: 'Lessons learned',
    navLabel: 'Lessons',
    extensions: ['.md'],
    schema: lessonSchema,
    filters: ['type', 'nation', 'service', 'theme'],
    dateFields: ['date'],
    publishedFields: ['date'],
    bodyHint:
      'What you tried and why, what happened (what worked, what did not, and the evidence), and ' +
      'what you would do differently. Lessons from things that did not work are the most valuable.',
  },
  {
    name: 'datasets',
    singular: 'dataset',
    label: 'Open datasets',
    navLabel: 'Datasets',
    extensions: ['.yaml'],
    schema: datasetSchema,
    filters: ['type', 'nation', 'service', 'theme'],
    dateFields: ['modified', 'issued'],
    publishedFields: ['issued'],
    bodyHint: '',
  },
  {
    name: 'components',
    singular: 'component',
    label: 'Reusable components',
    navLabel: 'Components',
    extensions: ['.yaml', '.md'],
    schema: componentSchema,
    filters: ['type', 'nation', 'service', 'theme'],
    dateFields: [],
    publishedFields: [],
    bodyHint:
      'Optional: what it does, who it is for, how to start using it and what it needs ' +
      'to run. With text, the file is saved as Markdown (.md); without, as YAML (.yaml).',
  },
] as const satisfies readonly RecordCollectionDefinition[];

/** One value for each record collection, from its definition. */
export function byCollection<T>(value: (collection: (typeof RECORD_COLLECTIONS)[number]) => T): Record<RecordCollectionName, T> {
  return Object.fromEntries(RECORD_COLLECTIONS.map((collection) => [collection.name, value(collection)])) as Record<
    RecordCollectionName,
    T
  >;
}

export type RecordCollectionName = (typeof RECORD_COLLECTIONS)[number]['name'];

/** Organisations live at content/organisations/<id>.yaml: one level, no organisation folder. */
export const ORGANISATIONS = {
  name: 'organisations',
  singular: 'organisation',
  label: 'Organisations',
  extensions: ['.yaml'],
  schema: organisationSchema,
} as const satisfies CollectionDefinition;

export const RECORD_COLLECTION_NAMES: readonly RecordCollectionName[] = RECORD_COLLECTIONS.map((collection) => collection.name);

export function recordCollection(name: string) {
  return RECORD_COLLECTIONS.find((collection) => collection.name === name);
}
