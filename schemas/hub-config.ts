/**
 * The hub's own configuration (hub.config.yaml, or the file HUB_CONFIG names): what makes this hub this
 * hub rather than another built from the same code. Checked when the hub validates or builds, with the
 * same plain errors as content (src/lib/hub-config.ts).
 */
import { z } from 'zod';
import { licenceId, plainText, singleLine } from './fields.ts';

/** owner/name of a repository on GitHub. */
export const githubRepository = z
  .string({ error: 'a GitHub repository as owner/name, e.g. council-commons/council-commons' })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, {
    error: 'a GitHub repository as owner/name, without https://github.com/, e.g. council-commons/council-commons',
  });

/** A file the configuration names: a path from the configuration file's folder. */
const configuredFile = (description: string, example: string) =>
  singleLine(300)
    .regex(/^[^\0]+$/, { error: 'a path to a file, from the folder of this configuration file' })
    .meta({ description, examples: [example] });

/** The list of services records say they are about, if the hub has one (see src/lib/reference-data.ts). */
export const serviceListConfig = z
  .strictObject({
    name: singleLine(100).meta({
      title: 'Name',
      description: 'The list’s full name, as the services pages and the field help give it.',
      examples: ['Local Government Service List'],
    }),
    publisher: singleLine(100)
      .optional()
      .meta({
        title: 'Publisher',
        description: 'Who publishes the list, credited on the about page.',
        examples: ['Local Government Association'],
      }),
    abbreviation: singleLine(12)
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, { error: 'a short name of letters, digits and hyphens, e.g. LGSL' })
      .meta({
        title: 'Abbreviation',
        description: 'What goes before a service’s id wherever one is named, as in “LGSL 524”.',
        examples: ['LGSL'],
      }),
    file: configuredFile(
      'The list as CSV, one service a row, with at least an id column (whole numbers) and a label column; ' +
        'description, uri, esd_history_notes (former names) and govuk_description are read when present.',
      'data/reference/services.csv',
    ).meta({ title: 'File' }),
    idColumn: singleLine(50)
      .optional()
      .meta({ title: 'Id column', description: 'The column that holds the ids, when it is not called id.', examples: ['lgsl_id'] }),
    uri: singleLine(200)
      .regex(/^https?:\/\/[^\s]*\{id\}[^\s]*$/, {
        error: 'an address with {id} where the service’s id goes, e.g. http://id.esd.org.uk/service/{id}',
      })
      .optional()
      .meta({
        title: 'Address of a service',
        description: 'The address that identifies a service, with {id} for its id, for rows that give no uri of their own.',
        examples: ['http://id.esd.org.uk/service/{id}'],
      }),
  })
  .meta({
    title: 'Service list',
    description:
      'The list of public services records say they are about. Leave it out for a hub without one: records then name themes only.',
  });

export const hubConfigSchema = z
  .strictObject({
    name: singleLine(60).meta({
      title: 'Name',
      description: 'The hub’s name, as the header, page titles, feeds, open data and issue forms give it.',
      examples: ['Council Commons'],
    }),
    tagline: singleLine(200).meta({
      title: 'Tagline',
      description: 'One line on what the hub is for, shown under its name on the home page.',
      examples: ['Where UK councils share their digital work'],
    }),
    description: plainText(400).meta({
      title: 'Description',
      description: 'Two sentences on who shares what on the hub, as search engines, link previews and the open-data catalogue describe it.',
    }),
    repository: z
      .strictObject({
        github: githubRepository.meta({
          title: 'GitHub repository',
          description:
            'Where the hub’s content is kept, for “edit this page”, “report a problem” and the forms that open pull requests. ' +
            'A build on GitHub Actions uses its own repository instead, so a fork links to itself.',
          examples: ['council-commons/council-commons'],
        }),
        branch: singleLine(100)
          .regex(/^[A-Za-z0-9._/-]+$/, { error: 'a branch name, e.g. main' })
          .meta({ title: 'Branch', description: 'The branch changes are proposed against.', examples: ['main'] }),
      })
      .meta({ title: 'Repository', description: 'The repository on GitHub that holds the hub’s content.' }),
    defaultLicence: licenceId.meta({
      title: 'Default licence',
      description: 'The licence of every record that names none, as an SPDX id from the licence list. It must be an open licence.',
      examples: ['OGL-UK-3.0'],
    }),
    licences: configuredFile(
      'The licences records may name, as CSV with the columns id (SPDX), name, url, open and osi_approved. ' +
        'Without it, the list that comes with the hub (data/reference/licences.csv): common open licences by SPDX id, and the UK’s OGL.',
      'data/reference/licences.csv',
    )
      .optional()
      .meta({ title: 'Licence list' }),
    services: serviceListConfig.optional(),
  })
  .meta({
    title: 'Hub configuration',
    description:
      'What makes this hub itself: its name, what it is for, where its content is kept, its licences and its service list. ' +
      'File: hub.config.yaml.',
  });

export type HubConfig = z.infer<typeof hubConfigSchema>;
export type ServiceListConfig = z.infer<typeof serviceListConfig>;
