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

/** Record collections, whose files live at content/<name>/<organisation>/<slug>.<ext>. */
export const RECORD_COLLECTIONS = [
  { name: 'roadmap', singular: 'roadmap item', label: 'Roadmap', extensions: ['.md'], schema: roadmapSchema },
  { name: 'principles', singular: 'design principle', label: 'Design principles', extensions: ['.md'], schema: principleSchema },
  { name: 'lessons', singular: 'lesson', label: 'Lessons learned', extensions: ['.md'], schema: lessonSchema },
  { name: 'datasets', singular: 'dataset', label: 'Open datasets', extensions: ['.yaml'], schema: datasetSchema },
  { name: 'components', singular: 'component', label: 'Reusable components', extensions: ['.yaml', '.md'], schema: componentSchema },
] as const satisfies readonly CollectionDefinition[];

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
