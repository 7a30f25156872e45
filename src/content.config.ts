/**
 * Astro collections, all loaded by hubLoader from the same validated load of content/ and typed by the
 * same zod schemas as the validator.
 */
import { defineCollection } from 'astro:content';
import { RECORD_COLLECTIONS } from '../schemas/collections.ts';
import { licenceSchema, organisationSchema, serviceSchema, synonymConcept, theme } from '../schemas/index.ts';
import { hubLoader } from './astro-loader/hub-loader.ts';

type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** Each record collection of the registry (schemas/collections.ts), under its own name, typed by its own schema. */
const recordCollections = Object.fromEntries(
  RECORD_COLLECTIONS.map(({ name, schema }) => [name, defineCollection({ loader: hubLoader(name), schema })]),
) as { [C in RecordCollection as C['name']]: { loader: ReturnType<typeof hubLoader>; schema: C['schema'] } };

export const collections = {
  organisations: defineCollection({ loader: hubLoader('organisations'), schema: organisationSchema }),
  ...recordCollections,
  themes: defineCollection({ loader: hubLoader('themes'), schema: theme.omit({ id: true }) }),
  synonyms: defineCollection({ loader: hubLoader('synonyms'), schema: synonymConcept.omit({ label: true }) }),
  services: defineCollection({ loader: hubLoader('services'), schema: serviceSchema }),
  licences: defineCollection({ loader: hubLoader('licences'), schema: licenceSchema }),
};
