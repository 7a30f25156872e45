/** One collection of every record (Markdown and YAML) and one of organisations, each with one small schema. */
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';

const content = process.env.BASELINE_CONTENT_DIR || '../../content';

export const collections = {
  records: defineCollection({
    loader: glob({ base: content, pattern: '{roadmap,principles,lessons,datasets,components}/*/*.{md,yaml}' }),
    schema: z.looseObject({ title: z.string(), summary: z.string() }),
  }),
  organisations: defineCollection({
    loader: glob({ base: `${content}/organisations`, pattern: '*.yaml' }),
    schema: z.looseObject({ name: z.string() }),
  }),
};
