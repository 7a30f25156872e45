/** The hub's own vocabularies, kept as data in content/vocabularies/. */
import { z } from 'zod';
import { plainText, singleLine } from './fields.ts';

export const theme = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a theme id: lowercase letters, digits and hyphens, e.g. waste-and-recycling' })
    .meta({ title: 'Id', description: 'The id records use in their themes list.' }),
  label: singleLine(80).meta({ title: 'Label', description: 'The theme’s name as shown on the site.' }),
  description: plainText(300).meta({ title: 'Description', description: 'One sentence on what belongs under the theme.' }),
});

export const themesFileSchema = z
  .strictObject({
    themes: z.array(theme, { error: 'a list of themes, each with id, label and description' }).min(1).max(200),
  })
  .meta({ title: 'Themes', description: 'The themes records can be tagged with. File: content/vocabularies/themes.yaml.' });

export type Theme = z.infer<typeof theme>;
export type ThemesFile = z.infer<typeof themesFileSchema>;

/**
 * A concept of the synonym vocabulary: one thing, and the other words people use for it. Search and the
 * overlap engine share the vocabulary: a record that says any of the phrases is found by all of them, and
 * two roadmap items that say different phrases of one concept count as sharing it.
 */
export const synonymConcept = z.strictObject({
  label: singleLine(60).meta({
    title: 'Label',
    description: 'The thing’s plain name, shown in the reasons two items look alike, e.g. "garden waste". It counts as one of the phrases.',
  }),
  phrases: z
    .array(singleLine(80), { error: 'a list of phrases, e.g. [brown bin, green bin]' })
    .min(1)
    .max(60)
    .meta({
      title: 'Phrases',
      description:
        'Other words for it, in residents’ and officers’ words, e.g. "brown bin". Matched as whole words, ' +
        'ignoring case and plural endings. Only phrases that always mean the ' +
        'thing: one that only sometimes does makes unrelated work look alike.',
    }),
});

export const synonymsFileSchema = z
  .strictObject({
    synonyms: z
      .array(synonymConcept, { error: 'a list of concepts, each with a label and its phrases' })
      .min(1)
      .max(1000)
      .meta({ description: 'The concepts: each a thing, with the other words people use for it.' }),
  })
  .meta({
    title: 'Synonyms',
    description: 'Words people use for the same thing, shared by search and the overlap engine. File: content/vocabularies/synonyms.yaml.',
  });

export type SynonymConcept = z.infer<typeof synonymConcept>;
export type SynonymsFile = z.infer<typeof synonymsFileSchema>;
