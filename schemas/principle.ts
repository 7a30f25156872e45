/** A design principle a body works by. */
import { z } from 'zod';
import { contentLicence, principleId, summary, themes, title, webUrl, recordTranslations } from './fields.ts';

export const principleSchema = z
  .strictObject({
    title,
    summary,
    translations: recordTranslations.optional(),
    adopted_from: principleId.optional().meta({
      title: 'Adopted from',
      description: 'If you took this principle from another body on the hub, the id of their principle.',
      examples: ['principles/fenmoor/start-with-user-needs'],
    }),
    source_url: webUrl.optional().meta({
      title: 'Source',
      description: 'Where the principle is published or came from, if elsewhere on the web.',
      examples: ['https://www.gov.uk/guidance/government-design-principles'],
    }),
    themes: themes.optional(),
    licence: contentLicence.optional(),
  })
  .meta({
    title: 'Design principle',
    description:
      'A design principle a body works by. File: content/principles/<organisation>/<slug>.md, ' +
      'with what it means in practice as Markdown below the front matter.',
  });

export type Principle = z.infer<typeof principleSchema>;
