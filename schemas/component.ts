/** A reusable component: code, design components, service patterns, processes, content, APIs, tools and shared standards. */
import { z } from 'zod';
import {
  contact,
  harvestedFrom,
  harvestedOn,
  licenceId,
  services,
  singleLine,
  summary,
  themes,
  title,
  uniqueList,
  webUrl,
  recordTranslations,
} from './fields.ts';

export const COMPONENT_KINDS = [
  'code',
  'design-component',
  'service-pattern',
  'process',
  'content',
  'api',
  'tool',
  'template',
  'standard',
] as const;
export const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;
export const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const;

/** Kinds whose licence must be approved by the Open Source Initiative, because they are software. */
export const SOFTWARE_KINDS: ReadonlySet<string> = new Set(['code']);

export const componentSchema = z
  .strictObject({
    title,
    summary,
    translations: recordTranslations.optional(),
    kind: z.enum(COMPONENT_KINDS, { error: `one of: ${COMPONENT_KINDS.join(', ')}` }).meta({
      title: 'Kind',
      description:
        'What sort of thing it is: code, design-component, service-pattern, process, content, ' +
        'api, tool, template or standard (a data, API or service standard others can adopt).',
    }),
    licence: licenceId.meta({
      title: 'Licence',
      description:
        'The licence others may reuse it under, as an SPDX id from data/reference/licences.csv. Code ' +
        'needs an OSI-approved licence such as MIT; everything else an open licence such as OGL-UK-3.0.',
      examples: ['MIT'],
    }),
    repository_url: webUrl.optional().meta({
      title: 'Repository',
      description: 'Where the source or files are, e.g. a GitHub repository.',
      examples: ['https://github.com/example-council/bin-day-finder'],
    }),
    url: webUrl.optional().meta({ title: 'Website', description: 'Where to see it working or read its documentation.' }),
    development_status: z
      .enum(DEVELOPMENT_STATUSES, { error: `one of: ${DEVELOPMENT_STATUSES.join(', ')}` })
      .optional()
      .meta({
        title: 'Development status',
        description: 'How mature it is: concept, development, beta, stable or obsolete (as in publiccode.yml).',
      }),
    maintenance: z
      .enum(MAINTENANCE_TYPES, { error: `one of: ${MAINTENANCE_TYPES.join(', ')}` })
      .optional()
      .meta({
        title: 'Maintenance',
        description: 'Who keeps it going: internal (your staff), contract (a supplier), community, or none.',
      }),
    platforms: uniqueList(singleLine(40), 10)
      .optional()
      .meta({
        title: 'Platforms',
        description: 'Where it runs, for software: web, windows, mac, linux, ios, android, or a product name.',
        examples: [['web']],
      }),
    services: services.optional(),
    themes: themes.optional(),
    standards: uniqueList(singleLine(100), 20).optional().meta({
      title: 'Standards',
      description: 'Standards it follows or implements, e.g. GOV.UK Design System, Open Referral UK, WCAG 2.2 AA.',
    }),
    contact: contact.optional(),
    harvested_from: harvestedFrom.optional(),
    harvested_on: harvestedOn.optional(),
  })
  .meta({
    title: 'Reusable component',
    description:
      'Something others can reuse. File: content/components/<organisation>/<slug>.yaml, ' +
      'or .md with these fields as front matter and documentation below.',
  });

export type Component = z.infer<typeof componentSchema>;
