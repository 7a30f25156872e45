/** A roadmap item: a piece of work planned, under way, paused, stopped or done. */
import { z } from 'zod';
import {
  componentId,
  contact,
  contentLicence,
  isoDate,
  organisationId,
  services,
  singleLine,
  summary,
  themes,
  title,
  uniqueList,
  webUrl,
  yearMonth,
  recordTranslations,
} from './fields.ts';

export const ROADMAP_STATUSES = ['idea', 'discovery', 'alpha', 'beta', 'live', 'paused', 'stopped', 'retired'] as const;
export const LOOKING_FOR = ['partners', 'funding', 'code', 'research', 'data', 'testers', 'advice'] as const;

export const link = z.strictObject({
  title: singleLine(150).meta({ title: 'Link text', description: 'What the link leads to, e.g. Our discovery write-up.' }),
  url: webUrl.meta({ title: 'Address', description: 'The web address, starting https://.' }),
});

export const links = uniqueList(link, 20).meta({
  title: 'Links',
  description: 'Further reading: blog posts, show-and-tells, reports. Each has a title and a url.',
  examples: [[{ title: 'Discovery report', url: 'https://www.example.gov.uk/discovery' }]],
});

export const roadmapSchema = z
  .strictObject({
    title,
    summary,
    translations: recordTranslations.optional(),
    status: z.enum(ROADMAP_STATUSES, { error: `one of: ${ROADMAP_STATUSES.join(', ')}` }).meta({
      title: 'Status',
      description:
        'Where the work is now: idea, discovery, alpha, beta, live, paused, ' +
        'stopped or retired (the GOV.UK service phases, plus paused and stopped).',
    }),
    services: services.optional(),
    themes: themes.optional(),
    start: yearMonth
      .optional()
      .meta({ title: 'Start', description: 'When the work started or will start, as YYYY-MM.', examples: ['2026-04'] }),
    end: yearMonth.optional().meta({
      title: 'End',
      description: 'When the work ended or is planned to end, as YYYY-MM. Not before start.',
      examples: ['2027-03'],
    }),
    partners: uniqueList(organisationId, 50)
      .optional()
      .meta({
        title: 'Partners',
        description: 'Organisation ids of the other bodies working on this with you.',
        examples: [['sallowfield']],
      }),
    looking_for: uniqueList(z.enum(LOOKING_FOR, { error: `one of: ${LOOKING_FOR.join(', ')}` }), LOOKING_FOR.length)
      .optional()
      .meta({
        title: 'Looking for',
        description: `What you would welcome from others: ${LOOKING_FOR.join(', ')}.`,
        examples: [['partners', 'code']],
      }),
    reuses: uniqueList(componentId, 50)
      .optional()
      .meta({
        title: 'Reuses',
        description: 'Ids of shared components this work reuses.',
        examples: [['components/fenmoor/bin-day-finder']],
      }),
    funding: singleLine(200)
      .optional()
      .meta({
        title: 'Funding',
        description: 'Where the money comes from, in a few words, e.g. Local Digital Fund round 7.',
        examples: ['Local Digital Fund'],
      }),
    contact: contact.optional(),
    review_by: isoDate.optional().meta({
      title: 'Review by',
      description:
        'The date by which someone should check this item is still right, as YYYY-MM-DD. After it, the hub shows the item as out of date.',
      examples: ['2027-03-31'],
    }),
    links: links.optional(),
    licence: contentLicence.optional(),
  })
  .meta({
    title: 'Roadmap item',
    description:
      'A piece of work planned, under way, paused, stopped or done. File: content/roadmap/<organisation>/<slug>.md, ' +
      'with these fields as front matter and the story of the work as Markdown below.',
  });

export type RoadmapItem = z.infer<typeof roadmapSchema>;
export type Link = z.infer<typeof link>;
