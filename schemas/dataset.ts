/** An open dataset a body publishes. Maps to DCAT-AP for harvesters. */
import { z } from 'zod';
import {
  contact,
  harvestedFrom,
  harvestedOn,
  isoDate,
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

export const UPDATE_FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'twice-a-year',
  'annually',
  'irregular',
  'never',
] as const;

export const distribution = z.strictObject({
  url: webUrl.meta({ title: 'Download address', description: 'Where the file or API is, starting https://.' }),
  format: singleLine(40).meta({
    title: 'Format',
    description: 'The file format as people name it, e.g. CSV, JSON, GeoJSON, XLSX, API.',
    examples: ['CSV'],
  }),
  media_type: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'a media type, e.g. text/csv or application/json' })
    .optional()
    .meta({ title: 'Media type', description: 'The IANA media type, e.g. text/csv.', examples: ['text/csv'] }),
  title: singleLine(150)
    .optional()
    .meta({ title: 'Title', description: 'What this file holds, if the dataset has several, e.g. 2025 to 2026.' }),
});

export const datasetSchema = z
  .strictObject({
    title,
    summary,
    translations: recordTranslations.optional(),
    licence: licenceId.meta({
      title: 'Licence',
      description: 'The dataset’s licence as an SPDX id from data/reference/licences.csv. It must be an open licence, usually OGL-UK-3.0.',
      examples: ['OGL-UK-3.0'],
    }),
    landing_url: webUrl.meta({
      title: 'Landing page',
      description: 'The page where people find the dataset and its documentation.',
      examples: ['https://data.example.gov.uk/dataset/bin-collections'],
    }),
    distributions: uniqueList(distribution, 50)
      .optional()
      .meta({
        title: 'Distributions',
        description: 'The files or APIs the dataset comes as, each with a url and format.',
        examples: [[{ url: 'https://data.example.gov.uk/bins.csv', format: 'CSV', media_type: 'text/csv' }]],
      }),
    update_frequency: z
      .enum(UPDATE_FREQUENCIES, { error: `one of: ${UPDATE_FREQUENCIES.join(', ')}` })
      .optional()
      .meta({
        title: 'Update frequency',
        description: `How often the data is updated: ${UPDATE_FREQUENCIES.join(', ')}.`,
      }),
    issued: isoDate.optional().meta({ title: 'First published', description: 'When the dataset was first published, as YYYY-MM-DD.' }),
    modified: isoDate.optional().meta({ title: 'Last updated', description: 'When the data last changed, as YYYY-MM-DD.' }),
    coverage: singleLine(200)
      .optional()
      .meta({ title: 'Coverage', description: 'The place and time the data covers, in words, e.g. Fenmoor county, April 2019 onwards.' }),
    services: services.optional(),
    themes: themes.optional(),
    standards: uniqueList(singleLine(100), 20)
      .optional()
      .meta({
        title: 'Standards',
        description: 'Data standards the dataset follows, e.g. Open Referral UK, 360Giving, BS7666.',
        examples: [['Open Referral UK']],
      }),
    contact: contact.optional(),
    harvested_from: harvestedFrom.optional(),
    harvested_on: harvestedOn.optional(),
  })
  .meta({
    title: 'Open dataset',
    description: 'An open dataset a body publishes. File: content/datasets/<organisation>/<slug>.yaml.',
  });

export type Dataset = z.infer<typeof datasetSchema>;
export type Distribution = z.infer<typeof distribution>;
