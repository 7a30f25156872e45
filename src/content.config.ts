/**
 * Astro collections, all loaded by hubLoader from the same validated load of content/ and typed by the
 * same zod schemas as the validator.
 */
import { defineCollection } from 'astro:content';
import {
  componentSchema,
  datasetSchema,
  lessonSchema,
  licenceSchema,
  organisationSchema,
  principleSchema,
  roadmapSchema,
  serviceSchema,
  synonymConcept,
  theme,
} from '../schemas/index.ts';
import { hubLoader } from './astro-loader/hub-loader.ts';

export const collections = {
  organisations: defineCollection({ loader: hubLoader('organisations'), schema: organisationSchema }),
  roadmap: defineCollection({ loader: hubLoader('roadmap'), schema: roadmapSchema }),
  principles: defineCollection({ loader: hubLoader('principles'), schema: principleSchema }),
  lessons: defineCollection({ loader: hubLoader('lessons'), schema: lessonSchema }),
  datasets: defineCollection({ loader: hubLoader('datasets'), schema: datasetSchema }),
  components: defineCollection({ loader: hubLoader('components'), schema: componentSchema }),
  themes: defineCollection({ loader: hubLoader('themes'), schema: theme.omit({ id: true }) }),
  synonyms: defineCollection({ loader: hubLoader('synonyms'), schema: synonymConcept.omit({ label: true }) }),
  services: defineCollection({ loader: hubLoader('services'), schema: serviceSchema }),
  licences: defineCollection({ loader: hubLoader('licences'), schema: licenceSchema }),
};
