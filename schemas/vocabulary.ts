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
