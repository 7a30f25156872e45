/** Something a body learned, good or bad. */
import { z } from 'zod';
import { anyRecordId, contentLicence, isoDate, services, summary, themes, title, uniqueList, recordTranslations } from './fields.ts';
import { links } from './roadmap.ts';

export const OUTCOMES = ['worked', 'mixed', 'did-not-work', 'abandoned'] as const;

export const lessonSchema = z
  .strictObject({
    title,
    summary,
    translations: recordTranslations.optional(),
    date: isoDate
      .optional()
      .meta({ title: 'Date', description: 'When this was learned or written up, as YYYY-MM-DD.', examples: ['2026-03-14'] }),
    outcome: z
      .enum(OUTCOMES, { error: `one of: ${OUTCOMES.join(', ')}` })
      .optional()
      .meta({
        title: 'Outcome',
        description: 'How it went: worked, mixed, did-not-work or abandoned. Lessons from things that did not work are the most valuable.',
      }),
    services: services.optional(),
    themes: themes.optional(),
    related: uniqueList(anyRecordId, 30)
      .optional()
      .meta({
        title: 'Related records',
        description: 'Ids of roadmap items, components, datasets, principles or other lessons this lesson is about.',
        examples: [['roadmap/fenmoor/garden-waste-online']],
      }),
    links: links.optional(),
    licence: contentLicence.optional(),
  })
  .meta({
    title: 'Lesson learned',
    description:
      'Something a body learned, good or bad. File: content/lessons/<organisation>/<slug>.md, ' +
      'with the story as Markdown below the front matter.',
  });

export type Lesson = z.infer<typeof lessonSchema>;
