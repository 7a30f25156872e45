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
      description:
        'The licence of every record that names none, as an SPDX id from data/reference/licences.csv. It must be an open licence.',
      examples: ['OGL-UK-3.0'],
    }),
  })
  .meta({
    title: 'Hub configuration',
    description:
      'What makes this hub itself: its name, what it is for, where its content is kept and its default licence. ' +
      'File: hub.config.yaml.',
  });

export type HubConfig = z.infer<typeof hubConfigSchema>;
